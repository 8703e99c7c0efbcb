package io.newsframe.tables;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
