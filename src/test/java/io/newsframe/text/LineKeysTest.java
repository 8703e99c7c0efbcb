package io.newsframe.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LineKeys#keyHash} and {@link LineKeys#keyWords} answer as the key they do not make. */
class LineKeysTest {
  /** Letters of several scripts and cases, digits of two, white space of several kinds, punctuation and a surrogate pair. */
  private static final String ALPHABET = "aZéÉΣσςİıßﬁ١3 \t\n\u00a0\u2003\u001c.,-'’😀";

  static String randomLine(Random random, int maxLength) {
    StringBuilder line = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      line.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return line.toString();
  }

  @Test
  void hashAndWordsOfTheKeyWithoutMakingIt() {
    Random random = new Random(7);
    for (int n = 0; n < 200_000; n++) {
      String line = randomLine(random, 24);
      String key = LineKeys.key(line);
      assertEquals(LineKeys.hash(key), LineKeys.keyHash(line), line);
      assertEquals(LineKeys.words(key), LineKeys.keyWords(line), line);
      int from = random.nextInt(line.length() + 1);
      int to = from + random.nextInt(line.length() - from + 1);
      assertEquals(LineKeys.hash(LineKeys.key(line.substring(from, to))), LineKeys.keyHash(line, from, to), line);
    }
    assertEquals(LineKeys.hash(""), LineKeys.keyHash("  ,. "));
    assertEquals(0, LineKeys.keyWords("  ,. "));
    assertEquals(LineKeys.hash(""), LineKeys.emptyHash());
  }

  /** The key's final lower-casing, which keyHash leaves out, changes no char the key can hold. */
  @Test
  void lowerCasingALowerCasedLetterAgainChangesNothing() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (Character.isLetter(c)) {
        String lower = String.valueOf(Character.toLowerCase(c));
        assertEquals(lower, lower.toLowerCase(Locale.ROOT), "U+" + Integer.toHexString(c));
      }
    }
  }
}
