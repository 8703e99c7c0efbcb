package io.newsframe.stance;

import io.newsframe.config.StanceSettings;
import io.newsframe.text.StopWords;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * A polarity lexicon induced from the batch with seed words (Turney and Littman 2003, with
 * nearness instead of search-engine hits): a word's polarity is log2 of how much more often it
 * occurs within a window of positive seeds than of negative ones, relative to the seeds' own
 * frequencies, clipped to ±4 and scaled to ±1. Seeds count ±1. Words that name a target are left
 * out: the lexicon must not make "Moscow" itself negative. Function words are left out too: how
 * often "and" stands near "peace" in one outlet's prose is house style, not evaluation.
 *
 * <p>Being induced from the user's own corpus, it needs no licence; and it follows the register of
 * news (a "crisis" word in one corpus is a neutral one in another).
 */
final class PolarityLexicon {
  private static final double SMOOTHING = 1.0;
  private static final double CLIP = 4.0;
  private static final int MIN_WORD_CHARS = 3;

  private PolarityLexicon() {}

  /**
   * @param texts one string column of article text
   * @return word to polarity in [-1, 1], at most max-size entries (the strongest), sorted by word
   */
  public static Map<String, Double> induce(Dataset<Row> texts, StanceSettings settings) {
    var lexicon = settings.lexicon();
    Set<String> positive = lowerSet(lexicon.positive());
    Set<String> negative = lowerSet(lexicon.negative());
    Set<String> excluded = targetWords(settings);
    int window = lexicon.window();
    JavaPairRDD<String, long[]> counts = texts.javaRDD()
        .mapPartitionsToPair(rows -> nearSeeds(rows, positive, negative, excluded, window))
        .reduceByKey(PolarityLexicon::add);
    // The seeds' own totals: the denominators of the log odds.
    long[] seedTotals = counts.filter(e -> e._1().isEmpty()).values().fold(new long[3], PolarityLexicon::add);
    double positiveTotal = Math.max(1, seedTotals[0]);
    double negativeTotal = Math.max(1, seedTotals[1]);
    int minCount = lexicon.minCount();
    double minPolarity = lexicon.minPolarity();
    List<Tuple2<String, Double>> strongest = counts
        .filter(e -> !e._1().isEmpty() && e._2()[2] >= minCount)
        .mapToPair(e -> new Tuple2<>(e._1(), polarity(e._2(), positiveTotal, negativeTotal)))
        .filter(e -> Math.abs(e._2()) * CLIP >= minPolarity)
        .takeOrdered(lexicon.maxSize(), new ByStrength());
    Map<String, Double> result = new TreeMap<>();
    strongest.forEach(e -> result.put(e._1(), e._2()));
    positive.forEach(w -> result.put(w, 1.0));
    negative.forEach(w -> result.put(w, -1.0));
    return result;
  }

  private static double polarity(long[] c, double positiveTotal, double negativeTotal) {
    double odds = Math.log((c[0] + SMOOTHING) * negativeTotal / ((c[1] + SMOOTHING) * positiveTotal)) / Math.log(2);
    return Math.max(-CLIP, Math.min(CLIP, odds)) / CLIP;
  }

  /** Strongest first, then alphabetical, so that the cut at max-size is deterministic. */
  static final class ByStrength implements java.util.Comparator<Tuple2<String, Double>>, java.io.Serializable {
    @Override
    public int compare(Tuple2<String, Double> a, Tuple2<String, Double> b) {
      int byStrength = Double.compare(Math.abs(b._2()), Math.abs(a._2()));
      return byStrength != 0 ? byStrength : a._1().compareTo(b._1());
    }
  }

  /**
   * For each word occurrence: [near a positive seed, near a negative seed, 1]. The empty word
   * carries the seeds' own occurrence counts [positive, negative, 0].
   */
  private static Iterator<Tuple2<String, long[]>> nearSeeds(Iterator<Row> rows, Set<String> positive,
      Set<String> negative, Set<String> excluded, int window) {
    Map<String, long[]> local = new java.util.HashMap<>();
    long[] seeds = new long[3];
    while (rows.hasNext()) {
      Row row = rows.next();
      if (row.isNullAt(0)) {
        continue;
      }
      TextSpans words = TextSpans.of(row.getString(0));
      int n = words.size;
      int[] positiveBefore = new int[n + 1];
      int[] negativeBefore = new int[n + 1];
      for (int i = 0; i < n; i++) {
        boolean p = positive.contains(words.lower[i]);
        boolean q = negative.contains(words.lower[i]);
        positiveBefore[i + 1] = positiveBefore[i] + (p ? 1 : 0);
        negativeBefore[i + 1] = negativeBefore[i] + (q ? 1 : 0);
        seeds[0] += p ? 1 : 0;
        seeds[1] += q ? 1 : 0;
      }
      for (int i = 0; i < n; i++) {
        String w = words.lower[i];
        if (w.length() < MIN_WORD_CHARS || !Character.isLetter(w.charAt(0)) || excluded.contains(w)
            || StopWords.ENGLISH.contains(w) || positive.contains(w) || negative.contains(w)) {
          continue;
        }
        int from = Math.max(0, i - window);
        int to = Math.min(n, i + window + 1);
        long[] c = local.computeIfAbsent(w, k -> new long[3]);
        c[0] += positiveBefore[to] - positiveBefore[from] > 0 ? 1 : 0;
        c[1] += negativeBefore[to] - negativeBefore[from] > 0 ? 1 : 0;
        c[2]++;
      }
    }
    List<Tuple2<String, long[]>> out = new ArrayList<>(local.size() + 1);
    local.forEach((w, c) -> out.add(new Tuple2<>(w, c)));
    out.add(new Tuple2<>("", seeds));
    return out.iterator();
  }

  private static long[] add(long[] a, long[] b) {
    return new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
  }

  private static Set<String> lowerSet(List<String> words) {
    Set<String> set = new HashSet<>();
    words.forEach(w -> set.add(w.toLowerCase(Locale.ROOT)));
    return set;
  }

  /** Every word of every target's names, titles and voices, lower case. */
  private static Set<String> targetWords(StanceSettings settings) {
    Set<String> words = new HashSet<>();
    for (var target : settings.targets()) {
      for (var list : List.of(target.names(), target.titles(), target.voices())) {
        for (String phrase : list) {
          TextSpans spans = TextSpans.of(phrase);
          words.addAll(java.util.Arrays.asList(spans.lower).subList(0, spans.size));
        }
      }
    }
    return words;
  }
}
