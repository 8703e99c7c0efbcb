package io.newsframe.config;

import java.time.Duration;

/**
 * How runs behave on a schedule: the warehouse lock, progress reports, the input below which a
 * stage may run beside the ones before it (0: never), and maintenance.
 */
public record OperationsSettings(Lock lock, Duration progressInterval, long sideBySideBelow, Maintenance maintenance) {
  /** The warehouse lock's heartbeat and when a silent holder counts as dead. */
  public record Lock(Duration heartbeat, Duration staleAfter) {}

  /**
   * What each succeeded run (or jobs/maintain) tidies, and how much history it keeps. A file no
   * snapshot references is an orphan once older than {@code orphanAge}; the tables are searched
   * for orphans at most once per {@code orphanCheckEvery}.
   */
  public record Maintenance(boolean enabled, Duration snapshotAge, int retainLast, Duration orphanAge,
      Duration orphanCheckEvery, int minInputFiles, long smallFileBytes, int deleteFileThreshold, int keepModelRuns) {}
}
