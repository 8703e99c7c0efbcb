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
    // The normalizers and their order of OpenNLP's LanguageDetectorFactory.getContextGenerator().
    CharSequenceNormalizer stock = new AggregateCharSequenceNormalizer(EmojiCharSequenceNormalizer.getInstance(),
        UrlCharSequenceNormalizer.getInstance(), TwitterCharSequenceNormalizer.getInstance(),
        NumberCharSequenceNormalizer.getInstance(), ShrinkCharSequenceNormalizer.getInstance());
    for (String text : texts) {
      String prefix = text.length() > 500 ? text.substring(0, 500) : text;
      assertEquals(StringUtil.toLowerCaseCharBuffer(stock.normalize(prefix)).toString(),
          LanguageContext.normalized(prefix), "normalized: " + prefix.substring(0, Math.min(80, prefix.length())));
    }
  }
}
