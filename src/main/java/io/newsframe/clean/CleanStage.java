package io.newsframe.clean;

import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.newsframe.config.CleanSettings;
import io.newsframe.tables.Checkpoints;
import io.newsframe.tables.Tables.Articles;
import java.time.LocalDate;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The clean stage: raw articles to clean articles. A Spark ML pipeline ({@link BoilerplateRemover},
 * {@link MetadataExtractor}, {@link LanguageIdentifier}, {@link QualityFilter}) fitted on the batch
 * and saved with the run, then duplicate clusters over the clean texts.
 *
 * <p>Invariant: one articles row per raw_articles row; nothing is dropped. Articles that fail a
 * quality check, are in another language or are non-canonical duplicates have
 * {@code for_modelling = false}.
 */
public final class CleanStage {
  public static final String NAME = "clean";

  private CleanStage() {}

  public static Pipeline pipeline(CleanSettings settings, LocalDate referenceDate) {
    return new Pipeline().setStages(new PipelineStage[] {
        new BoilerplateRemover().withSettings(settings.repeatedLines(), settings.boilerplate()),
        new MetadataExtractor().setReferenceDate(referenceDate),
        new LanguageIdentifier().setDetectChars(settings.language().detectChars())
            .setMinConfidence(settings.language().minConfidence()),
        new QualityFilter().setThresholds(settings.quality())});
  }

  /** The articles table's rows (without run columns) from raw articles and a fitted pipeline. */
  public static Dataset<Row> articles(PipelineModel model, Dataset<Row> raw, CleanSettings settings) {
    return articles(model, raw, settings, null);
  }

  /**
   * As {@link #articles(PipelineModel, Dataset, CleanSettings)}, with duplicates of earlier runs'
   * canonical articles ({@code dup_index} rows, or null) found too. The rows also carry the
   * signature columns of {@code dup_index}.
   */
  public static Dataset<Row> articles(PipelineModel model, Dataset<Row> raw, CleanSettings settings,
      Dataset<Row> earlierIndex) {
    Dataset<Row> t = model.transform(raw);
    String c = BoilerplateRemoverModel.CLEANED + ".";
    String m = MetadataExtractor.METADATA + ".";
    String l = LanguageIdentifier.LANG + ".";
    Column targetLanguage = col(l + Articles.LANGUAGE).isin(settings.language().targets().toArray());
    Column flags = when(targetLanguage, col(Articles.QUALITY_FLAGS))
        .otherwise(array_union(col(Articles.QUALITY_FLAGS), org.apache.spark.sql.functions.array(lit("other_language"))));
    Dataset<Row> flat = Checkpoints.keep(t.select(
        col("id").as(Articles.ID),
        col(m + Articles.SOURCE), col(m + Articles.SOURCE_METHOD), col("url").as(Articles.URL),
        col(c + Articles.TITLE), col(c + Articles.TITLE_METHOD),
        col(m + Articles.PUBLISHED_DATE), col(m + Articles.DATE_METHOD), col(m + Articles.DATE_TEXT),
        col(m + Articles.DATELINE), col(c + Articles.AUTHOR),
        col(l + Articles.LANGUAGE), col(l + Articles.LANGUAGE_CONFIDENCE),
        col(c + Articles.TEXT).as(Articles.TEXT),
        when(trim(col(c + Articles.TEXT)).equalTo(""), lit(0))
            .otherwise(size(split(trim(col(c + Articles.TEXT)), "\\s+"))).as(Articles.WORDS),
        col("raw_text").as(Articles.RAW_TEXT),
        col(c + Articles.REMOVED_LINES).as(Articles.REMOVED_LINES),
        flags.as(Articles.QUALITY_FLAGS),
        col("source_path").as(Articles.SOURCE_PATH), col("source_line").as(Articles.SOURCE_LINE))
        .withColumn("preferred", size(col(Articles.QUALITY_FLAGS)).equalTo(0)));
    // Kept: the UDFs above are the stage's main cost, and duplicate detection reads their output twice.
    Dataset<Row> clustered = DuplicateClusters.assign(flat, settings.dedup(), earlierIndex);
    return clustered
        .withColumn(Articles.FOR_MODELLING, col("preferred").and(col(Articles.IS_CANONICAL)))
        .drop("preferred");
  }

  /** Removed lines per reason, for the runs table: one small aggregate. */
  public static Dataset<Row> removedByReason(Dataset<Row> articles) {
    return articles.select(org.apache.spark.sql.functions.explode(col(Articles.REMOVED_LINES)).as("r"))
        .groupBy(col("r.reason")).count();
  }

}
