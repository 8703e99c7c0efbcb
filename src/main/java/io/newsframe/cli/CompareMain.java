package io.newsframe.cli;

import io.newsframe.config.NewsframeConfig;
import io.newsframe.tables.TableComparison;
import io.newsframe.tables.TableSpec;
import io.newsframe.tables.Tables;
import io.newsframe.tables.Warehouse;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jobs/compare}: whether two warehouses hold the same tables, row for row, leaving out
 * what differs between any two runs (run ids, times, the master, model folders). Exit 0 when
 * every table agrees, 1 when one does not.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Compares every table of two warehouses row for row, in any order, without the columns",
        "that differ between any two runs (run_id, times, master, config digest, model folders);",
        "doubles agree to --tolerance of their size. Exit 0: all the same; 1: some table differs.",
        "  jobs/compare warehouse-before warehouse-after"})
public final class CompareMain extends SessionJob {
  /** The catalog the second warehouse is read through; the first is the session's own. */
  static final String OTHER_CATALOG = "compared";

  @Parameters(index = "0", paramLabel = "LEFT", description = "The first warehouse (folder or URI).")
  String left;

  @Parameters(index = "1", paramLabel = "RIGHT", description = "The second warehouse.")
  String right;

  @Option(names = "--tolerance", paramLabel = "R",
      description = "Relative difference allowed between doubles (default 1e-6).")
  double tolerance = 1e-6;

  public static void main(String[] args) {
    System.exit(JobRunner.run("compare", new CompareMain(), args));
  }

  @Override
  public Integer call() {
    NewsframeConfig config = common.load(Map.of("warehouse", left));
    SparkSession spark = Sessions.create(config);
    try {
      Warehouse.sessionConf(OTHER_CATALOG, config.namespace(), Sessions.qualifiedWarehouse(spark, right))
          .forEach((key, value) -> {
            if (key.startsWith("spark.sql.catalog.")) {
              spark.conf().set(key, value);
            }
          });
      int differing = 0;
      for (TableSpec table : Tables.ALL) {
        TableComparison.Result result = TableComparison.compare(spark, table,
            config.catalog() + "." + config.namespace() + "." + table.name(),
            OTHER_CATALOG + "." + config.namespace() + "." + table.name(), tolerance);
        System.out.println(describe(result));
        differing += result.same() ? 0 : 1;
      }
      System.out.println(differing == 0 ? "same: every table" : "differ: " + differing + " of " + Tables.ALL.size() + " tables");
      return differing == 0 ? 0 : 1;
    } finally {
      Sessions.stop(spark);
    }
  }

  static String describe(TableComparison.Result result) {
    if (result.same()) {
      return result.table() + ": same (" + result.leftRows() + " rows)";
    }
    StringBuilder text = new StringBuilder(result.table() + ": DIFFERS (" + result.leftRows() + " rows left, "
        + result.rightRows() + " right, " + result.differing() + " without an equal partner)");
    for (TableComparison.Difference difference : result.examples()) {
      text.append("\n  left:  ").append(difference.left()).append("\n  right: ").append(difference.right());
    }
    return text.toString();
  }
}
