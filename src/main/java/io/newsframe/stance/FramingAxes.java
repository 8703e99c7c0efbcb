package io.newsframe.stance;

import io.newsframe.config.StanceSettings;
import io.newsframe.stance.TermMatcher.Hit;
import io.newsframe.stance.TermMatcher.Kind;
import io.newsframe.stance.TermMatcher.Role;
import io.newsframe.text.StopWords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Word weights on the configured framing axes, induced from the batch. For axis (a, b), a word's
 * weight is log2 of (share of a-articles containing it) over (share of b-articles containing it),
 * add-one smoothed, clipped to ±4 and scaled to ±1, where an a-article is one using a term of a
 * framing group of side a. The seed terms themselves are not weighted here: the scorer counts them
 * as ±1 directly. Function words are not weighted either: how often a writer uses "she", "says" or
 * "you" is house style, not framing; nor are the words axis-terms.exclude lists.
 */
public final class FramingAxes {
  private static final double CLIP = 4.0;
  private static final int MIN_WORD_CHARS = 3;

  private FramingAxes() {}

  /** @return per axis (in settings order), word to weight in [-1, 1] */
  public static List<Map<String, Double>> induce(Dataset<Row> texts, FeatureSpace space) {
    StanceSettings settings = space.settings();
    int axes = settings.axes().size();
    List<Map<String, Double>> result = new ArrayList<>();
    if (axes == 0) {
      return result;
    }
    int[][] sideOfGroup = sides(space);
    Set<String> seedWords = seedWords(settings);
    var counts = texts.javaRDD()
        .mapPartitionsToPair(rows -> documentCounts(rows, space, sideOfGroup, seedWords))
        .reduceByKey(FramingAxes::add)
        .cache();
    try {
      long[] totals = counts.filter(e -> e._1().isEmpty()).values().fold(new long[2 * axes + 1], FramingAxes::add);
      int minDocs = settings.axisTerms().minDocs();
      for (int x = 0; x < axes; x++) {
        final int axis = x;
        double aDocs = totals[2 * x];
        double bDocs = totals[2 * x + 1];
        List<Tuple2<String, Double>> strongest = counts
            .filter(e -> !e._1().isEmpty() && e._2()[2 * axes] >= minDocs)
            .mapToPair(e -> new Tuple2<>(e._1(), weight(e._2()[2 * axis], e._2()[2 * axis + 1], aDocs, bDocs)))
            .filter(e -> e._2() != 0)
            .takeOrdered(settings.axisTerms().maxTerms(), new PolarityLexicon.ByStrength());
        Map<String, Double> weights = new TreeMap<>();
        strongest.forEach(e -> weights.put(e._1(), e._2()));
        result.add(weights);
      }
    } finally {
      counts.unpersist(false);
    }
    return result;
  }

  static double weight(long withA, long withB, double aDocs, double bDocs) {
    double ratio = ((withA + 1) / (aDocs + 2)) / ((withB + 1) / (bDocs + 2));
    double log2 = Math.log(ratio) / Math.log(2);
    return Math.max(-CLIP, Math.min(CLIP, log2)) / CLIP;
  }

  /** For each framing group, per axis: +1 when it is on side a, -1 on side b, 0 otherwise. */
  static int[][] sides(FeatureSpace space) {
    List<StanceSettings.Axis> axes = space.settings().axes();
    List<String> groups = space.framingGroups();
    int[][] side = new int[groups.size()][axes.size()];
    for (int x = 0; x < axes.size(); x++) {
      for (String g : axes.get(x).a()) {
        side[groups.indexOf(g)][x] = 1;
      }
      for (String g : axes.get(x).b()) {
        side[groups.indexOf(g)][x] = -1;
      }
    }
    return side;
  }

  /**
   * Per distinct word of each article: [in an a-article, in a b-article] per axis, then 1. The
   * empty word carries the number of a- and b-articles of each axis.
   */
  private static Iterator<Tuple2<String, long[]>> documentCounts(Iterator<Row> rows, FeatureSpace space,
      int[][] sideOfGroup, Set<String> seedWords) {
    TermMatcher matcher = space.matcher();
    int axes = space.settings().axes().size();
    Set<String> excluded = space.settings().axisTerms().exclude();
    Map<String, long[]> local = new HashMap<>();
    long[] totals = new long[2 * axes + 1];
    while (rows.hasNext()) {
      Row row = rows.next();
      if (row.isNullAt(0)) {
        continue;
      }
      String text = row.getString(0);
      boolean[] onSide = new boolean[2 * axes];
      for (Hit hit : matcher.find(text)) {
        for (Role role : hit.roles()) {
          if (role.kind() == Kind.FRAMING) {
            for (int x = 0; x < axes; x++) {
              int side = sideOfGroup[role.group()][x];
              if (side != 0) {
                onSide[2 * x + (side > 0 ? 0 : 1)] = true;
              }
            }
          }
        }
      }
      for (int i = 0; i < onSide.length; i++) {
        totals[i] += onSide[i] ? 1 : 0;
      }
      TextSpans words = TextSpans.of(text);
      Set<String> distinct = new HashSet<>();
      for (int w = 0; w < words.size; w++) {
        String word = words.lower[w];
        if (word.length() >= MIN_WORD_CHARS && Character.isLetter(word.charAt(0)) && !seedWords.contains(word)
            && !StopWords.ENGLISH.contains(word) && !excluded.contains(word)) {
          distinct.add(word);
        }
      }
      for (String word : distinct) {
        long[] c = local.computeIfAbsent(word, k -> new long[2 * axes + 1]);
        for (int i = 0; i < onSide.length; i++) {
          c[i] += onSide[i] ? 1 : 0;
        }
        c[2 * axes]++;
      }
    }
    List<Tuple2<String, long[]>> out = new ArrayList<>(local.size() + 1);
    local.forEach((w, c) -> out.add(new Tuple2<>(w, c)));
    out.add(new Tuple2<>("", totals));
    return out.iterator();
  }

  private static long[] add(long[] a, long[] b) {
    long[] sum = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      sum[i] = a[i] + b[i];
    }
    return sum;
  }

  /** Every word of the axes' own framing terms: the sides' definitions, not evidence of them. */
  private static Set<String> seedWords(StanceSettings settings) {
    Set<String> words = new HashSet<>();
    for (var axis : settings.axes()) {
      for (var groups : List.of(axis.a(), axis.b())) {
        for (String group : groups) {
          for (String phrase : settings.framing().get(group)) {
            TextSpans spans = TextSpans.of(phrase);
            words.addAll(java.util.Arrays.asList(spans.lower).subList(0, spans.size));
          }
        }
      }
    }
    return words;
  }
}
