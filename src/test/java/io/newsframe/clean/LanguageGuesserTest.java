package io.newsframe.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsframe.RealTexts;
import io.newsframe.SharedSpark;
import io.newsframe.text.ClasspathModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.util.StringUtil;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;
import org.junit.jupiter.api.Test;

/**
 * {@link LanguageContext} gives the features OpenNLP's own context generator gives, and
 * {@link LanguageGuesser} (through {@link LanguageScores}) the language and confidence OpenNLP's
 * detector gives, on texts made to stress the normalizers and on real articles and pages.
 */
class LanguageGuesserTest {
  private static final ClasspathModel<LanguageDetectorModel> STOCK =
      new ClasspathModel<>("/langdetect-183.bin", LanguageDetectorModel::new);

  private static final List<String> MADE = List.of(
      "Russian President Vladimir Putin said on Thursday that talks would resume.",
      "Президент России Владимир Путин заявил в четверг, что переговоры возобновятся.",
      "中华人民共和国外交部发言人表示，双方同意继续沟通。",
      "See https://example.com/a?b=1 and www.news.org, write to press@example.com #sanctions @kremlin 2,500 troops 😀😀",
      "İstanbul'da ISTANBUL ıı İİ straße STRASSE ǅ ΣΑΣ",
      "   many    spaces\n\n\tand\ttabs   ",
      "hahaha HAHA jajaja jiji hohoho, xD XD x-p :-) ;o RT: rt rt yes, #tag @name; experts expect exports",
      "Whaaaat sooo AAAaa goood!!! \u2028\u2028 line\r\n\r\nbreaks 𝐀𝐀𝐀 𠀀𠀀𠀀 \uD800 alone",
      "mail me at someone@example.org or ftp://files.example.org/x, 3 4 5, ٣٤٥ Arabic digits",
      "a",
      "");

  private static void assertSameAsStock(String text) {
    Set<String> ours = grams(LanguageContext.normalized(text));
    Set<String> stock = new HashSet<>();
    for (CharSequence gram : STOCK.get().getFactory().getContextGenerator().getContext(text)) {
      stock.add(gram.toString());
    }
    assertEquals(stock, ours, "features of: " + text.substring(0, Math.min(80, text.length())));
    if (!text.isBlank()) {
      LanguageGuesser.Guess guess = new LanguageGuesser(text.length(), 0).guess(text);
      Language expected = new LanguageDetectorME(STOCK.get()).predictLanguage(text);
      assertEquals(expected.getLang(), guess.language());
      assertEquals(expected.getConfidence(), guess.confidence(), 1e-9);
    }
  }

  /** The distinct n-grams of the normalized text that {@link LanguageScores} looks up. */
  private static Set<String> grams(String text) {
    Set<String> grams = new HashSet<>();
    for (int length = LanguageContext.MIN_LENGTH; length <= LanguageContext.MAX_LENGTH; length++) {
      for (int start = 0; start + length <= text.length(); start++) {
        grams.add(text.substring(start, start + length));
      }
    }
    return grams;
  }

  @Test
  void theFeaturesAndTheGuessAreOpenNlpsOwn() {
    MADE.forEach(LanguageGuesserTest::assertSameAsStock);
  }

  /** Every n-gram of one to three ASCII chars has the same feature in the small tables as in the large one. */
  @Test
  void asciiGramsHaveTheirFeaturesInTheSmallTables() {
    LanguageScores scores = LanguageScores.of(STOCK.get());
    int features = 0;
    char[] gram = new char[3];
    for (int length = 1; length <= 3; length++) {
      for (int code = 0; code < 1 << (7 * length); code++) {
        for (int i = 0; i < length; i++) {
          gram[i] = (char) ((code >>> (7 * (length - 1 - i))) & 127);
        }
        String text = new String(gram, 0, length);
        int expected = scores.featureOf(text);
        assertEquals(expected, scores.asciiFeatureOf(text), () -> "n-gram " + text.chars().boxed().toList());
        features += expected >= 0 ? 1 : 0;
      }
    }
    // Letters, digits' stand-ins and punctuation: thousands of the model's features are ASCII n-grams.
    assertTrue(features > 10_000, "ASCII features: " + features);
  }

  /** Dense rows or none, or every feature a row: the same scores to the last bit. */
  @Test
  void denseRowsChangeNoScore() {
    LanguageScores sparse = LanguageScores.of(STOCK.get(), Integer.MAX_VALUE);
    LanguageScores allDense = LanguageScores.of(STOCK.get(), 1);
    LanguageScores mixed = LanguageScores.of(STOCK.get());
    java.util.Random random = new java.util.Random(5);
    List<String> texts = new ArrayList<>(MADE);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = 1 + random.nextInt(60); i > 0; i--) {
        String made = MADE.get(random.nextInt(MADE.size()));
        text.append(PIECES[random.nextInt(PIECES.length)]).append(made, 0, Math.min(9, made.length()));
      }
      texts.add(text.toString());
    }
    for (String text : texts) {
      LanguageScores.Best expected = sparse.best(text);
      assertEquals(expected, allDense.best(text), text);
      assertEquals(expected, mixed.best(text), text);
    }
  }

  @Test
  void onRealArticlesAndPagesToo() throws IOException {
    Path shared = SharedSpark.shared();
    assumeTrue(shared != null, "../shared/corpora is absent: real-text language check skipped");
    List<String> texts = new ArrayList<>();
    texts.addAll(RealTexts.field(shared.resolve("corpora/russia/journals_interests.jsonl"), "text", 150));
    texts.addAll(RealTexts.field(shared.resolve("corpora/boilerplate/pages.jsonl"), "raw_text", 150));
    assertTrue(texts.size() >= 300, "texts read: " + texts.size());
    for (String text : texts) {
      assertSameAsStock(text.length() > 500 ? text.substring(0, 500) : text);
    }
  }

  /** The normalizers skipped where a scan finds nothing they match: the same text on every record. */
  @Test
  void theNormalizedTextIsOpenNlpsOnEveryRealText() throws IOException {
    Path shared = SharedSpark.shared();
    assumeTrue(shared != null, "../shared/corpora is absent: real-text normalizer check skipped");
    List<String> texts = new ArrayList<>();
    texts.addAll(RealTexts.field(shared.resolve("corpora/russia/journals_interests.jsonl"), "text", Integer.MAX_VALUE));
    texts.addAll(RealTexts.field(shared.resolve("corpora/boilerplate/pages.jsonl"), "raw_text", Integer.MAX_VALUE));
    assertTrue(texts.size() >= 2000, "texts read: " + texts.size());
    for (String text : texts) {
      assertNormalizedAsStock(text.length() > 500 ? text.substring(0, 500) : text);
    }
  }

  /** The normalizers and their order of OpenNLP's LanguageDetectorFactory.getContextGenerator(). */
  private static final CharSequenceNormalizer STOCK_NORMALIZERS = new AggregateCharSequenceNormalizer(
      EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
      TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
      ShrinkCharSequenceNormalizer.getInstance());

  private static void assertNormalizedAsStock(String text) {
    assertEquals(StringUtil.toLowerCaseCharBuffer(STOCK_NORMALIZERS.normalize(text)).toString(),
        LanguageContext.normalized(text), () -> "normalized: " + text.substring(0, Math.min(120, text.length())));
  }

  /**
   * Pieces that make and break every pattern of the normalizers: faces with and without their
   * hyphen, retweet marks after word and non-word characters (a combining accent, a letter beyond
   * 16 bits, an underscore), laughs, runs of one character and of every kind of white space.
   */
  private static final String[] PIECES = {":", ";", "x", "X", "-", "(", ")", "d", "D", "o", "O", "p", "P", "r", "R",
      "t", "T", "rt", "RT", "rt:", "Rt ", " ", "  ", "\t", "\n", "\r", "\u000B", "\f", "\u00A0", "h", "H", "j", "J",
      "a", "e", "i", "u", "A", "ha", "haha", "JeJe", "aa", "aaa", "_", "1", "22", "#", "@", "é", "e\u0301", "\u0301",
      "\uD835\uDC00", "\uD83D\uDE00", "\uD800", "www.", "://", "expect", "xo", "word", "Москва", "の"};

  @Test
  void theNormalizedTextIsOpenNlpsOnMadeUpText() {
    java.util.Random random = new java.util.Random(20261205L);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = 1 + random.nextInt(n % 10 == 0 ? 200 : 25); i > 0; i--) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      assertNormalizedAsStock(text.toString());
    }
  }
}
