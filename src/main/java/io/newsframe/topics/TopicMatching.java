package io.newsframe.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which topic of an earlier model each topic of a newly fitted one continues: the cosine
 * similarity of their term distributions over the terms both vocabularies hold (each topic's
 * {@link #TERMS} best terms), matched one to one, most similar pairs first. A topic whose best
 * remaining partner is below {@link #MIN_SIMILARITY} is new. A trend line follows a topic across
 * a retrain through these pairs.
 */
public final class TopicMatching {
  /** Terms of each topic compared: the head of the distribution carries nearly all its mass. */
  static final int TERMS = 100;
  /** Below this, two topics share too little to be called the same. */
  public static final double MIN_SIMILARITY = 0.2;

  private TopicMatching() {}

  /** A topic of the new model, the earlier topic it continues (-1: none) and how alike they are. */
  public record Match(int topic, int previousTopic, double similarity) {}

  public static List<Match> match(TopicModel current, TopicModel previous) {
    double[][] similarity = new double[current.topics()][previous.topics()];
    List<Map<String, Double>> now = distributions(current);
    List<Map<String, Double>> before = distributions(previous);
    for (int k = 0; k < current.topics(); k++) {
      for (int j = 0; j < previous.topics(); j++) {
        similarity[k][j] = cosine(now.get(k), before.get(j));
      }
    }
    return greedy(similarity);
  }

  /** One to one, the most similar remaining pair first; ties by topic numbers. */
  static List<Match> greedy(double[][] similarity) {
    int rows = similarity.length;
    int cols = rows == 0 ? 0 : similarity[0].length;
    List<int[]> pairs = new ArrayList<>();
    for (int k = 0; k < rows; k++) {
      for (int j = 0; j < cols; j++) {
        pairs.add(new int[] {k, j});
      }
    }
    pairs.sort((a, b) -> {
      int c = Double.compare(similarity[b[0]][b[1]], similarity[a[0]][a[1]]);
      return c != 0 ? c : a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
    });
    Match[] matches = new Match[rows];
    boolean[] taken = new boolean[cols];
    for (int[] pair : pairs) {
      double s = similarity[pair[0]][pair[1]];
      if (matches[pair[0]] == null && !taken[pair[1]] && s >= MIN_SIMILARITY) {
        matches[pair[0]] = new Match(pair[0], pair[1], s);
        taken[pair[1]] = true;
      }
    }
    for (int k = 0; k < rows; k++) {
      if (matches[k] == null) {
        double best = 0;
        for (int j = 0; j < cols; j++) {
          best = Math.max(best, similarity[k][j]);
        }
        matches[k] = new Match(k, -1, best);
      }
    }
    return Arrays.asList(matches);
  }

  /** Each topic's best terms with their p(term | topic), by term. */
  private static List<Map<String, Double>> distributions(TopicModel model) {
    int[] totals = model.topicTotals();
    List<Map<String, Double>> out = new ArrayList<>();
    for (int k = 0; k < model.topics(); k++) {
      Map<String, Double> weights = new HashMap<>();
      for (int w : model.topTerms(k, Math.min(TERMS, model.terms().length))) {
        weights.put(model.terms()[w], model.weight(w, k, totals));
      }
      out.add(weights);
    }
    return out;
  }

  static double cosine(Map<String, Double> a, Map<String, Double> b) {
    double dot = 0;
    for (Map.Entry<String, Double> e : a.entrySet()) {
      Double other = b.get(e.getKey());
      if (other != null) {
        dot += e.getValue() * other;
      }
    }
    double na = norm(a);
    double nb = norm(b);
    return na == 0 || nb == 0 ? 0 : dot / (na * nb);
  }

  private static double norm(Map<String, Double> v) {
    double sum = 0;
    for (double x : v.values()) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }
}
