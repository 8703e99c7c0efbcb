package io.newsframe.pipeline;

import static org.apache.spark.sql.functions.col;

import io.newsframe.stance.FeatureSpace;
import io.newsframe.stance.StanceClustering;
import io.newsframe.stance.StanceModel;
import io.newsframe.stance.StanceStage;
import io.newsframe.tables.TableSpec;
import io.newsframe.tables.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Scores the run's modelled articles on the stance features, clusters them (fitting the stance model
 * or reusing a saved one), saves the model, and writes article_stance, stance_clusters,
 * source_stance and topic_stance.
 */
final class StanceStep implements Stage {
  private static final List<TableSpec> TABLES =
      List.of(Tables.ARTICLE_STANCE, Tables.STANCE_CLUSTERS, Tables.SOURCE_STANCE, Tables.TOPIC_STANCE);

  @Override
  public String name() {
    return StanceStage.NAME;
  }

  @Override
  public StageOutcome run(RunContext context) {
    var warehouse = context.warehouse();
    var settings = context.config().stance();
    Dataset<Row> articles = warehouse.readRun(Tables.ARTICLES, context.run())
        .where(col(Tables.Articles.FOR_MODELLING))
        .select("id", "title", "text", "source", "published_date");
    long documents = articles.count();
    String saved = ModelPaths.reused(context, StanceStage.NAME, settings.model());
    // Fitting needs two articles at least; a saved model assigns even one (a small scheduled batch).
    if (documents == 0 || (saved == null && documents < 2)) {
      for (var table : TABLES) {
        warehouse.writeRun(table, context.spark().createDataFrame(List.<Row>of(), table.schema()), context.run());
      }
      return new StageOutcome(documents, 0, 0, TABLES, Map.of());
    }
    Dataset<Row> topics = warehouse.readRun(Tables.ARTICLE_TOPICS, context.run()).select("id", "dominant_topic");
    FeatureSpace space = new FeatureSpace(settings);
    List<StanceClustering.Candidate> sweep = new ArrayList<>();
    StanceModel model;
    Dataset<Row> features;
    if (saved == null) {
      StanceStage.Learned learned = StanceStage.fit(context.spark(), articles, space, sweep);
      model = learned.model();
      features = learned.features();
    } else {
      model = StanceModel.load(context.spark(), saved, space);
      features = StanceStage.score(context.spark(), model, space, articles);
    }
    model.save(context.spark(), ModelPaths.of(context, StanceStage.NAME) + "/" + context.run().runId());
    StanceStage.Result result = StanceStage.apply(context.spark(), model, space, features, articles, topics, sweep);
    try {
      warehouse.writeRun(Tables.ARTICLE_STANCE, result.articleStance(), context.run());
      Dataset<Row> written = warehouse.readRun(Tables.ARTICLE_STANCE, context.run());
      warehouse.writeRun(Tables.STANCE_CLUSTERS, result.clusters(), context.run());
      warehouse.writeRun(Tables.SOURCE_STANCE, StanceStage.sources(written, articles), context.run());
      warehouse.writeRun(Tables.TOPIC_STANCE, StanceStage.topics(written), context.run());
    } finally {
      result.release();
    }
    // The clustering's quality in the runs table, in thousandths; with k chosen, each candidate's.
    Map<String, Long> details = new java.util.TreeMap<>();
    details.put("clusters", (long) model.k());
    details.put("silhouette_milli", Math.round(result.silhouette() * 1000));
    for (var c : sweep) {
      details.put("auto_k." + c.k() + ".silhouette_milli", Math.round(c.silhouette() * 1000));
      details.put("auto_k." + c.k() + ".stability_milli", Math.round(c.stability() * 1000));
    }
    return new StageOutcome(documents, documents, 0, TABLES, details);
  }
}
