package io.newsframe.config;

import java.io.Serializable;

/** Settings of the features stage (conf newsframe.features). */
public record FeaturesSettings(boolean stem, boolean lemmatize, Phrases phrases, Vocabulary vocabulary, String model)
    implements Serializable {
  /** Collocation detection. */
  public record Phrases(int passes, int minCount, double threshold, int max) implements Serializable {}

  /** Vocabulary pruning. */
  public record Vocabulary(int minDocs, double maxDocShare, int maxSize) implements Serializable {}
}
