package io.newsframe.pipeline;

import io.newsframe.clean.CleanStage;
import io.newsframe.tables.Tables;
import io.newsframe.tables.Tables.Articles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Fits the clean pipeline on the run's raw articles, saves it under the warehouse's models folder,
 * and writes the articles table.
 */
final class CleanStep implements Stage {
  @Override
  public String name() {
    return CleanStage.NAME;
  }

  @Override
  public StageOutcome run(RunContext context) {
    var config = context.config();
    LocalDate reference = config.clean().referenceDate().isEmpty()
        ? context.run().runDate() : LocalDate.parse(config.clean().referenceDate());
    // The table is read as few large splits; the per-article work needs every core busy.
    int partitions = 4 * context.spark().sparkContext().defaultParallelism();
    Dataset<Row> raw = context.warehouse().readRun(Tables.RAW_ARTICLES, context.run())
        .repartition(partitions, org.apache.spark.sql.functions.col(Articles.ID))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      PipelineModel model = CleanStage.pipeline(config.clean(), reference).fit(raw);
      saveModel(model, context);
      Dataset<Row> articles = CleanStage.articles(model, raw, config.clean())
          .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        context.warehouse().writeRun(Tables.ARTICLES, articles, context.run());
        Map<String, Long> details = new TreeMap<>();
        for (Row row : CleanStage.removedByReason(articles).collectAsList()) {
          details.put("removed." + row.getString(0), row.getLong(1));
        }
        Row counts = articles.agg(
            org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.lit(1)),
            org.apache.spark.sql.functions.sum(org.apache.spark.sql.functions.col(Articles.FOR_MODELLING).cast("long")),
            org.apache.spark.sql.functions.sum(org.apache.spark.sql.functions.when(
                org.apache.spark.sql.functions.col(Articles.IS_CANONICAL), 0).otherwise(1))).first();
        long total = counts.getLong(0);
        details.put("for_modelling", counts.isNullAt(1) ? 0 : counts.getLong(1));
        details.put("duplicates", counts.isNullAt(2) ? 0 : counts.getLong(2));
        return new StageOutcome(total, total, 0, List.of(Tables.ARTICLES), details);
      } finally {
        articles.unpersist();
      }
    } finally {
      raw.unpersist();
    }
  }

  /** warehouse/models/clean/<run_id>: the fitted pipeline, for inspection and for later batches. */
  private static void saveModel(PipelineModel model, RunContext context) {
    String path = context.spark().conf().get("spark.sql.catalog." + context.config().catalog() + ".warehouse")
        + "/models/clean/" + context.run().runId();
    try {
      model.write().overwrite().save(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the clean model to " + path, e);
    }
  }
}
