package io.newsframe.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import io.newsframe.config.ConfigError;
import io.newsframe.config.NewsframeConfig;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobs/query}: SQL over the result tables, printed for people or for scripts. */
@Command(name = "query", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Runs SQL on the result tables. Tables can be named without catalog or namespace:",
        "  jobs/query \"SELECT count(*) FROM articles\"",
        "text prints a table for people; csv and jsonl print only the rows, all of them."})
public final class QueryMain implements Callable<Integer>, JobRunner.Verbosity {
  @Parameters(index = "0", paramLabel = "SQL", description = "The statement to run.")
  String sql;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), csv or jsonl.")
  String format = "text";

  @Option(names = "--limit", paramLabel = "N",
      description = "Rows to show in text format (default 100); csv and jsonl print every row.")
  int limit = 100;

  @Mixin
  CommonOptions common = new CommonOptions();

  public static void main(String[] args) {
    System.exit(JobRunner.run("query", new QueryMain(), args));
  }

  @Override
  public boolean verbose() {
    return common.verbose;
  }

  @Override
  public Integer call() {
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("text") && !fmt.equals("csv") && !fmt.equals("jsonl")) {
      throw new ConfigError("--format " + format + ": expected text, csv or jsonl");
    }
    NewsframeConfig config = common.load(Map.of());
    SparkSession spark = Sessions.create(config);
    try {
      spark.sql("USE " + config.catalog() + "." + config.namespace());
      if (new io.newsframe.tables.Warehouse(spark, config.catalog(), config.namespace()).publishPending()) {
        // Tables are moved one at a time: until the journal is gone they may not agree.
        throw new ConfigError("a run is publishing its tables, or was killed while it did; query again when it "
            + "ends (the next jobs/pipeline or jobs/maintain completes an interrupted publish first)");
      }
      Dataset<Row> result = spark.sql(sql);
      PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
      switch (fmt) {
        case "csv" -> printCsv(result, out);
        case "jsonl" -> result.toJSON().toLocalIterator().forEachRemaining(out::println);
        default -> result.show(limit, 60, false);
      }
      out.flush();
      return 0;
    } finally {
      spark.stop();
    }
  }

  /** RFC 4180 CSV with a header; nested values as JSON. Streams partition by partition. */
  static void printCsv(Dataset<Row> result, PrintStream out) {
    StructType schema = result.schema();
    Column[] flat = new Column[schema.size()];
    for (int i = 0; i < flat.length; i++) {
      StructField field = schema.fields()[i];
      boolean nested = field.dataType() instanceof StructType || field.dataType() instanceof ArrayType
          || field.dataType() instanceof MapType;
      flat[i] = (nested ? to_json(col("`" + field.name() + "`")) : col("`" + field.name() + "`").cast("string"))
          .as(field.name());
    }
    out.println(csvLine(schema.fieldNames()));
    Iterator<Row> rows = result.select(flat).toLocalIterator();
    while (rows.hasNext()) {
      Row row = rows.next();
      String[] cells = new String[row.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = row.isNullAt(i) ? null : row.getString(i);
      }
      out.println(csvLine(cells));
    }
  }

  static String csvLine(String[] cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      String cell = cells[i];
      if (cell == null) {
        continue;
      }
      if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
          || cell.indexOf('\r') >= 0) {
        line.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        line.append(cell);
      }
    }
    return line.toString();
  }
}
