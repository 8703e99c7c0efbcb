package io.newsframe.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In local mode the executors are the driver's threads: checkpoints stay in memory, no folder. */
class CheckpointsTest {
  @TempDir Path dir;

  @Test
  void aLocalSessionKeepsItsCheckpointsInMemory() {
    SparkSession spark = SharedSpark.session();
    Checkpoints.configure(spark, dir.toUri().toString());
    assertFalse(Checkpoints.isReliable(spark.sparkContext()), "no checkpoint folder in local mode");
    Dataset<Row> kept = Checkpoints.keep(spark.range(10).toDF().selectExpr("id * 2 AS twice"));
    assertEquals(90L, kept.selectExpr("sum(twice)").first().getLong(0));
    // A local checkpoint is a plan leaf reading the executors' blocks, with the lineage cut.
    assertTrue(kept.queryExecution().analyzed().toString().contains("LogicalRDD"), kept.queryExecution().analyzed().toString());
    Checkpoints.remove(spark);
    assertTrue(dir.toFile().list().length == 0, "nothing written under the warehouse");
  }
}
