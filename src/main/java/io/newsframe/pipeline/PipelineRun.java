package io.newsframe.pipeline;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import io.newsframe.config.NewsframeConfig;
import io.newsframe.tables.CrashPoints;
import io.newsframe.tables.RunSlice;
import io.newsframe.tables.TableSpec;
import io.newsframe.tables.Tables;
import io.newsframe.tables.Warehouse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at a run, in the order of docs/architecture.md: take the warehouse lock, recover
 * what a killed run left, run the stages on the run's branches, publish them together (through the
 * publish journal), tidy the warehouse, release the lock. Every attempt has its row in {@code runs}.
 */
public final class PipelineRun {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineRun.class);
  static final String VERSION = versionOfJar();

  private final SparkSession spark;
  private final NewsframeConfig config;
  private final Warehouse warehouse;
  private final RunSlice run;
  private final String warehouseUri;

  public PipelineRun(SparkSession spark, NewsframeConfig config, String warehouseUri, LocalDate runDate) {
    this.spark = spark;
    this.config = config;
    this.warehouse = new Warehouse(spark, config.catalog(), config.namespace());
    this.run = new RunSlice(RunIds.of(runDate, config.digest()), runDate);
    this.warehouseUri = warehouseUri;
  }

  public RunSlice run() {
    return run;
  }

  /**
   * Runs {@code stages} as a new attempt. On failure the run's branches and this attempt's models
   * are dropped, the attempt is recorded as failed, and the tables show what they showed before.
   */
  public RunReport execute(List<Stage> stages) {
    try (RunLock lock = RunLock.acquire(warehouse.fileSystem(), warehouse.namespaceDir(), run.runId(),
        config.operations().lock())) {
      warehouse.ensureTables(Tables.ALL);
      PastRuns past = new Recovery(spark, warehouse, config).recover();
      RunHistory history = new RunHistory(spark, warehouse, config, run, spark.sparkContext().master(), VERSION);
      int attempt = past.nextAttempt(run.runDate());
      RunContext context = new RunContext(spark, config, warehouse, run, attempt, past, null, new InputWatermark(), null);
      // The first line creates the log file (on demand), which is then named after the attempt.
      LOG.info("run {} (run date {}), attempt {}; driver: {}", run.runId(), run.runDate(), attempt, driverJvm());
      LogFiles.nameAfter(run.runId(), attempt);
      return executeAttempt(context, history, stages);
    }
  }

  /**
   * The driver's Java version, heap, young generation and JIT, for the log: the launcher gives a
   * run whose whole input is small the JIT's first tier only and a young generation of fixed size
   * (jobs/lib/common.sh), which a long run would feel.
   */
  static String driverJvm() {
    String jit;
    String young;
    try {
      HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      jit = "1".equals(hotSpot.getVMOption("TieredStopAtLevel").getValue()) ? "first tier only (C1)" : "tiered (C1 and C2)";
      VMOption maxYoung = hotSpot.getVMOption("MaxNewSize");
      young = maxYoung.getOrigin() == VMOption.Origin.VM_CREATION
          ? "young generation " + (Long.parseLong(maxYoung.getValue()) >> 20) + " MB"
          : "young generation sized by the collector";
    } catch (RuntimeException notHotSpot) {
      jit = "not known";
      young = "young generation not known";
    }
    return String.format(Locale.ROOT, "Java %s, heap up to %d MB, %s, JIT %s", Runtime.version(),
        Runtime.getRuntime().maxMemory() >> 20, young, jit);
  }

  private RunReport executeAttempt(RunContext attemptContext, RunHistory history, List<Stage> stages) {
    Instant started = Instant.now();
    try (ModelPrefetch models = ModelPrefetch.start(attemptContext)) {
      return executeAttempt(attemptContext.withModels(models), history, stages, started);
    }
  }

  private RunReport executeAttempt(RunContext attemptContext, RunHistory history, List<Stage> stages, Instant started) {
    history.started(attemptContext.attempt(), started);
    List<RunReport.StageReport> reports = new ArrayList<>();
    Set<TableSpec> written = new LinkedHashSet<>();
    try (BatchTuning configuredTuning = BatchTuning.keep(spark);
        Progress progress = Progress.start(spark, config.operations().progressInterval());
        StageSchedule schedule = new StageSchedule(progress::stage)) {
      RunContext context = attemptContext.withSchedule(schedule);
      try {
        reports.addAll(schedule.run(stages, stage -> runStage(context, stage), this::sideBySide));
      } catch (StageSchedule.StagesFailed e) {
        reports.addAll(e.completed());
        throw e.firstFailure();
      }
      reports.forEach(report -> written.addAll(report.outcome().tablesWritten()));
      progress.stage("publish");
      LOG.info("run {}: publishing", run.runId());
      history.succeededOnBranch(context.attempt(), started, reports);
      written.add(Tables.RUNS);
      written.add(Tables.RUN_STAGES);
      CrashPoints.reach("publish:start");
      warehouse.publish(run, context.attempt(), written);
    } catch (RuntimeException e) {
      if (warehouse.publishPending()) {
        // Some tables may have moved already: undoing that here could leave them disagreeing for
        // good. The journal stays, and the next run completes the publish, as after a crash.
        LOG.error("run {}: the publish failed part way ({}); the next run completes it", run.runId(), oneLine(e));
        throw e;
      }
      warehouse.discard(run, Tables.ALL);
      ModelStore.deleteAttempt(attemptContext);
      history.failed(attemptContext.attempt(), started, reports, oneLine(e));
      throw e;
    }
    double peak = PeakMemory.megabytes();
    LOG.info("run {}: published", run.runId());
    markInput(attemptContext.watermark());
    new Maintenance(spark, warehouse, config).afterRun();
    return new RunReport(run, config.input().uri(), warehouseUri, reports, secondsSince(started), peak);
  }

  private RunReport.StageReport runStage(RunContext context, Stage stage) {
    CrashPoints.reach("stage:" + stage.name());
    LOG.info("run {}: stage {} starts", run.runId(), stage.name());
    Instant stageStart = Instant.now();
    StageOutcome outcome = stage.run(context);
    if (outcome.note() != null) {
      LOG.info("run {}: stage {}: {}", run.runId(), stage.name(), outcome.note());
    }
    return new RunReport.StageReport(stage.name(), outcome, secondsSince(stageStart), stageStart);
  }

  /**
   * Whether a stage may start beside the ones before it (Stage#startsAfter): when the run's input,
   * as its ingest read it, is below operations.side-by-side-below bytes.
   */
  private boolean sideBySide(List<RunReport.StageReport> ended) {
    long below = config.operations().sideBySideBelow();
    return below > 0 && ended.stream().filter(r -> r.name().equals(io.newsframe.ingest.IngestStage.NAME)).findFirst()
        .map(r -> r.outcome().details().getOrDefault(IngestStep.BYTES_READ, Long.MAX_VALUE) < below).orElse(false);
  }

  /** The launchers' mark of what this run listed: a hint for the next run's JIT, so a failure only warns. */
  private void markInput(InputWatermark watermark) {
    try {
      watermark.writeAfterPublish(warehouse.fileSystem(), warehouse.namespaceDir(), run.runDate());
    } catch (IOException | RuntimeException e) {
      LOG.warn("run {}: the input's mark for the launchers was not written ({})", run.runId(), oneLine(e));
    }
  }

  /**
   * jobs/maintain: under the lock, recovery and then maintenance, whatever the configuration's
   * switch; {@code orphansNow} searches the tables for orphan files whatever orphan-check-every says.
   */
  public static Maintenance.Summary maintain(SparkSession spark, NewsframeConfig config, boolean orphansNow) {
    Warehouse warehouse = new Warehouse(spark, config.catalog(), config.namespace());
    try (RunLock lock = RunLock.acquire(warehouse.fileSystem(), warehouse.namespaceDir(), "maintain",
        config.operations().lock())) {
      warehouse.ensureTables(Tables.ALL);
      new Recovery(spark, warehouse, config).recover();
      return new Maintenance(spark, warehouse, config).run(orphansNow);
    }
  }

  static double secondsSince(Instant start) {
    return java.time.Duration.between(start, Instant.now()).toNanos() / 1e9;
  }

  /** The innermost cause, as one line: what a user needs to see first. */
  public static String oneLine(Throwable e) {
    if (e instanceof io.newsframe.config.ConfigError || e instanceof RunLock.HeldException) {
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
