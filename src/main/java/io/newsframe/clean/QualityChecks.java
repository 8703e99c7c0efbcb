package io.newsframe.clean;

import io.newsframe.config.CleanSettings;
import io.newsframe.text.StopWords;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gopher's document quality filters (Rae et al. 2021) on an article's clean text. Each failed
 * check is one flag; an article with flags is kept in the table and left out of modelling.
 */
public final class QualityChecks implements Serializable {
  private static final long serialVersionUID = 1L;
  private final CleanSettings.Quality q;

  public QualityChecks(CleanSettings.Quality settings) {
    this.q = settings;
  }

  public List<String> flags(String text) {
    List<String> flags = new ArrayList<>();
    String[] words = text.isBlank() ? new String[0] : text.strip().split("\\s+");
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
      if (w.chars().anyMatch(Character::isLetter)) {
        alphaWords++;
      }
      String lower = w.toLowerCase(Locale.ROOT).replaceAll("^\\p{P}+|\\p{P}+$", "");
      if (StopWords.ENGLISH.contains(lower)) {
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

  /** Repetition: the most frequent 2-4-gram's share of characters, and duplicated 5-10-grams'. */
  private void ngramChecks(String[] words, List<String> flags) {
    String[] w = new String[words.length];
    long totalChars = 0;
    for (int i = 0; i < words.length; i++) {
      w[i] = words[i].toLowerCase(Locale.ROOT);
      totalChars += w[i].length();
    }
    if (totalChars == 0) {
      return;
    }
    List<Double> top = q.maxTopNgramChars();
    for (int k = 0; k < top.size(); k++) {
      int n = k + 2;
      if (w.length < n) {
        break;
      }
      Map<String, Integer> counts = new HashMap<>();
      int best = 0;
      String bestGram = "";
      for (int i = 0; i + n <= w.length; i++) {
        String gram = String.join(" ", java.util.Arrays.copyOfRange(w, i, i + n));
        int c = counts.merge(gram, 1, Integer::sum);
        if (c > best) {
          best = c;
          bestGram = gram;
        }
      }
      double share = best < 2 ? 0 : (double) best * bestGram.replace(" ", "").length() / totalChars;
      if (share > top.get(k)) {
        flags.add("top_" + n + "gram");
        return;
      }
    }
    List<Double> dup = q.maxDuplicateNgramChars();
    for (int k = 0; k < dup.size(); k++) {
      int n = k + 5;
      if (w.length < n) {
        break;
      }
      Map<String, Integer> first = new HashMap<>();
      boolean[] covered = new boolean[w.length];
      for (int i = 0; i + n <= w.length; i++) {
        String gram = String.join(" ", java.util.Arrays.copyOfRange(w, i, i + n));
        Integer at = first.putIfAbsent(gram, i);
        if (at != null) {
          for (int j = 0; j < n; j++) {
            covered[i + j] = true;
            covered[at + j] = true;
          }
        }
      }
      long dupChars = 0;
      for (int i = 0; i < w.length; i++) {
        if (covered[i]) {
          dupChars += w[i].length();
        }
      }
      if ((double) dupChars / totalChars > dup.get(k)) {
        flags.add("duplicate_" + n + "grams");
        return;
      }
    }
  }
}
