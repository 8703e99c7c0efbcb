package io.newsframe.pipeline;

import io.newsframe.clean.CleanStage;
import io.newsframe.ml.Concurrently;
import io.newsframe.tables.Checkpoints;
import io.newsframe.tables.TableSpec;
import io.newsframe.tables.Tables;
import io.newsframe.tables.Tables.Articles;
import io.newsframe.tables.Warehouse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the clean pipeline on the run's raw articles, saves it under the warehouse's models folder,
 * and writes the articles table.
 */
final class CleanStep implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(CleanStep.class);

  @Override
  public String name() {
    return CleanStage.NAME;
  }

  @Override
  public StageOutcome run(RunContext context) {
    var config = context.config();
    LocalDate reference = config.clean().referenceDate().isEmpty()
        ? context.run().runDate() : LocalDate.parse(config.clean().referenceDate());
    Dataset<Row> read = context.warehouse().readRun(Tables.RAW_ARTICLES, context.run());
    long count = read.count();
    Dataset<Row> raw = Checkpoints.cache(ArticleTasks.spread(read, count));
    try {
      String reused = context.models().reused(CleanStage.NAME);
      PipelineModel model = modelFor(raw, reference, context, reused);
      // The model's save (eight small Spark jobs and their commits, about a second at any batch size)
      // runs beside the cleaning, which does not read it back: before it, the pass waited for it.
      List<Object> done = Concurrently.all(List.<Callable<Object>>of(
          () -> ModelStore.saveIfFitted(context, CleanStage.NAME, model, reused),
          () -> cleanAndWrite(context, model, raw, count)), 2);
      return ((StageOutcome) done.get(1)).withModel((String) done.get(0), reused);
    } finally {
      Checkpoints.release(raw);
    }
  }

  /** Cleans the run's raw articles with the model and writes articles and dup_index; the outcome without its model. */
  private static StageOutcome cleanAndWrite(RunContext context, PipelineModel model, Dataset<Row> raw, long count) {
    Dataset<Row> earlier = context.warehouse().current(Tables.DUP_INDEX)
        .where(org.apache.spark.sql.functions.col(TableSpec.RUN_DATE)
            .notEqual(org.apache.spark.sql.functions.lit(java.sql.Date.valueOf(context.run().runDate()))));
    Dataset<Row> articles = Checkpoints.cache(CleanStage.articles(model, raw, context.config().clean(), earlier));
    try {
      // The batch's canonical articles join the index later runs look their copies up in.
      Dataset<Row> indexed = articles.where(org.apache.spark.sql.functions.col(Articles.IS_CANONICAL)
          .and(org.apache.spark.sql.functions.size(org.apache.spark.sql.functions.col(Tables.DupIndex.BANDS)).gt(0)));
      Warehouse.concurrently(List.of(
          () -> context.warehouse().writeRunWhereComputed(Tables.ARTICLES, articles, context.run(),
              ArticleTasks.files(count)),
          () -> context.warehouse().writeRunWhereComputed(Tables.DUP_INDEX, indexed, context.run(),
              ArticleTasks.files(count))));
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
      return new StageOutcome(total, total, 0, List.of(Tables.ARTICLES, Tables.DUP_INDEX), details);
    } finally {
      Checkpoints.release(articles);
    }
  }

  /** The pipeline this run cleans with: fitted on its batch, or a saved one (conf clean.model). */
  private static PipelineModel modelFor(Dataset<Row> raw, LocalDate reference, RunContext context, String saved) {
    if (saved == null) {
      LOG.info("clean: fitting the pipeline on this run's batch");
      return CleanStage.pipeline(context.config().clean(), reference).fit(raw);
    }
    LOG.info("clean: reusing the pipeline saved at " + saved);
    return context.models().load(CleanStage.NAME, PipelineModel.class);
  }

}
