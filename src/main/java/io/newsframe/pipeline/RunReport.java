package io.newsframe.pipeline;

import io.newsframe.tables.RunSlice;
import java.time.Instant;
import java.util.List;

/** What a finished run did, for the summary a job prints. */
public record RunReport(RunSlice run, String input, String warehouse, List<StageReport> stages,
    double seconds, double peakRssMb) {

  /** One stage: its outcome, wall time and start. */
  public record StageReport(String name, StageOutcome outcome, double seconds, Instant started) {}
}
