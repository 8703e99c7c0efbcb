package io.newsframe.tables;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Checking the tables at the start of a run finds the ones an earlier run created, whatever the namespace. */
class WarehouseTest {
  private final SparkSession spark = SharedSpark.session();

  @Test
  void aSecondRunFindsTheTablesTheFirstCreatedInANestedNamespace() {
    Warehouse warehouse = new Warehouse(spark, SharedSpark.CATALOG, "outer.inner");
    warehouse.ensureTables(List.of(Tables.RUNS, Tables.INGEST_LEDGER));
    long snapshots = warehouse.icebergTable(Tables.RUNS).history().size();

    assertDoesNotThrow(() -> warehouse.ensureTables(List.of(Tables.RUNS, Tables.INGEST_LEDGER)),
        "the tables exist: nothing is created again");
    assertEquals(snapshots, warehouse.icebergTable(Tables.RUNS).history().size(), "an existing table is left as it is");
    assertEquals(0L, spark.sql("SELECT count(*) FROM newsframe.outer.inner.runs").first().getLong(0));
  }

  @Test
  void aNewTableIsPartitionedByRunDateWithItsCommentAndAnEmptyMainInOneMetadataFile() {
    Warehouse warehouse = new Warehouse(spark, SharedSpark.CATALOG, "created");
    warehouse.ensureTables(Tables.ALL);

    for (TableSpec spec : Tables.ALL) {
      org.apache.iceberg.Table table = warehouse.icebergTable(spec);
      assertEquals(List.of(spec.schema().fieldNames()),
          table.schema().columns().stream().map(org.apache.iceberg.types.Types.NestedField::name).toList(), spec.name());
      assertTrue(table.schema().columns().stream().allMatch(org.apache.iceberg.types.Types.NestedField::isOptional),
          spec.name() + ": every column optional");
      assertEquals("[1000: run_date: identity(" + table.schema().findField(TableSpec.RUN_DATE).fieldId() + ")]",
          table.spec().fields().toString(), spec.name());
      assertEquals(spec.description(), table.properties().get("comment"), spec.name());
      assertEquals("merge-on-read", table.properties().get("write.delete.mode"), spec.name());
      assertEquals("zstd", table.properties().get("write.parquet.compression-codec"), spec.name());
      assertEquals(2, ((org.apache.iceberg.HasTableOperations) table).operations().current().formatVersion());
      assertEquals(1, table.history().size(), spec.name() + ": main at one snapshot");
      assertEquals("0", table.currentSnapshot().summary().get("total-records"), spec.name());
      assertTrue(((org.apache.iceberg.HasTableOperations) table).operations().current().previousFiles().isEmpty(),
          spec.name() + ": created and given its empty snapshot in one commit");
    }
    assertEquals(0L, spark.sql("SELECT count(*) FROM newsframe.created.articles").first().getLong(0));
  }

  @Test
  void changesSideBySideAllEndBeforeTheFirstFailureIsRethrown() {
    java.util.concurrent.atomic.AtomicInteger ended = new java.util.concurrent.atomic.AtomicInteger();
    List<Runnable> changes = new java.util.ArrayList<>();
    changes.add(() -> {
      throw new IllegalStateException("the first table's commit failed");
    });
    for (int i = 0; i < 6; i++) {
      changes.add(() -> {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        ended.incrementAndGet();
      });
    }
    IllegalStateException failure = assertThrows(IllegalStateException.class, () -> Warehouse.concurrently(changes));
    assertEquals("the first table's commit failed", failure.getMessage());
    // No change was still running (or cut short) when the failure came back to the caller.
    assertEquals(6, ended.get());
  }

  @Test
  void rowsWrittenWhereComputedAreOneFilePerTaskAtMostTheBoundAndReplaceTheRunsRows() {
    Warehouse warehouse = new Warehouse(spark, SharedSpark.CATALOG, "where_computed");
    warehouse.ensureTables(List.of(Tables.VOCABULARY));
    RunSlice run = new RunSlice("where-computed-1", java.time.LocalDate.of(2026, 12, 6));
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> terms = spark.range(0, 1000, 1, 6).selectExpr(
        "cast(id as int) as term_index", "concat('t', id) as term", "concat('T', id) as display", "id as doc_freq");

    warehouse.writeRunWhereComputed(Tables.VOCABULARY, terms, run, 4);
    warehouse.writeRunWhereComputed(Tables.VOCABULARY, terms.where("term_index < 10"), run, 4);
    warehouse.writeRunWhereComputed(Tables.VOCABULARY, terms, run, 4);

    var written = warehouse.readRun(Tables.VOCABULARY, run);
    assertEquals(1000L, written.count(), "each write replaced the run's rows");
    assertEquals(499500L, written.agg(org.apache.spark.sql.functions.sum("doc_freq")).first().getLong(0));
    // Six tasks' rows in four files at most: neighbouring tasks merged, no shuffle into one file.
    long files;
    try (var tasks = warehouse.icebergTable(Tables.VOCABULARY).newScan().useRef(run.branch()).planFiles()) {
      files = java.util.stream.StreamSupport.stream(tasks.spliterator(), false).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertEquals(4L, files);
  }

  @Test
  void aTableWithoutRowsOnMainIsReadOnTheDriverAndOnceWrittenFromTheTable() {
    Warehouse warehouse = new Warehouse(spark, SharedSpark.CATALOG, "current_rows");
    warehouse.ensureTables(List.of(Tables.VOCABULARY));
    RunSlice run = new RunSlice("current-rows-1", java.time.LocalDate.of(2026, 12, 7));
    var terms = spark.range(0, 50, 1, 2).selectExpr(
        "cast(id as int) as term_index", "concat('t', id) as term", "concat('T', id) as display", "id as doc_freq");

    assertTrue(warehouse.holdsNoRows(Tables.VOCABULARY), "a new table");
    var empty = warehouse.current(Tables.VOCABULARY);
    assertTrue(empty.isLocal(), "no scan of the table: Spark answers on the driver");
    assertEquals(List.of(Tables.VOCABULARY.schema().fieldNames()), List.of(empty.columns()));
    assertTrue(empty.where("run_date <> DATE'2026-12-06'").isEmpty());

    warehouse.writeRun(Tables.VOCABULARY, terms, run);
    assertTrue(warehouse.holdsNoRows(Tables.VOCABULARY), "the rows are on the run's branch; main holds none yet");
    warehouse.publish(run, 1, List.of(Tables.VOCABULARY));

    assertFalse(warehouse.holdsNoRows(Tables.VOCABULARY));
    var current = warehouse.current(Tables.VOCABULARY);
    assertFalse(current.isLocal(), "read from the table");
    assertEquals(50L, current.count());
    assertEquals(1225L, current.agg(org.apache.spark.sql.functions.sum("doc_freq")).first().getLong(0));
  }
}
