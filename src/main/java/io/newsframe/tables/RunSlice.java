package io.newsframe.tables;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The part of every table that one run owns: all rows of its run date. Until it is published, the
 * run's rows live on an Iceberg branch named after the run.
 */
public record RunSlice(String runId, LocalDate runDate) {
  /** Every run branch's name starts with this; nothing else does. */
  public static final String BRANCH_PREFIX = "run_";

  public String branch() {
    return BRANCH_PREFIX + runId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }
}
