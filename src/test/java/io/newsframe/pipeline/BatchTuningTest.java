package io.newsframe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import io.newsframe.config.SparkSettings;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class BatchTuningTest {
  private final SparkSession spark = SharedSpark.session();

  private String get(String key) {
    return spark.conf().get(key);
  }

  @Test
  void aBatchBelowTheSizeKeepsTheSessionsModeAndOneAtItCompilesUntilTheRunEnds() {
    String configured = get(BatchTuning.FACTORY_MODE);
    try (BatchTuning kept = BatchTuning.keep(spark)) {
      spark.conf().set(BatchTuning.FACTORY_MODE, BatchTuning.INTERPRETED);
      assertFalse(BatchTuning.compiled(spark, 999, 1000));
      assertEquals(BatchTuning.INTERPRETED, get(BatchTuning.FACTORY_MODE));
      assertFalse(BatchTuning.compiled(spark, Long.MAX_VALUE, 0), "0 never switches");
      assertEquals(BatchTuning.INTERPRETED, get(BatchTuning.FACTORY_MODE));
      assertTrue(BatchTuning.compiled(spark, 1000, 1000));
      assertEquals(BatchTuning.COMPILED, get(BatchTuning.FACTORY_MODE));
      // A session configured to compile compiles whatever the batch, in the mode it was given.
      assertTrue(BatchTuning.compiled(spark, 1, 1000));
      spark.conf().set(BatchTuning.FACTORY_MODE, "CODEGEN_ONLY");
      assertTrue(BatchTuning.compiled(spark, 1000, 1000));
      assertEquals("CODEGEN_ONLY", get(BatchTuning.FACTORY_MODE));
    }
    assertEquals(configured, get(BatchTuning.FACTORY_MODE));
  }

  @Test
  void aModeTheSessionDidNotSetIsUnsetAgain() {
    String configured = get(BatchTuning.FACTORY_MODE);
    try {
      spark.conf().unset(BatchTuning.FACTORY_MODE);
      try (BatchTuning kept = BatchTuning.keep(spark)) {
        assertTrue(BatchTuning.compiled(spark, 1, 1000), "Spark's default compiles");
        spark.conf().set(BatchTuning.FACTORY_MODE, BatchTuning.INTERPRETED);
      }
      assertFalse(spark.conf().contains(BatchTuning.FACTORY_MODE));
    } finally {
      spark.conf().set(BatchTuning.FACTORY_MODE, configured);
    }
  }

  @Test
  void aBatchBelowTheAdaptiveSizeIsPlannedOnceOnAsManyPartitionsAsCoresUntilTheRunEnds() {
    String partitions = get(BatchTuning.SHUFFLE_PARTITIONS);
    String adaptive = get(BatchTuning.ADAPTIVE);
    int cores = spark.sparkContext().defaultParallelism();
    try (BatchTuning kept = BatchTuning.keep(spark)) {
      spark.conf().set(BatchTuning.ADAPTIVE, true);
      spark.conf().set(BatchTuning.SHUFFLE_PARTITIONS, 400);
      assertTrue(BatchTuning.adaptive(spark, 1000, 1000), "at the size: adaptive");
      assertTrue(BatchTuning.adaptive(spark, 1, 0), "0 never switches");
      assertEquals("true", get(BatchTuning.ADAPTIVE));
      assertEquals("400", get(BatchTuning.SHUFFLE_PARTITIONS));
      assertFalse(BatchTuning.adaptive(spark, 999, 1000));
      assertEquals("false", get(BatchTuning.ADAPTIVE));
      assertEquals(String.valueOf(cores), get(BatchTuning.SHUFFLE_PARTITIONS));
      // Fewer partitions configured than cores: those, not more.
      spark.conf().set(BatchTuning.ADAPTIVE, true);
      spark.conf().set(BatchTuning.SHUFFLE_PARTITIONS, 1);
      assertFalse(BatchTuning.adaptive(spark, 999, 1000));
      assertEquals("1", get(BatchTuning.SHUFFLE_PARTITIONS));
      // A session configured without adaptive execution keeps it off whatever the batch.
      assertFalse(BatchTuning.adaptive(spark, Long.MAX_VALUE, 1000));
    }
    assertEquals(partitions, get(BatchTuning.SHUFFLE_PARTITIONS));
    assertEquals(adaptive, get(BatchTuning.ADAPTIVE));
  }

  @Test
  void aSmallBatchIsInterpretedAndPlannedOnceALargeOneCompiledAndAdaptive() {
    SparkSettings settings = new SparkSettings("local[2]", "t", Map.of(), 1000, 1000);
    try (BatchTuning kept = BatchTuning.keep(spark)) {
      spark.conf().set(BatchTuning.FACTORY_MODE, BatchTuning.INTERPRETED);
      spark.conf().set(BatchTuning.ADAPTIVE, true);
      assertEquals(new BatchTuning.Choice(false, false), BatchTuning.chooseForBatch(spark, 999, settings));
      spark.conf().set(BatchTuning.ADAPTIVE, true);
      assertEquals(new BatchTuning.Choice(true, true), BatchTuning.chooseForBatch(spark, 1000, settings));
    }
  }
}
