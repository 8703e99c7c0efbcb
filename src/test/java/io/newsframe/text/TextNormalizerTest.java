package io.newsframe.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.RealTexts;
import io.newsframe.SharedSpark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  @Test
  void nfkcEntitiesInvisiblesAndWhiteSpace() {
    assertEquals("The ﬁrst".replace("ﬁ", "fi"), TextNormalizer.normalize("The \uFB01rst"));
    assertEquals("Tom & Jerry “quoted”", TextNormalizer.normalize("Tom &amp; Jerry &ldquo;quoted&rdquo;"));
    assertEquals("zerowidth", TextNormalizer.normalize("zero\u200Bwidth"));
    assertEquals("a b\n\nc", TextNormalizer.normalize("  a \u00A0  b \r\n\r\n\r\n\t c  "));
  }

  @Test
  void everyInvisibleAndControlCharacterIsFoundAsUnicodeClassesSayAndNoOther() {
    java.util.regex.Pattern invisible = java.util.regex.Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\u00AD\\uFEFF]");
    java.util.regex.Pattern control = java.util.regex.Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (!Character.isSurrogate(c)) {
        all.append(c).append('x');
      }
    }
    String text = all.toString();
    String expected = control.matcher(invisible.matcher(text).replaceAll("")).replaceAll(" ");
    assertEquals(expected, TextNormalizer.dropInvisibleAndControl(text));
    assertTrue(expected.length() < text.length(), "some characters are dropped");
    String clean = "nothing to drop here";
    assertTrue(clean == TextNormalizer.dropInvisibleAndControl(clean), "and clean text is not copied");
  }

  @Test
  void ellipsisAndChinesePunctuationKeepTheirForm() {
    assertEquals("wait… 你好，世界", TextNormalizer.normalize("wait… 你好，世界"));
  }

  @Test
  void commonMojibakeIsRepaired() {
    assertEquals("Russia’s “war” café", TextNormalizer.normalize("Russiaâ€™s â€œwarâ€\u009d cafÃ©"));
  }

  @Test
  void gluedJointsAreCountedAndCamelCaseNamesAreNot() {
    assertEquals(3, TextNormalizer.gluedJoints("Log In Account SettingsLog Out contentVideo loadedAd"));
    assertEquals(2, TextNormalizer.gluedJoints("1. How relevant is this ad to you?2. Did you see it?3. Yes"));
    assertEquals(0, TextNormalizer.gluedJoints("Watch it on YouTube, says DeSantis, or at McDonald's: 2.5 percent."));
    // A glued sentence end is a joint the text normalizer splits, not evidence of chrome: prose has it.
    assertEquals(0, TextNormalizer.gluedJoints("Talks resumed.The minister left."));
  }

  @Test
  void textThatLostItsLineBreaksIsSplitBackIntoBlocks() {
    String glued = "Related TopicsRussia-Ukraine warImage source, EPABy Laurence PeterBBC NewsRussian "
        + "President Vladimir Putin says a group entered a border region on Thursday and opened fire."
        + "The governor said saboteurs had fired at a car in a border village, killing two men."
        + "Kyiv strongly denied the Russian claim.The alleged incident has not been verified. "
        + "x".repeat(400) + ". YouTube and TikTok stay whole.";
    String out = TextNormalizer.normalize(glued);
    assertTrue(out.contains("\nImage source, EPA\n"), out);
    assertTrue(out.contains("\nBy Laurence Peter\n"), out);
    assertTrue(out.contains("\nThe governor said"), out);
    assertTrue(out.contains("YouTube and TikTok"), out);
  }

  @Test
  void aPageThatKeptItsLinesIsNotSplitForTyposInOneParagraph() {
    String paragraph = "Again I sat ruminating what I should do.Mortified as I was, I went out.Then I came back. "
        + "He was there.Nay, he was still there. " + "y".repeat(600) + ".";
    String page = "Menu\n" + ("A paragraph of the story that is long enough to count as text. ".repeat(8) + "\n").repeat(3)
        + paragraph;
    String out = TextNormalizer.normalize(page);
    assertTrue(out.contains("should do.Mortified"), out);
    assertEquals(5, out.split("\n").length);
  }

  @Test
  void ordinaryParagraphsAreNotSplit() {
    String text = "The U.S. President met NATO leaders. They spoke in Brussels.";
    assertEquals(text, TextNormalizer.normalize(text));
  }

  // The glue scans and the white space pass, held to the regular expressions they replace (the
  // normalizer's code before 2026-12-04), on made-up text dense in their edge cases and on every
  // text of the shared corpora.

  private static final Pattern GLUED_SENTENCE = Pattern.compile("(?<=[a-z0-9%)][.!?][\"”’']?)(?=[A-Z“\"])");
  private static final Pattern GLUED_WORD = Pattern.compile("(?<=[a-z]{2})(?=[A-Z])");
  private static final Pattern GLUED_ACRONYM = Pattern.compile("(?<=[A-Z]{2})(?=[A-Z][a-z]{1,})");
  private static final Pattern GLUED_NUMBER = Pattern.compile("(?<=[a-z][.!?])(?=[0-9])");
  private static final Pattern CAMEL_NAMES = Pattern.compile("\\b(?:YouTube|TikTok|PayPal|LinkedIn|WhatsApp|"
      + "JavaScript|PowerPoint|iPhone|iPad|eBay|FedEx|BlackRock|DreamWorks|PlayStation|SoftBank|OpenAI|ChatGPT|"
      + "MacBook|McDonald|MacArthur|DeSantis|LeBron|GlaxoSmithKline|BuzzFeed|HuffPost|PricewaterhouseCoopers|"
      + "NordStream)\\b");

  private static String ungluedByPatterns(String text) {
    String protectedText = CAMEL_NAMES.matcher(text).replaceAll(r -> r.group().replace("", "\u0001")
        .replaceAll("^\u0001|\u0001$", ""));
    String split = GLUED_SENTENCE.matcher(protectedText).replaceAll("\n");
    split = GLUED_WORD.matcher(split).replaceAll("\n");
    split = GLUED_ACRONYM.matcher(split).replaceAll("\n");
    return split.replace("\u0001", "");
  }

  private static int jointsByPatterns(String text) {
    String plain = CAMEL_NAMES.matcher(text).replaceAll("");
    return count(GLUED_WORD.matcher(plain)) + count(GLUED_NUMBER.matcher(plain));
  }

  /** Glued sentences in the text's longest line, up to three, found as the pattern finds them. */
  private static boolean looksGluedByPattern(String text) {
    int longestStart = 0;
    int longestEnd = 0;
    int start = 0;
    for (String line : text.split("\n", -1)) {
      if (line.length() > longestEnd - longestStart) {
        longestStart = start;
        longestEnd = start + line.length();
      }
      start += line.length() + 1;
    }
    int longest = longestEnd - longestStart;
    if (longest < 600 || longest < 0.5 * (text.length() - (text.split("\n", -1).length - 1))) {
      return false;
    }
    Matcher m = GLUED_SENTENCE.matcher(text).region(longestStart, longestEnd);
    int glued = 0;
    while (m.find() && glued < 3) {
      glued++;
    }
    return glued >= 3;
  }

  private static final Pattern SPACES = Pattern.compile("[\\t\\p{Zs}]+");
  private static final Pattern EDGE_SPACE = Pattern.compile("^ | $");

  /** Each line's runs of tabs and space separators to one space, trimmed; one empty line at most between blocks. */
  private static String whitespaceByPatterns(String text) {
    StringBuilder out = new StringBuilder();
    boolean gap = false;
    for (String line : text.split("\n", -1)) {
      String collapsed = EDGE_SPACE.matcher(SPACES.matcher(line).replaceAll(" ")).replaceAll("");
      if (collapsed.isEmpty()) {
        gap = out.length() > 0;
      } else {
        out.append(out.length() == 0 ? "" : gap ? "\n\n" : "\n").append(collapsed);
        gap = false;
      }
    }
    return out.toString();
  }

  private static int count(Matcher m) {
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static void assertSameAsPatterns(String raw) {
    String ws = whitespaceByPatterns(raw);
    assertEquals(ws, TextNormalizer.normalizeWhitespace(raw), () -> "white space of: " + shown(raw));
    // A text with nothing to change comes back as it is, not copied.
    assertSame(ws, TextNormalizer.normalizeWhitespace(ws), () -> "copied: " + shown(ws));
    String text = TextNormalizer.beforeGlue(raw);
    assertEquals(looksGluedByPattern(text), TextNormalizer.looksGlued(text), () -> "glued? " + shown(text));
    assertEquals(ungluedByPatterns(text), TextNormalizer.unglue(text), () -> "unglued: " + shown(text));
    assertEquals(jointsByPatterns(text), TextNormalizer.gluedJoints(text), () -> "joints: " + shown(text));
    for (String line : text.split("\n")) {
      assertEquals(jointsByPatterns(line), TextNormalizer.gluedJoints(line), () -> "joints: " + shown(line));
    }
  }

  private static String shown(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  /**
   * Pieces that make and break every joint: cases, stops, quotes, digits, names, spaces of all
   * kinds, and what a name's word bounds read (an underscore, a combining accent, a letter beyond
   * 16 bits, a longer word that starts with a name).
   */
  private static final String[] PIECES = {"a", "b", "z", "A", "B", "Z", "Q", ".", "!", "?", ",", "\"", "”", "’", "'",
      "“", "%", ")", "(", "0", "7", " ", "  ", "\n", "\n\n", "\t", "\u00A0", "\u3000", "\u2003", "-", "é", "É",
      "YouTube", "iPhone", "eBay", "McDonald", "NordStream", "EPA", "By", "the", "The", "word", "x".repeat(300),
      "YouTuber", "iPad", "McDonalds", "MacArthur", "PricewaterhouseCoopers", "_", "\u0301", "\uD835\uDC00", "5"};

  @Test
  void theScansAreThePatternsOnMadeUpText() {
    Random random = new Random(20261204L);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int pieces = 1 + random.nextInt(n % 10 == 0 ? 400 : 30);
      for (int i = 0; i < pieces; i++) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      assertSameAsPatterns(text.toString());
    }
  }

  @Test
  void theScansAreThePatternsOnEveryRealText() throws IOException {
    Path shared = SharedSpark.shared();
    List<String> texts = new ArrayList<>(List.of("", "a", "x.Y", "Related TopicsRussia-Ukraine warImage source, EPABy"));
    if (shared != null) {
      texts.addAll(RealTexts.all(shared));
    }
    long glued = 0;
    for (String text : texts) {
      assertSameAsPatterns(text);
      glued += TextNormalizer.looksGlued(TextNormalizer.beforeGlue(text)) ? 1 : 0;
    }
    if (shared != null) {
      assertTrue(texts.size() > 4_000 && glued > 1_000, texts.size() + " texts, " + glued + " glued");
    } else {
      System.out.println("../shared/corpora is absent: the scans were checked on made-up text only");
    }
  }
}
