package io.newsframe.config;

import java.io.Serializable;

/** Settings of the topics stage (conf newsframe.topics). */
public record TopicsSettings(int topics, int iterations, int alignedSweeps, int sweepsPerSync, int burnIn, int optimizeInterval,
    double alphaSum, double beta, long seed, int topTerms, int partitions, long driverMaxTokens, String model,
    java.util.List<Integer> autoCandidates, int autoIterations, int minDocumentsPerTopic) implements Serializable {

  /** {@link #topics()} value that asks for K to be chosen from {@link #autoCandidates()}. */
  public static final int AUTO = 0;

  /** The same settings with K and the iteration count replaced. */
  public TopicsSettings with(int k, int sweeps) {
    return ByName.from(this).replace("topics", k).replace("iterations", sweeps).build();
  }

  /**
   * The most topics a batch of {@code documents} documents supports: min-documents-per-topic each,
   * and at least one topic.
   */
  public int supportedTopics(long documents) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, documents / minDocumentsPerTopic));
  }

  /**
   * These settings for a batch that supports at most {@code maxTopics} topics: a larger K lowered
   * to it; automatic K chosen only among the candidates it allows, or set to it when none is.
   */
  public TopicsSettings cappedAt(int maxTopics) {
    if (topics != AUTO) {
      return topics <= maxTopics ? this : with(maxTopics, iterations);
    }
    java.util.List<Integer> allowed = autoCandidates.stream().filter(k -> k <= maxTopics).toList();
    if (allowed.isEmpty()) {
      return with(maxTopics, iterations);
    }
    return ByName.from(this).replace("autoCandidates", allowed).build();
  }
}
