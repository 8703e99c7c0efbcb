package io.newsframe.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordsTest {
  @Test
  void splitsAndCountsLikeTheWhiteSpacePattern() {
    for (String text : new String[] {"", "   ", "one", "  Kremlin\tsaid \n on  Monday. ", "a\u00a0b c"}) {
      String[] expected = text.isBlank() ? new String[0] : text.strip().split("\\s+");
      assertArrayEquals(expected, Words.split(text), text);
      assertEquals(expected.length, Words.count(text), text);
    }
  }

  @Test
  void collapsesWhiteSpaceAndLowerCases() {
    assertEquals("the white house said", Words.collapsedLowerCase("  The  White\tHouse said "));
  }

  @Test
  void trimsPunctuationAtTheEdgesOnly() {
    assertEquals("Kremlin", Words.trimPunctuation("(Kremlin),"));
    assertEquals("U.S", Words.trimPunctuation("“U.S.”"));
    assertEquals("", Words.trimPunctuation("..."));
    assertEquals("don't", Words.trimPunctuation("don't"));
  }
}
