package io.newsframe.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where checkpoints go, and what maintenance sweeps of them. */
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

  @Test
  void aLocalCacheKeepsRowsOnceComputedAndReleasesThem() {
    SparkSession spark = SharedSpark.session();
    Dataset<Row> data = spark.range(1000).toDF().selectExpr("id", "repeat('x', CAST(id % 7 AS INT)) AS text")
        .repartition(4, org.apache.spark.sql.functions.col("id"));
    java.util.Set<Object> persistedBefore = persistedIds(spark);
    Dataset<Row> kept = Checkpoints.cache(data);
    // Rows in the block store, not the columnar cache persist() builds (an InMemoryRelation).
    String plan = kept.queryExecution().analyzed().toString();
    assertTrue(plan.contains("LogicalRDD") && !plan.contains("InMemoryRelation"), plan);
    // Computed now, every partition in the block store before anything reads it: tasks that
    // computed it later, in another query's job, reported metrics of a plan already collected.
    int rdd = ((org.apache.spark.sql.execution.LogicalRDD) kept.queryExecution().logical()).rdd().id();
    long cachedPartitions = java.util.Arrays.stream(spark.sparkContext().getRDDStorageInfo())
        .filter(info -> info.id() == rdd).mapToLong(info -> info.numCachedPartitions()).sum();
    assertEquals(4, cachedPartitions, "computed when kept");
    assertEquals(4, kept.rdd().getNumPartitions(), "the spread's tasks are kept");
    assertEquals(1000L, kept.count());
    // Compared by id, not by count: Spark's cleaner may unpersist another test's RDD meanwhile.
    java.util.Set<Object> persistedNow = persistedIds(spark);
    persistedNow.removeAll(persistedBefore);
    assertEquals(java.util.Set.of(rdd), persistedNow, "kept once");
    assertEquals(data.selectExpr("sum(length(text))").first().getLong(0),
        kept.selectExpr("sum(length(text))").first().getLong(0));
    Checkpoints.release(kept);
    assertFalse(persistedIds(spark).contains(rdd), "released");
  }

  private static java.util.Set<Object> persistedIds(SparkSession spark) {
    return new java.util.HashSet<>(scala.jdk.javaapi.CollectionConverters.asJava(
        spark.sparkContext().getPersistentRDDs().keySet()));
  }

  @Test
  void maintenanceSweepsOnlyTheOldFoldersOfEndedSessions() throws Exception {
    SparkSession spark = SharedSpark.session();
    Path old = Files.createDirectories(dir.resolve(Checkpoints.FOLDER).resolve("dead-session"));
    Files.writeString(old.resolve("rdd-1"), "blocks");
    Path recent = Files.createDirectories(dir.resolve(Checkpoints.FOLDER).resolve("live-session"));
    long now = System.currentTimeMillis();
    Files.setLastModifiedTime(old, FileTime.fromMillis(now - 2 * 3_600_000L));
    org.apache.hadoop.fs.FileSystem fs = org.apache.hadoop.fs.FileSystem.getLocal(spark.sparkContext().hadoopConfiguration());
    int swept = Checkpoints.sweep(spark, fs, new org.apache.hadoop.fs.Path(dir.toUri()), now - 3_600_000L);
    assertEquals(1, swept);
    assertFalse(Files.exists(old), "an hour-old folder of a session that ended is gone");
    assertTrue(Files.exists(recent), "a recent folder may be a live session's");
    assertEquals(0, Checkpoints.sweep(spark, fs, new org.apache.hadoop.fs.Path(dir.resolve("elsewhere").toUri()), now));
  }
}
