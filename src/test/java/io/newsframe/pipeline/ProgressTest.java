package io.newsframe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The progress line a scheduler's log shows. */
class ProgressTest {
  @Test
  void theLineSaysTasksRateAndTimeLeft() {
    assertEquals("newsframe: stance: 35/64 tasks of the running Spark stages, 3.5 tasks/s, about 8 s left"
        + " (1m 05s in the stage)", Progress.line("stance", new Progress.Tasks(35, 64, 10), 65));
  }

  @Test
  void withoutRunningTasksItSaysTheDriverWorks() {
    assertEquals("newsframe: topics: working on the driver (12 s in the stage)",
        Progress.line("topics", new Progress.Tasks(0, 0, 0), 12));
  }
}
