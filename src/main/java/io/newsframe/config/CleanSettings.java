package io.newsframe.config;

import java.io.Serializable;
import java.util.List;

/** Settings of the clean stage (newsframe.clean in conf/local.conf, which explains each). */
public record CleanSettings(
    RepeatedLines repeatedLines,
    Boilerplate boilerplate,
    Quality quality,
    Dedup dedup,
    Language language,
    String referenceDate,
    String model) implements Serializable {

  /**
   * Corpus-level chrome: a line in at least minDocs documents is chrome when short or very common;
   * a run of words inside lines covered by passageWords-word shingles in minDocsLong documents is too
   * (0: off).
   */
  public record RepeatedLines(int minDocs, int maxShortWords, int minDocsLong, int maxLines, int passageWords)
      implements Serializable {}

  /** Line classification thresholds (jusText-style). */
  public record Boilerplate(int shortChars, int longChars, double stopWordDensity,
      int minBodyCharsBeforeEnd, int maxHeadingDistance, boolean inlineChrome) implements Serializable {}

  /** Gopher-style document filters. */
  public record Quality(int minWords, int maxWords, double minMeanWordLength, double maxMeanWordLength,
      double maxSymbolRatio, double maxEllipsisLines, double maxBulletLines, double minAlphaWords,
      int minStopWords, double maxDuplicateLines, double maxDuplicateLineChars,
      List<Double> maxTopNgramChars, List<Double> maxDuplicateNgramChars) implements Serializable {}

  /** Near-duplicate detection: MinHash over word shingles, banded LSH, verified pairs. */
  public record Dedup(int shingleWords, int bands, int rows, double threshold, int maxBucket, long seed)
      implements Serializable {}

  /** Language identification. */
  public record Language(List<String> targets, int detectChars, double minConfidence) implements Serializable {}
}
