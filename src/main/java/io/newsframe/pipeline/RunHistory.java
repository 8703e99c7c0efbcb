package io.newsframe.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.newsframe.config.NewsframeConfig;
import io.newsframe.tables.RunSlice;
import io.newsframe.tables.ScalaValues;
import io.newsframe.tables.TableSpec;
import io.newsframe.tables.Tables;
import io.newsframe.tables.Tables.RunStages;
import io.newsframe.tables.Tables.Runs;
import io.newsframe.tables.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The rows of {@code runs} and {@code run_stages} of one run's attempts. An attempt's row is
 * written to main when it starts ("running") and when it fails, so that both are visible at once;
 * its "succeeded" row and its stage rows go on the run's branches and are published with the data,
 * so that the runs table never says succeeded for rows the tables do not hold, nor the reverse.
 */
final class RunHistory {
  static final String RUNNING = "running";
  static final String SUCCEEDED = "succeeded";
  static final String FAILED = "failed";
  static final String ABANDONED = "abandoned";

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final NewsframeConfig config;
  private final RunSlice run;
  private final String master;
  private final String version;

  RunHistory(SparkSession spark, Warehouse warehouse, NewsframeConfig config, RunSlice run, String master,
      String version) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.config = config;
    this.run = run;
    this.master = master;
    this.version = version;
  }

  void started(int attempt, Instant started) {
    warehouse.writeHistory(Tables.RUNS, runRows(attempt, RUNNING, started, null, null, List.of()), run,
        isAttempt(attempt));
  }

  void succeededOnBranch(int attempt, Instant started, List<RunReport.StageReport> reports) {
    warehouse.writeRun(Tables.RUN_STAGES, stageRows(attempt, reports), run, isAttempt(attempt));
    warehouse.writeRun(Tables.RUNS, runRows(attempt, SUCCEEDED, started, Instant.now(), null, reports), run,
        isAttempt(attempt));
  }

  void failed(int attempt, Instant started, List<RunReport.StageReport> reports, String error) {
    warehouse.writeHistory(Tables.RUN_STAGES, stageRows(attempt, reports), run, isAttempt(attempt));
    warehouse.writeHistory(Tables.RUNS, runRows(attempt, FAILED, started, Instant.now(), error, reports), run,
        isAttempt(attempt));
  }

  private static Column isAttempt(int attempt) {
    return col(Runs.ATTEMPT).equalTo(lit(attempt));
  }

  private org.apache.spark.sql.Dataset<Row> runRows(int attempt, String status, Instant started, Instant finished,
      String error, List<RunReport.StageReport> reports) {
    Map<String, Long> counts = new TreeMap<>();
    Map<String, String> models = new TreeMap<>();
    Map<String, String> notes = new TreeMap<>();
    for (RunReport.StageReport report : reports) {
      report.outcome().details().forEach((k, v) -> counts.put(report.name() + "." + k, v));
      if (report.outcome().model() != null) {
        models.put(report.name(), report.outcome().model());
      }
      if (report.outcome().modelReusedFrom() != null) {
        models.put(report.name() + ModelStore.REUSED_FROM, report.outcome().modelReusedFrom());
      }
      if (report.outcome().note() != null) {
        notes.put(report.name(), report.outcome().note());
      }
    }
    Map<String, Object> row = new HashMap<>();
    row.put(Runs.ATTEMPT, attempt);
    row.put(Runs.INPUT, config.input().uri());
    row.put(Runs.INPUT_FORMAT, config.input().format().label());
    row.put(Runs.CONFIG_DIGEST, config.digest());
    row.put(Runs.STATUS, status);
    row.put(Runs.STARTED_AT, Timestamp.from(started));
    row.put(Runs.FINISHED_AT, finished == null ? null : Timestamp.from(finished));
    row.put(Runs.ERROR, error);
    row.put(Runs.MASTER, master);
    row.put(Runs.VERSION, version);
    row.put(Runs.DRIVER_PEAK_RSS_MB, finished == null ? null : PeakMemory.megabytes());
    row.put(Runs.COUNTS, ScalaValues.map(counts));
    row.put(Runs.MODELS, ScalaValues.map(models));
    row.put(Runs.NOTES, ScalaValues.map(notes));
    return spark.createDataFrame(List.of(Tables.RUNS.row(row)), Tables.RUNS.dataSchema());
  }

  private org.apache.spark.sql.Dataset<Row> stageRows(int attempt, List<RunReport.StageReport> reports) {
    List<Row> rows = new ArrayList<>();
    for (RunReport.StageReport report : reports) {
      StageOutcome outcome = report.outcome();
      rows.add(Tables.RUN_STAGES.row(Map.of(RunStages.ATTEMPT, attempt, RunStages.STAGE, report.name(),
          RunStages.ROWS_IN, outcome.rowsIn(), RunStages.ROWS_OUT, outcome.rowsOut(),
          RunStages.ROWS_REJECTED, outcome.rowsRejected(), RunStages.SECONDS, report.seconds(),
          RunStages.STARTED_AT, Timestamp.from(report.started()))));
    }
    return spark.createDataFrame(rows, Tables.RUN_STAGES.dataSchema());
  }
}
