package io.newsframe.clean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsframe.config.CleanSettings;
import io.newsframe.text.LineKeys;
import io.newsframe.text.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The signatures and exact keys, made without intermediate strings, are those of their definitions
 * written out with strings: stored signatures of earlier runs stay comparable.
 */
class MinHasherTest {
  private static final CleanSettings.Dedup DEDUP = new CleanSettings.Dedup(5, 20, 5, 0.6, 50, 7);
  private static final String ALPHABET = "abcdeZÉΣσİ١3 \t\n\r\f\u000b\u00a0\u2003\u001c.,-'😀";

  /** The definition: the words of the text collapsed, each shingle a string of k words and spaces, hashed. */
  private static int[] definedSignature(String text, int shingleWords, long[] seeds) {
    String normalized = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    List<String> words = new ArrayList<>();
    Words.scan(normalized, false, (start, end) -> words.add(normalized.substring(start, end).toLowerCase(Locale.ROOT)));
    if (words.isEmpty()) {
      return null;
    }
    int[] sig = new int[seeds.length];
    Arrays.fill(sig, Integer.MAX_VALUE);
    int k = Math.min(shingleWords, words.size());
    for (int first = 0; first + k <= words.size(); first++) {
      StringBuilder shingle = new StringBuilder();
      for (String word : words.subList(first, first + k)) {
        shingle.append(word).append(' ');
      }
      long h = LineKeys.hash(shingle);
      for (int i = 0; i < seeds.length; i++) {
        sig[i] = Math.min(sig[i], (int) (MinHasher.mix(h ^ seeds[i]) >>> 33));
      }
    }
    return sig;
  }

  private static long definedExact(String id, String text) {
    String normalized = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    return LineKeys.hash(normalized.isEmpty() ? "\u0000" + id : normalized);
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(80);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }

  @Test
  void signaturesAndExactKeysAsDefined() {
    MinHasher hasher = new MinHasher(DEDUP);
    long[] seeds = new long[DEDUP.bands() * DEDUP.rows()];
    java.util.SplittableRandom seedDraw = new java.util.SplittableRandom(DEDUP.seed());
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = seedDraw.nextLong();
    }
    Random random = new Random(11);
    List<String> texts = new ArrayList<>(List.of("", " \t ", "One.", "Σ ΟΔΟΣ  and\n\nİstanbul's 2024 talks",
        "The  Kremlin said\ton Monday that talks   would resume.\n", "\u2003 lead \u2003", "a \u2003 b"));
    for (int n = 0; n < 20_000; n++) {
      texts.add(randomText(random));
    }
    for (String text : texts) {
      String lower = text.toLowerCase(Locale.ROOT);
      int[] defined = definedSignature(text, DEDUP.shingleWords(), seeds);
      assertArrayEquals(defined, hasher.signatureOfLowerCase(lower), text);
      assertEquals(definedExact("id-1", text), DuplicateClusters.exactHash("id-1", lower), text);
    }
    assertNull(hasher.signatureOfLowerCase(" ,. "));
    assertEquals(definedExact("x", " "), DuplicateClusters.exactHash("x", " "));
  }
}
