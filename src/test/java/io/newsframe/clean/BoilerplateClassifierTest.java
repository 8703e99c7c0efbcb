package io.newsframe.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
