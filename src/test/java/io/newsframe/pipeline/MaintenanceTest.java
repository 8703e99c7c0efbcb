package io.newsframe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import io.newsframe.Slow;
import io.newsframe.config.ConfigLoader;
import io.newsframe.config.NewsframeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many small runs leave a warehouse whose file count stays bounded. */
@Slow
class MaintenanceTest {
  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();

  private long warehouseFiles(String namespace) throws IOException {
    try (Stream<Path> files = Files.walk(SharedSpark.warehouse().resolve(namespace))) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  /** The files of the namespace after each of four re-runs of the same day. */
  private long[] rounds(String namespace, boolean maintained) throws IOException {
    Path input = dir.resolve(namespace);
    Files.createDirectories(input);
    for (int i = 0; i < 4; i++) {
      Files.writeString(input.resolve("story-" + i + ".txt"), "Talks in Geneva, day " + i + "\n\nThe envoys met again.");
    }
    NewsframeConfig config = ConfigLoader.load(null, Map.of("namespace", namespace, "input.uri", input.toString(),
        "operations.maintenance.enabled", String.valueOf(maintained),
        "operations.maintenance.snapshot-age", "1ms", "operations.maintenance.orphan-age", "1ms",
        "operations.maintenance.orphan-check-every", "1ms",
        "operations.maintenance.retain-last", "1", "operations.maintenance.min-input-files", "2"));
    long[] afterRound = new long[4];
    for (int round = 0; round < afterRound.length; round++) {
      new PipelineRun(spark, config, "test", LocalDate.of(2026, 12, 1)).execute(Stages.until("ingest"));
      afterRound[round] = warehouseFiles(namespace);
    }
    return afterRound;
  }

  @Test
  void reRunningTheSameDaysKeepsTheFileCountBounded() throws IOException {
    long[] maintained = rounds("maintained", true);
    // From the second re-run on, a re-run leaves no more files than it found: data files
    // and manifests are compacted, replaced ones expired, the metadata history capped.
    assertTrue(maintained[3] <= maintained[1], java.util.Arrays.toString(maintained));
    long[] unmaintained = rounds("unmaintained", false);
    assertTrue(unmaintained[3] > maintained[3] && unmaintained[3] > unmaintained[2],
        "without maintenance every re-run adds files: " + java.util.Arrays.toString(unmaintained));
  }

  @Test
  void onlySmallFilesAreCompacted() {
    Map<String, String> settings = Map.of("namespace", "sizes", "input.uri", dir.toString(),
        "operations.maintenance.min-input-files", "3");
    PipelineRun.maintain(spark, ConfigLoader.load(null, settings), false);
    for (int topic = 0; topic < 3; topic++) {
      spark.sql("INSERT INTO newsframe.sizes.topic_stance VALUES (" + topic + ", 0, 1, 1.0, 'r1', DATE '2026-12-01')");
    }
    // Three files of one run date: none is under a one-byte bound, so none is small.
    var largeBound = new java.util.HashMap<>(settings);
    largeBound.put("operations.maintenance.small-file-bytes", "1");
    assertEquals(0, PipelineRun.maintain(spark, ConfigLoader.load(null, largeBound), false).filesCompacted());
    assertEquals(3, PipelineRun.maintain(spark, ConfigLoader.load(null, settings), false).filesCompacted());
    assertEquals(3, spark.table("newsframe.sizes.topic_stance").count());
  }

  @Test
  void orphanFilesAreSearchedForOncePerIntervalOrWhenAsked() throws IOException {
    NewsframeConfig config = ConfigLoader.load(null, Map.of("namespace", "orphans", "input.uri", dir.toString(),
        "operations.maintenance.orphan-age", "1ms", "operations.maintenance.orphan-check-every", "7d"));
    Path namespace = SharedSpark.warehouse().resolve("orphans");
    // A new warehouse's first maintenance only marks the search as done.
    assertEquals(0, PipelineRun.maintain(spark, config, false).orphansRemoved());
    Path marker = namespace.resolve("_orphans_checked");
    assertTrue(Files.exists(marker));

    Path stray = leftByAKilledWriter(namespace, "stray-1.parquet");
    assertEquals(0, PipelineRun.maintain(spark, config, false).orphansRemoved(), "searched again within 7 days");
    assertTrue(Files.exists(stray));

    Files.setLastModifiedTime(marker, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
    assertEquals(1, PipelineRun.maintain(spark, config, false).orphansRemoved(), "the last search is 8 days old");
    assertTrue(Files.notExists(stray));
    assertTrue(Files.getLastModifiedTime(marker).toInstant().isAfter(Instant.now().minus(Duration.ofHours(1))),
        "the search is marked as done");

    Path another = leftByAKilledWriter(namespace, "stray-2.parquet");
    assertEquals(1, PipelineRun.maintain(spark, config, true).orphansRemoved(), "jobs/maintain --orphans");
    assertTrue(Files.notExists(another));
    assertEquals(0, spark.table("newsframe.orphans.topic_stance").count(), "the table reads, empty as it was");
  }

  /** A data file no snapshot references, an hour old: what a writer killed before its commit leaves. */
  private static Path leftByAKilledWriter(Path namespace, String name) throws IOException {
    Path file = namespace.resolve("topic_stance").resolve("data").resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {1, 2, 3});
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
    return file;
  }
}
