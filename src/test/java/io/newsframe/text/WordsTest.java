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

  private static java.util.List<String> scanned(String text, boolean innerJoiners) {
    java.util.List<String> words = new java.util.ArrayList<>();
    Words.scan(text, innerJoiners, (start, end) -> words.add(text.substring(start, end)));
    return words;
  }

  @Test
  void scanFindsRunsOfLettersAndDigits() {
    assertEquals(java.util.List.of("Kremlin", "said", "G7", "2024", "so", "called"),
        scanned("(Kremlin) said: G7, 2024 -- so-called", false));
    assertEquals(java.util.List.of(), scanned(" ... -- ", false));
  }

  @Test
  void scanKeepsApostrophesAndHyphensBetweenLettersWhenAsked() {
    assertEquals(java.util.List.of("Russia's", "so-called", "Kremlin’s", "G7", "talks"),
        scanned("Russia's so-called Kremlin’s G7-'talks'", true));
  }
}
