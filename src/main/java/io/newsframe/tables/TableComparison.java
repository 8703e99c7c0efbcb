package io.newsframe.tables;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Whether two copies of a table hold the same rows, in any order: two runs on the same input and
 * configuration (on another master, after a refactoring) must write the same tables. The columns
 * that say when, where or under which run id a run wrote are left out ({@link #RUN_ONLY}), and
 * doubles agree to a relative tolerance: Spark merges partial sums in the order tasks finish, so
 * results of MLlib's aggregations may differ in their last bits between any two runs. The
 * comparison is a join on the executors; only a few differing rows come to the driver.
 */
public final class TableComparison {
  /** Columns that differ between any two runs of the same work. */
  public static final Set<String> RUN_ONLY = Set.of(TableSpec.RUN_ID, Tables.Runs.STARTED_AT, Tables.Runs.FINISHED_AT,
      Tables.RunStages.SECONDS, Tables.Runs.MASTER, Tables.Runs.CONFIG_DIGEST, Tables.Runs.MODELS, "model",
      Tables.Runs.DRIVER_PEAK_RSS_MB);
  /** Fractional numbers in a row's JSON: left out of the key that pairs rows. */
  private static final String FRACTION = "-?\\d+\\.\\d+(E-?\\d+)?";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TableComparison() {}

  /** What the comparison found: row counts, rows without an equal partner, and a few of them. */
  public record Result(String table, long leftRows, long rightRows, long differing, List<Difference> examples) {
    public boolean same() {
      return leftRows == rightRows && differing == 0;
    }
  }

  /** Rows paired by everything but their fractional numbers, which did not agree; null: no partner. */
  public record Difference(String left, String right) {}

  /**
   * Compares {@code leftTable} with {@code rightTable} (names the session resolves), both with
   * {@code spec}'s columns.
   */
  public static Result compare(SparkSession spark, TableSpec spec, String leftTable, String rightTable,
      double tolerance) {
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must be 0 or more, not " + tolerance);
    }
    Dataset<Row> left = keyed(spark.table(leftTable), spec);
    Dataset<Row> right = keyed(spark.table(rightTable), spec);
    UserDefinedFunction agree = functions.udf(
        (UDF3<String, String, Double, Boolean>) TableComparison::agree, DataTypes.BooleanType);
    Dataset<Row> paired = left.as("l").join(right.as("r"),
        col("l.key").equalTo(col("r.key")).and(col("l.n").equalTo(col("r.n"))), "full_outer");
    Dataset<Row> differing = paired
        .where(not(coalesce(agree.apply(col("l.row"), col("r.row"), lit(tolerance)), lit(false))))
        .select(col("l.row").as("left"), col("r.row").as("right"))
        .cache();
    try {
      long count = differing.count();
      List<Difference> examples = differing.limit(3).collectAsList().stream()
          .map(r -> new Difference(r.getString(0), r.getString(1))).toList();
      return new Result(spec.name(), left.count(), right.count(), count, examples);
    } finally {
      differing.unpersist();
    }
  }

  /** Each row as JSON (without the run-only columns), its key and its number among equal keys. */
  private static Dataset<Row> keyed(Dataset<Row> table, TableSpec spec) {
    Column[] columns = Arrays.stream(spec.schema().fields()).map(StructField::name)
        .filter(name -> !RUN_ONLY.contains(name)).map(name -> col("`" + name + "`")).toArray(Column[]::new);
    Dataset<Row> rows = table.select(to_json(struct(columns)).as("row"))
        .withColumn("key", regexp_replace(col("row"), FRACTION, "#"));
    return rows.withColumn("n", row_number().over(Window.partitionBy("key").orderBy("row")));
  }

  /** True when both rows are the same JSON, numbers with a fraction agreeing to {@code tolerance} of their size. */
  static Boolean agree(String left, String right, Double tolerance) throws JsonProcessingException {
    if (left == null || right == null) {
      return false;
    }
    return JSON.readTree(left).equals((a, b) -> compare(a, b, tolerance), JSON.readTree(right));
  }

  private static int compare(JsonNode a, JsonNode b, double tolerance) {
    if (a.isNumber() && b.isNumber() && (a.isFloatingPointNumber() || b.isFloatingPointNumber())) {
      double x = a.doubleValue();
      double y = b.doubleValue();
      return Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y)) ? 0 : Double.compare(x, y);
    }
    return a.equals(b) ? 0 : 1;
  }
}
