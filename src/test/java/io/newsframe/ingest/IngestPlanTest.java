package io.newsframe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import io.newsframe.config.IngestSettings.Mode;
import io.newsframe.tables.TableSpec;
import io.newsframe.tables.Tables.IngestLedger;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Which files a run reads, given what the ledger took in before. */
class IngestPlanTest {
  private static final LocalDate DAY1 = LocalDate.of(2026, 12, 1);
  private static final LocalDate DAY2 = LocalDate.of(2026, 12, 2);
  private static final StructType LEDGER = new StructType()
      .add(IngestLedger.PATH, DataTypes.StringType)
      .add(IngestLedger.SIZE, DataTypes.LongType)
      .add(IngestLedger.MODIFIED_AT, DataTypes.TimestampType)
      .add(IngestLedger.CONTENT_HASH, DataTypes.StringType)
      .add(TableSpec.RUN_DATE, DataTypes.DateType);
  private final SparkSession spark = SharedSpark.session();

  private static Row file(String name, long size, long time) {
    return new InputFile("file:/in/" + name, "/in/" + name, size, time, FileKind.TXT).toRow();
  }

  private static Row known(String name, long size, long time, String hash, LocalDate day) {
    return RowFactory.create("file:/in/" + name, size, new Timestamp(time), hash, Date.valueOf(day));
  }

  /** Hashes by URI as given; files not named hash to their URI. */
  private static UDF1<String, String> hashes(Map<String, String> given) {
    return uri -> given.getOrDefault(uri, uri);
  }

  private IngestPlan plan(List<Row> listed, List<Row> ledger, LocalDate day, Mode mode, Map<String, String> hashes) {
    Dataset<Row> listing = spark.createDataFrame(listed, InputFile.SCHEMA);
    return IngestPlan.of(listing, spark.createDataFrame(ledger, LEDGER), day, mode, hashes(hashes));
  }

  private static List<String> names(IngestPlan plan) {
    return plan.toRead().orderBy(InputFile.URI).collectAsList().stream()
        .map(row -> row.<String>getAs(InputFile.URI).substring("file:/in/".length())).toList();
  }

  private static List<String> replaced(IngestPlan plan) {
    return plan.replacedPaths().collectAsList().stream().map(row -> row.getString(0)).sorted().toList();
  }

  @Test
  void aNewFileIsReadAndAKnownUnchangedOneIsNot() {
    IngestPlan plan = plan(List.of(file("a", 10, 1), file("b", 20, 2)),
        List.of(known("a", 10, 1, "h", DAY1)), DAY2, Mode.NEW, Map.of());
    assertEquals(List.of("b"), names(plan));
    assertEquals(1, plan.filesSkipped());
    assertEquals(1, plan.filesToRead());
    assertEquals(0, plan.filesReplaced());
    assertFalse(plan.rerun());
    assertEquals(2, plan.filesListed());
    Row read = plan.toRead().first();
    assertNull(read.getAs(IngestPlan.CONTENT_HASH), "a new text file is hashed by its reader, not by the plan");
    assertEquals(20L, InputFile.of(read).length());
  }

  @Test
  void filesTheReadersDoNotHashAreHashedByThePlan() {
    Row feed = new InputFile("file:/in/feed.jsonl", "/in/feed.jsonl", 30, 3, FileKind.JSONL).toRow();
    Row table = new InputFile("file:/in/t.parquet", "/in/t.parquet", 40, 4, FileKind.PARQUET).toRow();
    IngestPlan plan = plan(List.of(file("a", 10, 1), feed, table), List.of(), DAY1, Mode.NEW, Map.of());
    Map<String, String> hashes = new java.util.TreeMap<>();
    for (Row row : plan.toRead().collectAsList()) {
      hashes.put(row.getAs(InputFile.URI), row.getAs(IngestPlan.CONTENT_HASH));
    }
    Map<String, String> expected = new java.util.TreeMap<>();
    expected.put("file:/in/a", null);
    expected.put("file:/in/feed.jsonl", "file:/in/feed.jsonl");
    expected.put("file:/in/t.parquet", "file:/in/t.parquet");
    assertEquals(expected, hashes);
  }

  @Test
  void aFirstRunPlansItsFilesAsALaterRunPlansFilesItHasNotSeen() {
    // An empty ledger is planned without joining it; a ledger of other files goes through the joins.
    Row feed = new InputFile("file:/in/feed.jsonl", "/in/feed.jsonl", 30, 3, FileKind.JSONL).toRow();
    List<Row> listed = List.of(file("a", 10, 1), feed, file("b", 20, 2));
    IngestPlan first = plan(listed, List.of(), DAY2, Mode.NEW, Map.of());
    IngestPlan later = plan(listed, List.of(known("other", 5, 1, "h", DAY1)), DAY2, Mode.NEW, Map.of());
    assertEquals(rows(later), rows(first));
    assertEquals(3, first.filesToRead());
    assertEquals(0, first.filesSkipped());
    assertEquals(0, first.filesReplaced());
    assertFalse(first.rerun());
    assertEquals(later.sizesToRead().bytes(), first.sizesToRead().bytes());
    IngestPlan all = plan(listed, List.of(), DAY2, Mode.ALL, Map.of());
    assertEquals(rows(first), rows(all));
  }

  @Test
  void aFirstRunOfTextFilesListedOnTheDriverIsPlannedThereWithoutASparkJob() {
    List<Row> listed = List.of(file("a", 10, 1), file("b", 20, 2));
    IngestPlan[] first = new IngestPlan[1];
    int jobs = SharedSpark.jobsOf(() -> first[0] = plan(listed, List.of(), DAY1, Mode.NEW, Map.of()));
    assertEquals(0, jobs, "a listing the driver holds, of files the readers hash, is the plan itself");
    assertEquals(2, first[0].filesToRead());
    assertEquals(2, first[0].filesListed());
    assertEquals(new FileSizes(2, 30, 0, 0), first[0].sizesToRead());
    IngestPlan later = plan(listed, List.of(known("other", 5, 1, "h", DAY1)), DAY1.plusDays(1), Mode.NEW, Map.of());
    assertEquals(rows(later), rows(first[0]));
  }

  @Test
  void aFirstRunListedByTasksIsPlannedAsOneListedOnTheDriver() {
    Row feed = new InputFile("file:/in/feed.jsonl", "/in/feed.jsonl", 30, 3, FileKind.JSONL).toRow();
    Row table = new InputFile("file:/in/t.parquet", "/in/t.parquet", 40, 4, FileKind.PARQUET).toRow();
    List<Row> listed = List.of(file("a", 10, 1), feed, table, file("b", 20, 2));
    Dataset<Row> onTasks = spark.createDataFrame(
        org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(listed, 3),
        InputFile.SCHEMA);
    assertFalse(onTasks.isLocal());
    IngestPlan byTasks = IngestPlan.of(onTasks, spark.createDataFrame(List.of(), LEDGER), DAY1, Mode.NEW, hashes(Map.of()));
    IngestPlan onDriver = plan(listed, List.of(), DAY1, Mode.NEW, Map.of());
    assertEquals(rows(onDriver), rows(byTasks));
    assertEquals(new FileSizes(3, 60, 1, 40), byTasks.sizesToRead());
    assertEquals(onDriver.sizesToRead(), byTasks.sizesToRead());
    assertEquals(4, byTasks.filesToRead());
    assertEquals(0, byTasks.filesSkipped());
    assertEquals(4, byTasks.filesListed());
    IngestPlan nothing = plan(List.of(), List.of(), DAY1, Mode.NEW, Map.of());
    assertEquals(0, nothing.filesListed());
    assertEquals(0, byTasks.filesReplaced());
  }

  private static List<String> rows(IngestPlan plan) {
    return plan.toRead().collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void aChangedFileIsReadAndReplacesItsEarlierRecords() {
    IngestPlan plan = plan(List.of(file("a", 11, 5)), List.of(known("a", 10, 1, "old", DAY1)), DAY2,
        Mode.NEW, Map.of("file:/in/a", "new"));
    assertEquals(List.of("a"), names(plan));
    assertEquals(List.of("file:/in/a"), replaced(plan));
    assertEquals(1, plan.filesReplaced());
  }

  @Test
  void aFileOnlyTouchedIsNotReadAgain() {
    IngestPlan plan = plan(List.of(file("a", 10, 9)), List.of(known("a", 10, 1, "same", DAY1)), DAY2,
        Mode.NEW, Map.of("file:/in/a", "same"));
    assertEquals(List.of(), names(plan));
    assertEquals(1, plan.filesSkipped());
  }

  @Test
  void theLatestLedgerRowOfAFileDecides() {
    // Read on day 1 with size 10, read again (changed) on day 2 with size 12: a day-3 run with size 12 skips it.
    IngestPlan plan = plan(List.of(file("a", 12, 7)),
        List.of(known("a", 10, 1, "old", DAY1), known("a", 12, 7, "new", DAY2)), DAY2.plusDays(1), Mode.NEW,
        Map.of());
    assertEquals(List.of(), names(plan));
  }

  @Test
  void aReRunReadsExactlyTheFilesItsDateTookIn() {
    IngestPlan plan = plan(List.of(file("a", 10, 1), file("b", 20, 2), file("c", 30, 3)),
        List.of(known("a", 10, 1, "h", DAY1), known("b", 20, 2, "h", DAY2)), DAY2, Mode.NEW, Map.of());
    assertEquals(List.of("b"), names(plan));
    assertTrue(plan.rerun());
    assertEquals(List.of(), replaced(plan));
    assertEquals(2, plan.filesSkipped());
  }

  @Test
  void modeAllReadsEverythingAndReplacesWhatOtherDatesRead() {
    IngestPlan plan = plan(List.of(file("a", 10, 1), file("b", 20, 2)),
        List.of(known("a", 10, 1, "h", DAY1)), DAY2, Mode.ALL, Map.of());
    assertEquals(List.of("a", "b"), names(plan));
    assertEquals(List.of("file:/in/a"), replaced(plan));
  }

  @Test
  void anEmptyListingPlansNothing() {
    IngestPlan plan = plan(List.of(), List.of(), DAY1, Mode.NEW, Map.of());
    assertEquals(0, plan.filesToRead());
    assertEquals(0, plan.filesSkipped());
    assertEquals(Arrays.asList(), names(plan));
  }
}
