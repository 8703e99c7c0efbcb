package io.newsframe.pipeline;

import io.newsframe.config.NewsframeConfig;
import io.newsframe.tables.RunSlice;
import io.newsframe.tables.Warehouse;
import org.apache.spark.sql.SparkSession;

/**
 * What a stage gets: the session, the checked configuration, the tables, the run it is part of and
 * which attempt at it this is (models are saved per attempt, so that a failed re-run never
 * overwrites the model of the attempt whose rows are published), the runs before it, the saved
 * models its stages reuse, and the mark of what its ingest listed (written once it is published).
 */
record RunContext(SparkSession spark, NewsframeConfig config, Warehouse warehouse, RunSlice run, int attempt,
    PastRuns pastRuns, ModelPrefetch models, InputWatermark watermark) {
  /** This context with the run's models (decided, and loading, once the run has started). */
  RunContext withModels(ModelPrefetch prefetch) {
    return new RunContext(spark, config, warehouse, run, attempt, pastRuns, prefetch, watermark);
  }

  /** The name of the folder this attempt saves each stage's model in. */
  String modelId() {
    return run.runId() + "-a" + attempt;
  }
}
