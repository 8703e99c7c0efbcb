package io.newsframe.clean;

import io.newsframe.config.CleanSettings;
import io.newsframe.text.LineKeys;
import io.newsframe.text.StopWords;
import io.newsframe.text.Words;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Gopher's document quality filters (Rae et al. 2021) on an article's clean text. Each failed
 * check is one flag; an article with flags is kept in the table and left out of modelling.
 */
final class QualityChecks implements Serializable {
  private static final long serialVersionUID = 1L;
  private final CleanSettings.Quality q;

  public QualityChecks(CleanSettings.Quality settings) {
    this.q = settings;
  }

  public List<String> flags(String text) {
    List<String> flags = new ArrayList<>();
    String[] words = Words.split(text);
    int n = words.length;
    if (n < q.minWords()) {
      flags.add("too_few_words");
    }
    if (n > q.maxWords()) {
      flags.add("too_many_words");
    }
    if (n == 0) {
      return flags;
    }
    long letters = 0;
    int alphaWords = 0;
    int stops = 0;
    int symbols = 0;
    for (String w : words) {
      letters += w.length();
      if (hasLetter(w)) {
        alphaWords++;
      }
      String trimmed = Words.trimPunctuation(w);
      if (StopWords.isEnglish(trimmed, 0, trimmed.length())) {
        stops++;
      }
      if (w.contains("#") || w.contains("…") || w.contains("...")) {
        symbols++;
      }
    }
    double mean = (double) letters / n;
    if (mean < q.minMeanWordLength() || mean > q.maxMeanWordLength()) {
      flags.add("mean_word_length");
    }
    if ((double) symbols / n > q.maxSymbolRatio()) {
      flags.add("symbol_ratio");
    }
    if ((double) alphaWords / n < q.minAlphaWords()) {
      flags.add("few_alphabetic_words");
    }
    if (stops < q.minStopWords()) {
      flags.add("few_stop_words");
    }
    lineChecks(text, flags);
    ngramChecks(words, flags);
    return flags;
  }

  private void lineChecks(String text, List<String> flags) {
    String[] lines = text.split("\n");
    int nonEmpty = 0;
    int bullets = 0;
    int ellipsis = 0;
    int dupLines = 0;
    long dupChars = 0;
    long chars = 0;
    Set<String> seen = new HashSet<>();
    for (String line : lines) {
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      nonEmpty++;
      chars += t.length();
      if (t.startsWith("•") || t.startsWith("*") || t.startsWith("- ") || t.startsWith("·")) {
        bullets++;
      }
      if (t.endsWith("...") || t.endsWith("…")) {
        ellipsis++;
      }
      if (!seen.add(t)) {
        dupLines++;
        dupChars += t.length();
      }
    }
    if (nonEmpty == 0) {
      return;
    }
    if ((double) bullets / nonEmpty > q.maxBulletLines()) {
      flags.add("bullet_lines");
    }
    if ((double) ellipsis / nonEmpty > q.maxEllipsisLines()) {
      flags.add("ellipsis_lines");
    }
    if ((double) dupLines / nonEmpty > q.maxDuplicateLines()) {
      flags.add("duplicate_lines");
    }
    if (chars > 0 && (double) dupChars / chars > q.maxDuplicateLineChars()) {
      flags.add("duplicate_line_chars");
    }
  }

  /**
   * Repetition: the most frequent 2-4-gram's share of characters, and duplicated 5-10-grams'.
   * N-grams are compared by a 64-bit hash of their words' hashes, not as joined strings.
   */
  private void ngramChecks(String[] words, List<String> flags) {
    long[] hashes = new long[words.length];
    int[] lengths = new int[words.length];
    long totalChars = 0;
    for (int i = 0; i < words.length; i++) {
      String lower = words[i].toLowerCase(Locale.ROOT);
      hashes[i] = LineKeys.hash(lower);
      lengths[i] = lower.length();
      totalChars += lengths[i];
    }
    if (totalChars == 0) {
      return;
    }
    GramTable grams = new GramTable(words.length);
    List<Double> top = q.maxTopNgramChars();
    for (int k = 0; k < top.size() && k + 2 <= words.length; k++) {
      int n = k + 2;
      grams.clear();
      int best = 0;
      int bestAt = 0;
      for (int i = 0; i + n <= words.length; i++) {
        int c = grams.increment(gramHash(hashes, i, n));
        if (c > best) {
          best = c;
          bestAt = i;
        }
      }
      double share = best < 2 ? 0 : (double) best * chars(lengths, bestAt, n) / totalChars;
      if (share > top.get(k)) {
        flags.add("top_" + n + "gram");
        return;
      }
    }
    List<Double> dup = q.maxDuplicateNgramChars();
    for (int k = 0; k < dup.size() && k + 5 <= words.length; k++) {
      int n = k + 5;
      grams.clear();
      boolean[] covered = new boolean[words.length];
      for (int i = 0; i + n <= words.length; i++) {
        int at = grams.putIfAbsent(gramHash(hashes, i, n), i);
        if (at >= 0) {
          java.util.Arrays.fill(covered, i, i + n, true);
          java.util.Arrays.fill(covered, at, at + n, true);
        }
      }
      long dupChars = 0;
      for (int i = 0; i < words.length; i++) {
        if (covered[i]) {
          dupChars += lengths[i];
        }
      }
      if ((double) dupChars / totalChars > dup.get(k)) {
        flags.add("duplicate_" + n + "grams");
        return;
      }
    }
  }

  // A loop, not w.chars().anyMatch: the stream's four objects for every word were 1.5 GB of the
  // 41 GB that ingest and clean allocated at 100k articles.
  private static boolean hasLetter(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLetter(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static long gramHash(long[] hashes, int start, int n) {
    long h = 0;
    for (int j = start; j < start + n; j++) {
      h = h * 0x9E3779B97F4A7C15L + hashes[j];
    }
    return h;
  }

  private static long chars(int[] lengths, int start, int n) {
    long sum = 0;
    for (int j = start; j < start + n; j++) {
      sum += lengths[j];
    }
    return sum;
  }
}
