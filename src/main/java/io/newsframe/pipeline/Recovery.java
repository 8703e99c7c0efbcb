package io.newsframe.pipeline;

import io.newsframe.config.NewsframeConfig;
import io.newsframe.tables.PublishJournal;
import io.newsframe.tables.Tables;
import io.newsframe.tables.Tables.Runs;
import io.newsframe.tables.Warehouse;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run does first, holding the lock, so that killed runs leave nothing behind: it completes
 * a publish a killed driver left half done (the tables agree with each other again), marks the
 * attempts that were still running {@code abandoned}, and drops their branches and model folders.
 * Holding the lock means no other run is alive, so everything still "running" is dead.
 */
final class Recovery {
  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final NewsframeConfig config;

  Recovery(SparkSession spark, Warehouse warehouse, NewsframeConfig config) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.config = config;
  }

  /** @return the runs table as found, before the dead attempts were marked */
  PastRuns recover() {
    PublishJournal completed = warehouse.completeInterruptedPublish();
    if (completed != null) {
      LOG.warn("completed the publish of run {} attempt {} (run date {}), which a killed driver left half done",
          completed.runId(), completed.attempt(), completed.runDate());
    }
    PastRuns past = PastRuns.read(warehouse);
    List<PastRuns.Attempt> dead = past.running();
    if (!dead.isEmpty()) {
      spark.sql("UPDATE " + warehouse.qualified(Tables.RUNS) + " SET " + Runs.STATUS + " = '" + RunHistory.ABANDONED
          + "', " + Runs.FINISHED_AT + " = current_timestamp(), " + Runs.ERROR + " = 'the driver stopped before the "
          + "attempt ended; found by a later run' WHERE " + Runs.STATUS + " = '" + RunHistory.RUNNING + "'");
      for (PastRuns.Attempt attempt : dead) {
        String modelId = attempt.runId() + "-a" + attempt.attempt();
        ModelStore.deleteAttempt(warehouse.fileSystem(), warehouse.root(), config.namespace(), modelId);
        LOG.warn("run {} attempt {} was killed: marked abandoned, its saved models removed", attempt.runId(),
            attempt.attempt());
      }
    }
    List<String> branches = warehouse.discardAllRunBranches(Tables.ALL);
    if (!branches.isEmpty()) {
      LOG.warn("dropped {} branches that killed runs left: {}", branches.size(), branches);
    }
    return past;
  }
}
