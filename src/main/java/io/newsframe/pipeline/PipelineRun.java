package io.newsframe.pipeline;

import io.newsframe.config.NewsframeConfig;
import io.newsframe.tables.RunSlice;
import io.newsframe.tables.TableSpec;
import io.newsframe.tables.Tables;
import io.newsframe.tables.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stages of one run in order and keeps the ledger. Data tables are written on the run's
 * branch and published together only when every stage has succeeded.
 */
public final class PipelineRun {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineRun.class);
  static final String VERSION = versionOfJar();

  private final RunContext context;
  private final String master;
  private final String warehouseUri;

  public PipelineRun(SparkSession spark, NewsframeConfig config, String warehouseUri, LocalDate runDate) {
    Warehouse warehouse = new Warehouse(spark, config.catalog(), config.namespace());
    RunSlice run = new RunSlice(RunIds.of(runDate, config.digest()), runDate);
    this.context = new RunContext(spark, config, warehouse, run);
    this.master = spark.sparkContext().master();
    this.warehouseUri = warehouseUri;
  }

  public RunSlice run() {
    return context.run();
  }

  /** Runs {@code stages}; on failure the run's branches are dropped and the run marked failed. */
  public RunReport execute(List<Stage> stages) {
    Warehouse warehouse = context.warehouse();
    RunSlice run = context.run();
    warehouse.ensureTables(Tables.ALL);
    warehouse.discard(run, Tables.ALL);
    Instant started = Instant.now();
    writeRunRow("running", started, null, null, Map.of());
    List<RunReport.StageReport> reports = new ArrayList<>();
    List<Row> stageRows = new ArrayList<>();
    Set<TableSpec> written = new LinkedHashSet<>();
    try {
      for (Stage stage : stages) {
        LOG.info("run {}: stage {} starts", run.runId(), stage.name());
        Instant stageStart = Instant.now();
        StageOutcome outcome = stage.run(context);
        double seconds = secondsSince(stageStart);
        reports.add(new RunReport.StageReport(stage.name(), outcome, seconds));
        stageRows.add(RowFactory.create(stage.name(), outcome.rowsIn(), outcome.rowsOut(),
            outcome.rowsRejected(), seconds, Timestamp.from(stageStart)));
        written.addAll(outcome.tablesWritten());
      }
      warehouse.publish(run, written);
    } catch (RuntimeException e) {
      warehouse.discard(run, Tables.ALL);
      writeStages(stageRows);
      writeRunRow("failed", started, Instant.now(), oneLine(e), counts(reports));
      throw e;
    }
    writeStages(stageRows);
    double peak = PeakMemory.megabytes();
    writeRunRow("succeeded", started, Instant.now(), null, counts(reports));
    return new RunReport(run, context.config().input().uri(), warehouseUri, reports,
        secondsSince(started), peak);
  }

  private void writeStages(List<Row> stageRows) {
    var schema = new org.apache.spark.sql.types.StructType()
        .add(Tables.RunStages.STAGE, "string").add(Tables.RunStages.ROWS_IN, "long")
        .add(Tables.RunStages.ROWS_OUT, "long").add(Tables.RunStages.ROWS_REJECTED, "long")
        .add(Tables.RunStages.SECONDS, "double").add(Tables.RunStages.STARTED_AT, "timestamp");
    context.warehouse().writeLedger(Tables.RUN_STAGES,
        context.spark().createDataFrame(stageRows, schema), context.run());
  }

  /** The stages' reported counts, keyed "stage.what" (e.g. clean.removed.comment_form). */
  private static Map<String, Long> counts(List<RunReport.StageReport> reports) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (RunReport.StageReport report : reports) {
      report.outcome().details().forEach((k, v) -> counts.put(report.name() + "." + k, v));
    }
    return counts;
  }

  private void writeRunRow(String status, Instant started, Instant finished, String error,
      Map<String, Long> counts) {
    NewsframeConfig config = context.config();
    var schema = new org.apache.spark.sql.types.StructType()
        .add(Tables.Runs.INPUT, "string").add(Tables.Runs.INPUT_FORMAT, "string")
        .add(Tables.Runs.CONFIG_DIGEST, "string").add(Tables.Runs.STATUS, "string")
        .add(Tables.Runs.STARTED_AT, "timestamp").add(Tables.Runs.FINISHED_AT, "timestamp")
        .add(Tables.Runs.ERROR, "string").add(Tables.Runs.MASTER, "string")
        .add(Tables.Runs.VERSION, "string").add(Tables.Runs.DRIVER_PEAK_RSS_MB, "double")
        .add(Tables.Runs.COUNTS, "map<string,bigint>");
    Row row = RowFactory.create(config.input().uri(), config.input().format().label(), config.digest(),
        status, Timestamp.from(started), finished == null ? null : Timestamp.from(finished), error,
        master, VERSION, finished == null ? null : PeakMemory.megabytes(),
        scala.jdk.javaapi.CollectionConverters.asScala(counts));
    context.warehouse().writeLedger(Tables.RUNS,
        context.spark().createDataFrame(List.of(row), schema), context.run());
  }

  private static double secondsSince(Instant start) {
    return java.time.Duration.between(start, Instant.now()).toNanos() / 1e9;
  }

  /** The innermost cause, as one line: what a user needs to see first. */
  public static String oneLine(Throwable e) {
    if (e instanceof io.newsframe.config.ConfigError) {
      return e.getMessage();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : root.getMessage().strip();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    String line = root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    return line.length() > 400 ? line.substring(0, 400) + "…" : line;
  }

  private static String versionOfJar() {
    String version = PipelineRun.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
