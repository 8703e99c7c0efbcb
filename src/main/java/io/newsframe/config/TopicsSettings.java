package io.newsframe.config;

import java.io.Serializable;

/** Settings of the topics stage (conf newsframe.topics). */
public record TopicsSettings(int topics, int iterations, int alignedSweeps, int sweepsPerSync, int burnIn, int optimizeInterval,
    double alphaSum, double beta, long seed, int topTerms, int partitions, long driverMaxTokens, String model,
    java.util.List<Integer> autoCandidates, int autoIterations) implements Serializable {

  /** {@link #topics()} value that asks for K to be chosen from {@link #autoCandidates()}. */
  public static final int AUTO = 0;

  /** The same settings with K and the iteration count replaced. */
  public TopicsSettings with(int k, int sweeps) {
    return new TopicsSettings(k, sweeps, alignedSweeps, sweepsPerSync, burnIn, optimizeInterval, alphaSum, beta, seed, topTerms,
        partitions, driverMaxTokens, model, autoCandidates, autoIterations);
  }
}
