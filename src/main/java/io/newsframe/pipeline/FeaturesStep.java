package io.newsframe.pipeline;

import io.newsframe.features.FeaturesStage;
import io.newsframe.ml.Concurrently;
import io.newsframe.tables.Checkpoints;
import io.newsframe.tables.TableSpec;
import io.newsframe.tables.Tables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Fits the features pipeline on the run's modelled articles (for_modelling), saves it under the
 * warehouse's models folder, and writes article_tokens, article_features and vocabulary.
 */
final class FeaturesStep implements Stage {
  @Override
  public String name() {
    return FeaturesStage.NAME;
  }

  @Override
  public StageOutcome run(RunContext context) {
    var settings = context.config().features();
    Dataset<Row> articles = context.warehouse().readRun(Tables.ARTICLES, context.run())
        .where(org.apache.spark.sql.functions.col(Tables.Articles.FOR_MODELLING));
    long modelled = articles.count();
    Dataset<Row> documents = Checkpoints.cache(FeaturesStage.documents(ArticleTasks.spread(articles, modelled)));
    Dataset<Row> tokenized = null;
    try {
      if (modelled == 0) {
        // Nothing to model (a tiny or all-flagged batch): the run's rows of the tables are emptied.
        context.warehouse().writeEmptyRuns(List.of(Tables.ARTICLE_TOKENS, Tables.ARTICLE_FEATURES, Tables.VOCABULARY),
            context.run());
        return new StageOutcome(0, 0, 0, List.of(Tables.ARTICLE_TOKENS, Tables.ARTICLE_FEATURES, Tables.VOCABULARY),
            Map.of("vocabulary", 0L)).withNote("no article of the batch is for modelling: nothing to vectorize");
      }
      String reused = context.models().reused(FeaturesStage.NAME);
      // A pipeline fitted here is fitted and applied on the same tokenized documents: tokenized once.
      tokenized = reused == null
          ? Checkpoints.cache(FeaturesStage.tokenize(settings, documents)) : null;
      PipelineModel model = reused == null ? FeaturesStage.fitTokenized(settings, tokenized, modelled)
          : context.models().load(FeaturesStage.NAME, PipelineModel.class);
      Dataset<Row> features = Checkpoints.cache(tokenized == null ? FeaturesStage.transform(model, documents)
          : FeaturesStage.transformTokenized(model, tokenized));
      try {
        // Three independent pieces side by side: saving the model is about a second of small jobs
        // and commits the driver waits on (at 100k), and the vocabulary's display words a pass of
        // their own; the article tables' jobs keep the cores busy meanwhile.
        Map<TableSpec, Dataset<Row>> articleTables = new LinkedHashMap<>();
        articleTables.put(Tables.ARTICLE_TOKENS, features.select("id", "tokens", "token_count"));
        articleTables.put(Tables.ARTICLE_FEATURES, features.select("id", "term_counts", "tfidf"));
        List<Object> done = Concurrently.all(List.<Callable<Object>>of(
            () -> ModelStore.saveIfFitted(context, FeaturesStage.NAME, model, reused),
            () -> {
              context.warehouse().writeRuns(articleTables, context.run());
              return null;
            },
            () -> {
              context.warehouse().writeRun(Tables.VOCABULARY,
                  FeaturesStage.vocabularyRows(context.spark(), model, documents), context.run());
              return null;
            }), 3);
        String saved = (String) done.get(0);
        return new StageOutcome(modelled, modelled, 0,
            List.of(Tables.ARTICLE_TOKENS, Tables.ARTICLE_FEATURES, Tables.VOCABULARY),
            Map.of("vocabulary", (long) FeaturesStage.vocabulary(model).length)).withModel(saved, reused);
      } finally {
        Checkpoints.release(features);
      }
    } finally {
      Checkpoints.release(documents);
      if (tokenized != null) {
        Checkpoints.release(tokenized);
      }
    }
  }
}
