package io.newsframe.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link StopWords#isEnglish} answers as the set does for the word lower-cased. */
class StopWordsTest {
  private static boolean bySet(String word) {
    return StopWords.ENGLISH.contains(word.toLowerCase(Locale.ROOT));
  }

  @Test
  void everyStopWordInAnyCaseAndNothingLonger() {
    for (String word : StopWords.ENGLISH) {
      String capitalized = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      for (String form : List.of(word, word.toUpperCase(Locale.ROOT), capitalized)) {
        assertTrue(StopWords.isEnglish(form, 0, form.length()), form);
        String inLine = "x " + form + ", y";
        assertTrue(StopWords.isEnglish(inLine, 2, 2 + form.length()), inLine);
      }
      for (String other : List.of(word + "s", word + "'", "'" + word, word + "1", word + "é")) {
        assertEquals(bySet(other), StopWords.isEnglish(other, 0, other.length()), other);
      }
    }
    assertFalse(StopWords.isEnglish("", 0, 0));
    assertFalse(StopWords.isEnglish("yourselvesx", 0, 11));
  }

  /** A char outside ASCII that lower-cases into ASCII letters makes no stop word, as isEnglish assumes. */
  @Test
  void noOtherCharLowerCasesIntoAStopWord() {
    List<Character> intoAscii = new ArrayList<>();
    for (char c = 128; c < Character.MAX_VALUE; c++) {
      String lower = String.valueOf(c).toLowerCase(Locale.ROOT);
      if (lower.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
        intoAscii.add(c);
      }
    }
    assertEquals(List.of('\u212A'), intoAscii, "chars outside ASCII that lower-case to ASCII letters");
    for (String word : StopWords.ENGLISH) {
      assertFalse(word.contains("k"), word);
    }
    assertFalse(StopWords.isEnglish("\u212Aeep", 0, 4));
  }

  @Test
  void randomWordsAnswerAsTheSet() {
    Random random = new Random(7);
    String alphabet = "aeiosthnrdwybAEIOSTHNRDWYB'é\u0130\u212A1";
    List<String> words = new ArrayList<>(StopWords.ENGLISH);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder word = new StringBuilder();
      for (int i = 1 + random.nextInt(5); i > 0; i--) {
        word.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      words.add(word.toString());
    }
    int stops = 0;
    for (String word : words) {
      boolean expected = bySet(word);
      assertEquals(expected, StopWords.isEnglish(word, 0, word.length()), word);
      stops += expected ? 1 : 0;
    }
    assertTrue(stops > StopWords.ENGLISH.size(), "stop words among the random ones: " + (stops - StopWords.ENGLISH.size()));
  }
}
