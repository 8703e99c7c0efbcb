package io.newsframe.pipeline;

import static org.apache.spark.sql.functions.col;

import io.newsframe.ml.Concurrently;
import io.newsframe.tables.TableSpec;
import io.newsframe.tables.Tables;
import io.newsframe.topics.TopicModel;
import io.newsframe.topics.TopicsStage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Trains the topic model on the run's article_tokens, saves it under the warehouse's models
 * folder, and writes topics, article_topics, topic_trends and topic_sources.
 */
final class TopicsStep implements Stage {
  private static final List<io.newsframe.tables.TableSpec> TABLES =
      List.of(Tables.TOPICS, Tables.ARTICLE_TOPICS, Tables.TOPIC_TRENDS, Tables.TOPIC_SOURCES, Tables.TOPIC_LINEAGE);

  /** Display forms for a saved model's terms from this run's vocabulary (the term itself if absent). */
  private static String[] displayOf(String[] modelTerms, String[] terms, String[] display) {
    Map<String, String> shown = new java.util.HashMap<>();
    for (int i = 0; i < terms.length; i++) {
      shown.put(terms[i], display[i]);
    }
    return java.util.Arrays.stream(modelTerms).map(t -> shown.getOrDefault(t, t.replace('_', ' '))).toArray(String[]::new);
  }

  @Override
  public String name() {
    return TopicsStage.NAME;
  }

  /**
   * Each topic of the run's model and the earlier topic it continues: itself when the model was
   * reused; for a fitted model, its match among the latest earlier run's topics (none at first).
   */
  private static Dataset<Row> lineage(RunContext context, TopicModel model, String own, String reused) {
    String previous = reused != null ? reused : ModelStore.latestSaved(context, TopicsStage.NAME);
    List<io.newsframe.topics.TopicMatching.Match> matches = new java.util.ArrayList<>();
    if (reused != null) {
      for (int k = 0; k < model.topics(); k++) {
        matches.add(new io.newsframe.topics.TopicMatching.Match(k, k, 1.0));
      }
    } else if (previous != null) {
      matches = io.newsframe.topics.TopicMatching.match(model, ModelStore.load(TopicModel.read(), previous, "topics.model"));
    } else {
      for (int k = 0; k < model.topics(); k++) {
        matches.add(new io.newsframe.topics.TopicMatching.Match(k, -1, 0.0));
      }
    }
    List<Row> rows = new java.util.ArrayList<>();
    for (var m : matches) {
      Map<String, Object> row = new java.util.HashMap<>();
      row.put(Tables.TopicLineage.TOPIC, m.topic());
      row.put(Tables.TopicLineage.MODEL, own);
      row.put(Tables.TopicLineage.PREVIOUS_MODEL, previous);
      row.put(Tables.TopicLineage.PREVIOUS_TOPIC, m.previousTopic() < 0 ? null : m.previousTopic());
      row.put(Tables.TopicLineage.SIMILARITY, m.similarity());
      rows.add(Tables.TOPIC_LINEAGE.row(row));
    }
    return context.spark().createDataFrame(rows, Tables.TOPIC_LINEAGE.dataSchema());
  }

  /** Why the batch got fewer topics than configured: a small batch cannot support K topics. */
  private static String cappedNote(io.newsframe.config.TopicsSettings settings, long documents) {
    String asked = settings.topics() == io.newsframe.config.TopicsSettings.AUTO
        ? "K chosen among " + settings.autoCandidates() : "K = " + settings.topics();
    return asked + " lowered to at most " + settings.supportedTopics(documents) + " (" + documents
        + " modelled articles, at least " + settings.minDocumentsPerTopic() + " per topic: topics.min-documents-per-topic)";
  }

  @Override
  public StageOutcome run(RunContext context) {
    var warehouse = context.warehouse();
    Dataset<Row> tokens = warehouse.readRun(Tables.ARTICLE_TOKENS, context.run()).select("id", "tokens", "token_count");
    List<Row> vocabulary = warehouse.readRun(Tables.VOCABULARY, context.run())
        .orderBy("term_index").select("term", "display").collectAsList();
    long documents = tokens.where(col("token_count").gt(0)).count();
    if (documents == 0 || vocabulary.isEmpty()) {
      warehouse.writeEmptyRuns(TABLES, context.run());
      return new StageOutcome(0, 0, 0, TABLES, Map.of())
          .withNote("no modelled article has a vocabulary term: no topics to learn or infer");
    }
    String[] terms = vocabulary.stream().map(r -> r.getString(0)).toArray(String[]::new);
    String[] display = vocabulary.stream().map(r -> r.getString(1)).toArray(String[]::new);
    Dataset<Row> articles = warehouse.readRun(Tables.ARTICLES, context.run())
        .select("id", "title", "source", "published_date");
    var settings = context.config().topics();
    String saved = context.models().reused(TopicsStage.NAME);
    TopicsStage.Result result;
    var fitted = settings.cappedAt(settings.supportedTopics(documents));
    if (saved == null) {
      result = TopicsStage.fit(context.spark(), tokens, terms, display, articles.select("id", "title"), fitted);
    } else {
      TopicModel model = context.models().load(TopicsStage.NAME, TopicModel.class);
      result = TopicsStage.infer(context.spark(), model, tokens, displayOf(model.terms(), terms, display),
          articles.select("id", "title"), settings);
    }
    String own;
    try {
      own = ModelStore.folderIfFitted(context, TopicsStage.NAME, saved);
      Map<TableSpec, Dataset<Row>> tables = new LinkedHashMap<>();
      tables.put(Tables.TOPIC_LINEAGE, lineage(context, result.model(), own, saved));
      tables.put(Tables.TOPICS, result.topics());
      tables.put(Tables.ARTICLE_TOPICS, result.articleTopics());
      tables.put(Tables.TOPIC_TRENDS, TopicsStage.trends(result.articleTopics(), articles.select("id", "published_date")));
      tables.put(Tables.TOPIC_SOURCES, TopicsStage.sources(result.articleTopics(), articles.select("id", "source")));
      // The model's save (small Spark jobs and commits) beside the tables' writes, which do not read it.
      TopicsStage.Result written = result;
      Concurrently.all(List.<java.util.concurrent.Callable<Object>>of(
          () -> ModelStore.saveIfFitted(context, TopicsStage.NAME, written.model(), saved),
          () -> {
            warehouse.writeRuns(tables, context.run());
            return null;
          }), 2);
    } finally {
      result.articleTopics().unpersist();
    }
    // Model-level quality in the runs table's counts, in thousandths; with K chosen automatically,
    // each candidate's mean NPMI too.
    Map<String, Long> details = new java.util.TreeMap<>();
    details.put("topics", (long) result.model().topics());
    details.put("npmi_milli", Math.round(result.meanNpmi() * 1000));
    details.put("diversity_milli", Math.round(result.diversity() * 1000));
    result.sweep().forEach((k, npmi) -> details.put("auto_k." + k + ".npmi_milli", Math.round(npmi * 1000)));
    boolean capped = saved == null && !fitted.equals(settings);
    if (capped) {
      details.put("requested", (long) settings.topics());
    }
    StageOutcome outcome = new StageOutcome(documents, documents, 0, TABLES, details).withModel(own, saved);
    return capped ? outcome.withNote(cappedNote(settings, documents)) : outcome;
  }
}
