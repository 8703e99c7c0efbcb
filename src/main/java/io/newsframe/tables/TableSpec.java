package io.newsframe.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
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

  /** The columns a stage provides: all but run_id and run_date, which the warehouse stamps. */
  public StructType dataSchema() {
    List<StructField> fields = new ArrayList<>();
    for (StructField field : schema.fields()) {
      if (!field.name().equals(RUN_ID) && !field.name().equals(RUN_DATE)) {
        fields.add(field);
      }
    }
    return new StructType(fields.toArray(StructField[]::new));
  }

  /**
   * A row of {@link #dataSchema()} from values by column name, so that no caller depends on the
   * order of the columns. Every column must be given (null for none); an unknown name is an error.
   */
  public Row row(Map<String, ?> values) {
    StructType data = dataSchema();
    Set<String> unknown = new TreeSet<>(values.keySet());
    Object[] cells = new Object[data.size()];
    for (int i = 0; i < cells.length; i++) {
      String column = data.fields()[i].name();
      if (!values.containsKey(column)) {
        throw new IllegalArgumentException("a row of " + name + " needs " + column);
      }
      cells[i] = values.get(column);
      unknown.remove(column);
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(name + " has no column " + unknown);
    }
    return RowFactory.create(cells);
  }
}
