package io.newsframe.pipeline;

import io.newsframe.clean.CleanStage;
import io.newsframe.config.CleanSettings;
import io.newsframe.tables.Tables;
import io.newsframe.tables.Tables.Articles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
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
    // The table is read as few large splits; the per-article work needs every core busy.
    int partitions = 4 * context.spark().sparkContext().defaultParallelism();
    Dataset<Row> raw = context.warehouse().readRun(Tables.RAW_ARTICLES, context.run())
        .repartition(partitions, org.apache.spark.sql.functions.col(Articles.ID))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      PipelineModel model = modelFor(raw, reference, context);
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

  /** The pipeline this run cleans with: fitted on its batch, or a saved one (conf clean.model). */
  private static PipelineModel modelFor(Dataset<Row> raw, LocalDate reference, RunContext context) {
    String choice = context.config().clean().model();
    String saved = switch (choice) {
      case CleanSettings.FIT_MODEL -> null;
      case CleanSettings.LATEST_MODEL -> latestEarlierModel(context);
      default -> choice;
    };
    if (saved == null) {
      LOG.info("clean: fitting the pipeline on this run's batch");
      return CleanStage.pipeline(context.config().clean(), reference).fit(raw);
    }
    LOG.info("clean: reusing the pipeline saved at " + saved);
    try {
      return PipelineModel.load(saved);
    } catch (RuntimeException e) {
      throw new IllegalStateException("clean.model: cannot load a saved clean pipeline from " + saved
          + " (" + e.getMessage() + ")", e);
    }
  }

  /**
   * The model of the latest run dated before this one, or null. Run ids start with the run date
   * (yyyyMMdd), so their order is the runs' order; a run never reuses its own earlier model, which
   * keeps a re-run identical to the first.
   */
  private static String latestEarlierModel(RunContext context) {
    Path dir = new Path(modelsDir(context));
    String today = RunIds.of(context.run().runDate(), "00000000").substring(0, 8);
    try {
      FileSystem fs = dir.getFileSystem(context.spark().sparkContext().hadoopConfiguration());
      if (!fs.exists(dir)) {
        return null;
      }
      String latest = null;
      for (FileStatus status : fs.listStatus(dir)) {
        String name = status.getPath().getName();
        if (status.isDirectory() && name.compareTo(today) < 0 && (latest == null || name.compareTo(latest) > 0)) {
          latest = name;
        }
      }
      return latest == null ? null : new Path(dir, latest).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list saved clean models in " + dir, e);
    }
  }

  private static String modelsDir(RunContext context) {
    return ModelPaths.of(context, CleanStage.NAME);
  }

  /** warehouse/models/clean/<run_id>: the pipeline this run used, for inspection and later batches. */
  private static void saveModel(PipelineModel model, RunContext context) {
    String path = modelsDir(context) + "/" + context.run().runId();
    try {
      model.write().overwrite().save(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the clean model to " + path, e);
    }
  }
}
