package io.newsframe.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.config.CleanSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoilerplateClassifierTest {
  private static final BoilerplateClassifier CLASSIFIER =
      new BoilerplateClassifier(new CleanSettings.Boilerplate(50, 150, 0.20, 300, 200, true));

  private static String paragraph(String topic) {
    return ("The talks on " + topic + " went on for hours, and the officials said that they were not sure "
        + "whether there would be an agreement before the end of the week. ").repeat(3);
  }

  private static List<String> story(String... after) {
    List<String> lines = new ArrayList<>(List.of(paragraph("trade"), paragraph("arms"), paragraph("gas")));
    lines.addAll(List.of(after));
    return lines;
  }

  @Test
  void aSectionNameFollowedByTeasersEndsTheBody() {
    List<String> lines = story("Related", "Kremlin denies report on talks", "Summit dates set for June",
        "Sanctions list grows again", paragraph("a different story"));
    List<BoilerplateClassifier.Verdict> verdicts = CLASSIFIER.classify(lines, line -> false);
    assertNull(verdicts.get(2).reason());
    assertEquals(LineReason.FOOTER, verdicts.get(3).reason());
    assertEquals(LineReason.TEASER, verdicts.get(7).reason());
  }

  @Test
  void aSectionNameInsideTheStoryIsABoxNotItsEnd() {
    List<String> lines = story("Related", "Kremlin denies report on talks", paragraph("the sanctions").repeat(2));
    List<BoilerplateClassifier.Verdict> verdicts = CLASSIFIER.classify(lines, line -> false);
    assertNull(verdicts.get(5).reason(), "the story goes on after the box");
  }

  @Test
  void aReaderCommentSignatureEndsTheBody() {
    List<String> lines = story("Posted by: Sean | Jan 10, 2008 4:49:12 PM", paragraph("a reader's view"));
    List<BoilerplateClassifier.Verdict> verdicts = CLASSIFIER.classify(lines, line -> false);
    assertNotNull(verdicts.get(3).reason());
    assertEquals(LineReason.TEASER, verdicts.get(4).reason());
  }

  /**
   * Chinese news prose, without spaces: paragraphs of 80 to 110 characters, which counted one
   * for one fell below the length a body paragraph needs.
   */
  private static final List<String> CHINESE_STORY = List.of(
      "俄罗斯和美国的外交官员周二在日内瓦举行会谈，双方就军备控制和乌克兰局势交换了意见，但会谈结束时没有达成任何协议。"
          + "据报道，会谈持续了将近八个小时。",
      "俄方代表在会后对记者表示，莫斯科希望华盛顿认真考虑俄方提出的安全保障建议，并称对话将在下个月继续进行。"
          + "他说，双方都同意保持接触，避免局势进一步升级。",
      "美国国务院发言人说，美方愿意在相互尊重的基础上讨论欧洲安全问题，但不会接受任何限制北约扩大的要求。"
          + "她还表示，如果俄方采取进一步行动，美国及其盟友将实施新的制裁。");

  @Test
  void aChinesePagesParagraphsAreItsBody() {
    List<String> lines = new ArrayList<>(List.of("首页", "国际", "财经", "<a href=\"/sports\">体育</a>"));
    lines.addAll(CHINESE_STORY);
    List<BoilerplateClassifier.Verdict> verdicts = CLASSIFIER.classify(lines, line -> false);
    for (int i = 4; i < 7; i++) {
      assertNull(verdicts.get(i).reason(), "paragraph " + i + " is body");
    }
    assertNotNull(verdicts.get(0).reason(), "a menu item far from the body");
  }

  @Test
  void aChineseOrJapaneseFullStopEndsASentence() {
    assertTrue(BoilerplateClassifier.looksLikeSentence(CHINESE_STORY.get(0)));
    assertTrue(BoilerplateClassifier.looksLikeSentence("東京で両国の首脳が会談し、協力の強化で合意した。"));
    assertFalse(BoilerplateClassifier.looksLikeSentence("相关新闻。"), "too short for a sentence");
  }

  @Test
  void aChineseCharacterOrKanaCountsAsTwoLatinOnes() {
    assertEquals(11, BoilerplateClassifier.latinLength("日内瓦会谈。"));
    assertEquals(8, BoilerplateClassifier.latinLength("ひらがな"));
    assertEquals("Talks in Geneva.".length(), BoilerplateClassifier.latinLength("Talks in Geneva."));
  }
}
