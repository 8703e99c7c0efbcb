package io.newsframe.config;

import java.io.Serializable;

/** Limits and thresholds of the ingest stage, and which files it reads. */
public record IngestSettings(
    long maxRecordBytes, int excerptChars, double maxControlCharRatio, long bytesPerTask, Mode mode)
    implements Serializable {
  /** Which files a run reads (conf ingest.mode). */
  public enum Mode {
    /** Files the ingest ledger does not hold, or holds with other contents. */
    NEW,
    /** Every file of the input. */
    ALL;

    static Mode parse(String value, String origin) {
      return switch (value.strip()) {
        case "new" -> NEW;
        case "all" -> ALL;
        default -> throw new ConfigError(origin + ": newsframe.ingest.mode must be new or all, got '" + value + "'");
      };
    }
  }
}
