package io.newsframe.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** Settings of the stance stage (conf newsframe.stance). Lists and maps keep the file's order. */
public record StanceSettings(String model, int clusters, int minArticlesPerCluster, Auto auto, long seed, int maxIterations,
    List<String> clusterFeatures, int minBodyWords, PerTopic perTopic,
    int window, int evidence, Lexicon lexicon, List<Target> targets, Attribution attribution,
    Map<String, List<String>> framing, List<Axis> axes, AxisTerms axisTerms, List<String> hedges,
    ScareQuotes scareQuotes, Relations relations) implements Serializable {

  /** {@link #clusters()} value that asks for k to be chosen from {@link Auto#candidates()}. */
  public static final int AUTO = 0;

  /**
   * The most clusters a batch of {@code articles} placeable articles supports: min-articles-per-cluster
   * each, and at least two, k-means' least k.
   */
  public int supportedClusters(long articles) {
    return (int) Math.max(2, Math.min(Integer.MAX_VALUE, articles / minArticlesPerCluster));
  }

  /** Choice of k by silhouette among candidates that are stable across seeds. */
  public record Auto(List<Integer> candidates, int seeds, double minStability, double silhouetteTolerance, int sample)
      implements Serializable {}

  /** Clustering within major topics. */
  public record PerTopic(int minArticles, int maxTopics) implements Serializable {}

  /** Polarity lexicon induction from seed words. */
  public record Lexicon(List<String> positive, List<String> negative, int window, int minCount,
      double minPolarity, int maxSize) implements Serializable {}

  /** A party whose treatment is measured: its key (feature names), display name and name lists. */
  public record Target(String key, String display, List<String> names, List<String> titles, List<String> voices)
      implements Serializable {}

  /** A framing axis: the framing groups of side a against those of side b. */
  public record Axis(String name, List<String> a, List<String> b) implements Serializable {}

  /**
   * Which words the axes weigh (exclude: lower-case words never weighted) and the logistic
   * regression that learns their weights (L2 penalty, iterations, and about the most articles it
   * learns from, all axes together).
   */
  public record AxisTerms(int minDocs, int maxTerms, double regParam, int maxIterations, int maxTraining,
      java.util.Set<String> exclude)
      implements Serializable {}

  /** Quote attribution cues. */
  public record Attribution(List<String> verbs, List<String> phrases) implements Serializable {}

  /** Charged words that, in short quotes, are scare quotes. */
  public record ScareQuotes(int maxWords, List<String> terms) implements Serializable {}

  /** Cooperation and conflict vocabulary between targets. */
  public record Relations(List<String> cooperation, List<String> conflict) implements Serializable {}
}
