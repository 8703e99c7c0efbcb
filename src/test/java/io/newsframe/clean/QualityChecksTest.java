package io.newsframe.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.config.CleanSettings;
import io.newsframe.config.ConfigLoader;
import io.newsframe.text.LineKeys;
import io.newsframe.text.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class QualityChecksTest {
  private final CleanSettings.Quality settings = ConfigLoader.defaults().clean().quality();
  private final QualityChecks checks = new QualityChecks(settings);

  @Test
  void anOrdinaryArticlePasses() {
    String text = ("Kremlin spokesman Dmitry Peskov said that Russia is ready to engage in dialogue with the "
        + "new administration as long as Washington wishes to narrow the differences between the two "
        + "countries. ").repeat(1) + "The talks would cover arms control, sanctions and the situation "
        + "around Ukraine, and they could begin as early as next month in Geneva, officials said.";
    assertEquals(List.of(), checks.flags(text));
  }

  @Test
  void failuresAreNamed() {
    assertTrue(checks.flags("Too short to be an article.").contains("too_few_words"));
    String repeated = "buy cheap pills ".repeat(30);
    List<String> flags = checks.flags(repeated);
    assertTrue(flags.contains("few_stop_words"), flags.toString());
    assertTrue(flags.stream().anyMatch(f -> f.startsWith("top_") || f.startsWith("duplicate_")), flags.toString());
  }

  /**
   * The repetition flags on 5,000 made-up texts (phrases of a small vocabulary, repeated at
   * random) are those of the checks as first written, with a boxed hash map per pass; every kind of
   * repetition flag, and none, is among them.
   */
  @Test
  void repetitionFlagsAreTheHashMapChecks() {
    Random random = new Random(11);
    Map<String, Integer> seen = new TreeMap<>();
    for (int t = 0; t < 5_000; t++) {
      String text = repetitiveText(random);
      String expected = referenceRepetitionFlag(Words.split(text));
      List<String> repetition = checks.flags(text).stream()
          .filter(f -> f.startsWith("top_") || f.startsWith("duplicate_") && f.endsWith("grams")).toList();
      assertEquals(expected == null ? List.of() : List.of(expected), repetition, text);
      seen.merge(expected == null ? "none" : expected, 1, Integer::sum);
    }
    assertTrue(seen.keySet().containsAll(List.of("none", "top_2gram", "top_3gram", "top_4gram", "duplicate_5grams")),
        seen.toString());
  }

  private static String repetitiveText(Random random) {
    String[] vocabulary = new String[5 + random.nextInt(200)];
    for (int i = 0; i < vocabulary.length; i++) {
      StringBuilder word = new StringBuilder();
      for (int c = 1 + random.nextInt(9); c > 0; c--) {
        word.append((char) ('a' + random.nextInt(26)));
      }
      vocabulary[i] = random.nextInt(10) == 0 ? word.toString().toUpperCase(Locale.ROOT) : word.toString();
    }
    List<String> words = new ArrayList<>();
    int length = 20 + random.nextInt(400);
    while (words.size() < length) {
      if (!words.isEmpty() && random.nextInt(4) == 0) {
        int from = random.nextInt(words.size());
        words.addAll(words.subList(from, Math.min(words.size(), from + 2 + random.nextInt(10))));
      } else {
        words.add(vocabulary[random.nextInt(vocabulary.length)]);
      }
    }
    return String.join(" ", words);
  }

  /** The repetition checks as first written (a HashMap per pass), for the first flag they raise. */
  private String referenceRepetitionFlag(String[] words) {
    long[] hashes = Arrays.stream(words).mapToLong(w -> LineKeys.hash(w.toLowerCase(Locale.ROOT))).toArray();
    int[] lengths = Arrays.stream(words).mapToInt(w -> w.toLowerCase(Locale.ROOT).length()).toArray();
    long totalChars = Arrays.stream(lengths).asLongStream().sum();
    if (totalChars == 0) {
      return null;
    }
    List<Double> top = settings.maxTopNgramChars();
    for (int k = 0; k < top.size() && k + 2 <= words.length; k++) {
      int n = k + 2;
      Map<Long, Integer> counts = new HashMap<>();
      int best = 0;
      int bestAt = 0;
      for (int i = 0; i + n <= words.length; i++) {
        int c = counts.merge(gramHash(hashes, i, n), 1, Integer::sum);
        if (c > best) {
          best = c;
          bestAt = i;
        }
      }
      long chars = 0;
      for (int j = bestAt; j < bestAt + n; j++) {
        chars += lengths[j];
      }
      if ((best < 2 ? 0 : (double) best * chars / totalChars) > top.get(k)) {
        return "top_" + n + "gram";
      }
    }
    List<Double> dup = settings.maxDuplicateNgramChars();
    for (int k = 0; k < dup.size() && k + 5 <= words.length; k++) {
      int n = k + 5;
      Map<Long, Integer> first = new HashMap<>();
      boolean[] covered = new boolean[words.length];
      for (int i = 0; i + n <= words.length; i++) {
        Integer at = first.putIfAbsent(gramHash(hashes, i, n), i);
        if (at != null) {
          Arrays.fill(covered, i, i + n, true);
          Arrays.fill(covered, at, at + n, true);
        }
      }
      long dupChars = 0;
      for (int i = 0; i < words.length; i++) {
        dupChars += covered[i] ? lengths[i] : 0;
      }
      if ((double) dupChars / totalChars > dup.get(k)) {
        return "duplicate_" + n + "grams";
      }
    }
    return null;
  }

  private static long gramHash(long[] hashes, int start, int n) {
    long h = 0;
    for (int j = start; j < start + n; j++) {
      h = h * 0x9E3779B97F4A7C15L + hashes[j];
    }
    return h;
  }
}
