package io.newsframe.pipeline;

import io.newsframe.config.NewsframeConfig;
import io.newsframe.tables.RunSlice;
import io.newsframe.tables.Warehouse;
import org.apache.spark.sql.SparkSession;

/**
 * What a stage gets: the session, the checked configuration, the tables, the run it is part of and
 * which attempt at it this is (models are saved per attempt, so that a failed re-run never
 * overwrites the model of the attempt whose rows are published), the runs before it, the saved
 * models its stages reuse, the mark of what its ingest listed (written once it is published), and
 * the schedule its stages run on.
 */
record RunContext(SparkSession spark, NewsframeConfig config, Warehouse warehouse, RunSlice run, int attempt,
    PastRuns pastRuns, ModelPrefetch models, InputWatermark watermark, StageSchedule schedule) {
  /** This context with the run's models (decided, and loading, once the run has started). */
  RunContext withModels(ModelPrefetch prefetch) {
    return new RunContext(spark, config, warehouse, run, attempt, pastRuns, prefetch, watermark, schedule);
  }

  /** This context with the schedule its stages run on. */
  RunContext withSchedule(StageSchedule stages) {
    return new RunContext(spark, config, warehouse, run, attempt, pastRuns, models, watermark, stages);
  }

  /**
   * Returns once {@code stage} of this attempt has ended, so that its tables can be read: at once
   * when it ended before this stage started, or is not part of the run. Throws
   * {@link StageSchedule.AwaitedStageFailed} when it failed.
   */
  void awaitStage(String stage) {
    if (schedule != null) {
      schedule.await(stage);
    }
  }

  /** The name of the folder this attempt saves each stage's model in. */
  String modelId() {
    return run.runId() + "-a" + attempt;
  }
}
