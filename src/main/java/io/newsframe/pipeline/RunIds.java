package io.newsframe.pipeline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Run ids are derived, not drawn: the same run date, input and configuration give the same id, so
 * re-running a run reproduces its tables exactly, run_id column included.
 */
final class RunIds {
  private RunIds() {}

  public static String of(LocalDate runDate, String configDigest) {
    return runDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + configDigest.substring(0, 8);
  }
}
