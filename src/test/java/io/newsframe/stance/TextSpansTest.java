package io.newsframe.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextSpansTest {
  @Test
  void spacesCollapseAsTheRegularExpressionDid() {
    // Every kind of white space \s knows, and some it does not (no-break, em and ideographic spaces).
    String alphabet = "ab .,\t\n\u000B\f\r\u00A0\u2003\u3000\u001C";
    Random random = new Random(7);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(30); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = text.toString();
      int from = s.isEmpty() ? 0 : random.nextInt(s.length());
      int to = from + (s.length() == from ? 0 : random.nextInt(s.length() - from + 1));
      assertEquals(s.substring(from, to).replaceAll("\\s+", " "), TextSpans.collapseSpaces(s, from, to),
          () -> "\"" + s + "\" [" + from + ", " + to + ")");
    }
  }

  @Test
  void aSentenceIsShownOnOneLineAndCut() {
    TextSpans spans = TextSpans.of("Moscow said.  The talks\t went   on and on. Then silence.");
    int talks = 3; // Moscow, said, The, talks
    assertEquals("The talks went on and on.", spans.sentenceText(talks, 240));
    assertEquals("The talks went…", spans.sentenceText(talks, 15));
  }
}
