package io.newsframe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mark of what a published run listed, as the launchers read it. */
class InputWatermarkTest {
  @TempDir Path dir;

  private FileSystem fs() throws IOException {
    return FileSystem.getLocal(new Configuration()).getRaw();
  }

  private org.apache.hadoop.fs.Path folder() {
    return new org.apache.hadoop.fs.Path(dir.toUri());
  }

  @Test
  void aRunThatListedNothingLeavesNoMark() throws IOException {
    new InputWatermark().writeAfterPublish(fs(), folder(), LocalDate.of(2026, 12, 1));
    assertFalse(Files.exists(dir.resolve(InputWatermark.FILE)));
    assertTrue(InputWatermark.read(fs(), folder()).isEmpty());
  }

  @Test
  void theMarkHoldsTheLatestListingAndTheLatestRunDate() throws IOException {
    InputWatermark day2 = new InputWatermark();
    day2.listed(new InputWatermark.Listing("file:/in/tree", 2_000L, 120));
    day2.writeAfterPublish(fs(), folder(), LocalDate.of(2026, 12, 2));
    Properties mark = InputWatermark.read(fs(), folder());
    assertEquals("file:/in/tree", mark.getProperty(InputWatermark.INPUT));
    assertEquals("2026-12-02", mark.getProperty(InputWatermark.RUN_DATE));
    assertEquals("2000", mark.getProperty(InputWatermark.LISTED_AT_MS));
    assertEquals("120", mark.getProperty(InputWatermark.FILES));

    InputWatermark rerunOfDay1 = new InputWatermark();
    rerunOfDay1.listed(new InputWatermark.Listing("file:/in/tree", 3_000L, 130));
    rerunOfDay1.writeAfterPublish(fs(), folder(), LocalDate.of(2026, 12, 1));
    mark = InputWatermark.read(fs(), folder());
    assertEquals("2026-12-02", mark.getProperty(InputWatermark.RUN_DATE),
        "a re-run of an earlier date must not make the later one look new");
    assertEquals("3000", mark.getProperty(InputWatermark.LISTED_AT_MS), "the listing is the newest one");
    assertEquals("130", mark.getProperty(InputWatermark.FILES));
    try (var left = Files.list(dir)) {
      assertEquals(1, left.count(), "only the mark: nothing half written is left beside it");
    }
  }
}
