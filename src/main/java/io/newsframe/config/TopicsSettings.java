package io.newsframe.config;

import java.io.Serializable;

/** Settings of the topics stage (conf newsframe.topics). */
public record TopicsSettings(int topics, int iterations, int sweepsPerSync, int burnIn, int optimizeInterval,
    double alphaSum, double beta, long seed, int topTerms, int partitions) implements Serializable {}
