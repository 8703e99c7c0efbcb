package io.newsframe.tables;

import org.apache.spark.sql.types.StructType;

/**
 * A result table: its name in the namespace, its columns and what it holds. Every table has a
 * {@code run_id} and a {@code run_date} column and is partitioned by the run date.
 */
public record TableSpec(String name, StructType schema, String description) {
  public static final String RUN_ID = "run_id";
  public static final String RUN_DATE = "run_date";

  public TableSpec {
    if (schema.getFieldIndex(RUN_ID).isEmpty() || schema.getFieldIndex(RUN_DATE).isEmpty()) {
      throw new IllegalArgumentException("table " + name + " needs run_id and run_date columns");
    }
  }
}
