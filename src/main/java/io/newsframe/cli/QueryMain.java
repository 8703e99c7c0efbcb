package io.newsframe.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import io.newsframe.config.ConfigError;
import io.newsframe.config.NewsframeConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobs/query}: SQL over the result tables, printed for people or for scripts. */
@Command(name = "query", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Runs SQL on the result tables. Tables can be named without catalog or namespace:",
        "  jobs/query \"SELECT count(*) FROM articles\"",
        "text prints a table for people; csv and jsonl print only the rows, all of them.",
        "Statements that write (DDL, DML, CALL) are refused unless given --allow-writes.",
        "A notebook's queries in one session: jobs/query --file q.sql --format csv --out DIR"})
public final class QueryMain extends SessionJob {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SQL", description = "The statement to run.")
  String sql;

  @Option(names = "--file", paramLabel = "FILE",
      description = "Run the statements of a SQL file instead (ended by ;), in one session; "
          + "a '-- name: x' line before a statement names its result.")
  Path file;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write each statement's result to DIR/<name>.csv (or .jsonl) instead of printing it.")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), csv or jsonl.")
  String format = "text";

  @Option(names = "--limit", paramLabel = "N",
      description = "Rows to show in text format (default 100); csv and jsonl print every row.")
  int limit = 100;

  @Option(names = "--allow-writes",
      description = "Run statements that change the warehouse (DDL, DML, CALL); without it they are refused.")
  boolean allowWrites;

  public static void main(String[] args) {
    System.exit(JobRunner.run("query", new QueryMain(), args));
  }

  @Override
  public Integer call() throws IOException {
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("text") && !fmt.equals("csv") && !fmt.equals("jsonl")) {
      throw new ConfigError("--format " + format + ": expected text, csv or jsonl");
    }
    SqlScript script = script();
    if (out != null && fmt.equals("text")) {
      throw new ConfigError("--out writes csv or jsonl files: give --format csv or --format jsonl");
    }
    if (out == null && !fmt.equals("text") && script.statements().size() > 1) {
      throw new ConfigError("several statements in csv or jsonl: give --out DIR to write one file each");
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
      // Every statement is checked before any runs: a script that writes is refused whole.
      for (SqlScript.Statement statement : script.statements()) {
        List<String> writes = allowWrites ? List.of() : ReadOnlySql.writes(spark, statement.sql());
        if (!writes.isEmpty()) {
          throw new ConfigError((script.statements().size() > 1 ? statement.name() + ": " : "") + "the statement writes ("
              + String.join(", ", writes) + "): jobs/query only reads unless given --allow-writes");
        }
      }
      if (out != null) {
        Files.createDirectories(out);
      }
      for (SqlScript.Statement statement : script.statements()) {
        Dataset<Row> result = spark.sql(statement.sql());
        if (out != null) {
          Path target = out.resolve(statement.name() + "." + fmt);
          try (PrintStream file = new PrintStream(Files.newOutputStream(target), false, StandardCharsets.UTF_8)) {
            print(result, fmt, file);
          }
        } else {
          PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
          if (script.statements().size() > 1) {
            stdout.println("-- " + statement.name());
            stdout.flush();
          }
          print(result, fmt, stdout);
          stdout.flush();
        }
      }
      return 0;
    } finally {
      Sessions.stop(spark);
    }
  }

  private SqlScript script() throws IOException {
    if ((sql == null) == (file == null)) {
      throw new ConfigError("give either a SQL statement or --file FILE");
    }
    if (file == null) {
      return new SqlScript(List.of(new SqlScript.Statement("result", sql)));
    }
    if (!Files.isReadable(file)) {
      throw new ConfigError("--file " + file + ": no such readable file");
    }
    return SqlScript.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  private void print(Dataset<Row> result, String fmt, PrintStream out) {
    switch (fmt) {
      case "csv" -> printCsv(result, out);
      case "jsonl" -> result.toJSON().toLocalIterator().forEachRemaining(out::println);
      default -> {
        // Dataset.show prints to the JVM's stdout, which is where text goes anyway.
        out.flush();
        result.show(limit, 60, false);
      }
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
