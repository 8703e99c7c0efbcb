package io.newsframe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class ExpressionModeTest {
  private final SparkSession spark = SharedSpark.session();

  private String mode() {
    return spark.conf().get(ExpressionMode.FACTORY_MODE);
  }

  @Test
  void aBatchBelowTheSizeKeepsTheSessionsModeAndOneAtItCompilesUntilTheRunEnds() {
    String configured = mode();
    try (ExpressionMode kept = ExpressionMode.keep(spark)) {
      spark.conf().set(ExpressionMode.FACTORY_MODE, ExpressionMode.INTERPRETED);
      assertFalse(ExpressionMode.chooseForBatch(spark, 999, 1000));
      assertEquals(ExpressionMode.INTERPRETED, mode());
      assertFalse(ExpressionMode.chooseForBatch(spark, Long.MAX_VALUE, 0), "0 never switches");
      assertEquals(ExpressionMode.INTERPRETED, mode());
      assertTrue(ExpressionMode.chooseForBatch(spark, 1000, 1000));
      assertEquals(ExpressionMode.COMPILED, mode());
      // A session configured to compile compiles whatever the batch, in the mode it was given.
      assertTrue(ExpressionMode.chooseForBatch(spark, 1, 1000));
      spark.conf().set(ExpressionMode.FACTORY_MODE, "CODEGEN_ONLY");
      assertTrue(ExpressionMode.chooseForBatch(spark, 1000, 1000));
      assertEquals("CODEGEN_ONLY", mode());
    }
    assertEquals(configured, mode());
  }

  @Test
  void aModeTheSessionDidNotSetIsUnsetAgain() {
    String configured = mode();
    try {
      spark.conf().unset(ExpressionMode.FACTORY_MODE);
      try (ExpressionMode kept = ExpressionMode.keep(spark)) {
        assertTrue(ExpressionMode.chooseForBatch(spark, 1, 1000), "Spark's default compiles");
        spark.conf().set(ExpressionMode.FACTORY_MODE, ExpressionMode.INTERPRETED);
      }
      assertFalse(spark.conf().contains(ExpressionMode.FACTORY_MODE));
    } finally {
      spark.conf().set(ExpressionMode.FACTORY_MODE, configured);
    }
  }
}
