package io.newsframe.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
