package io.newsframe.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.newsframe.ml.Concurrently;
import io.newsframe.stance.FeatureSpace;
import io.newsframe.stance.StanceClustering;
import io.newsframe.stance.StanceModel;
import io.newsframe.stance.StanceShares;
import io.newsframe.stance.StanceStage;
import io.newsframe.tables.Checkpoints;
import io.newsframe.tables.RunSlice;
import io.newsframe.tables.TableSpec;
import io.newsframe.tables.Tables;
import io.newsframe.tables.Warehouse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Fits the stance model on the run's modelled articles (or reuses a saved one), saves it, assigns
 * every article of the run to its clusters, and writes article_stance, stance_clusters,
 * source_stance and topic_stance. Duplicates and articles kept out of modelling for quality are
 * left out of the fit, so that a story syndicated ten times does not weigh ten times, but they are
 * placed too: every article of the run has its stance row (cluster -1 when its body is too short to
 * place, stance.min-body-words).
 */
final class StanceStep implements Stage {
  private static final List<TableSpec> TABLES =
      List.of(Tables.ARTICLE_STANCE, Tables.STANCE_CLUSTERS, Tables.SOURCE_STANCE, Tables.TOPIC_STANCE);

  @Override
  public String name() {
    return StanceStage.NAME;
  }

  /**
   * Why the batch got fewer clusters than configured (a small batch cannot support k clusters), or
   * null when it did not.
   */
  private static String cappedNote(io.newsframe.config.StanceSettings settings, int supported) {
    boolean auto = settings.clusters() == io.newsframe.config.StanceSettings.AUTO;
    boolean capped = auto ? settings.auto().candidates().stream().anyMatch(k -> k > supported)
        : settings.clusters() > supported;
    if (!capped) {
      return null;
    }
    return (auto ? "k chosen among " + settings.auto().candidates() : "k = " + settings.clusters())
        + " lowered to at most " + supported + " (at least " + settings.minArticlesPerCluster()
        + " placeable articles per cluster: stance.min-articles-per-cluster)";
  }

  /** Stance reads the clean articles; article_topics only for topic_stance, after awaiting topics. */
  @Override
  public String startsAfter() {
    return io.newsframe.clean.CleanStage.NAME;
  }

  @Override
  public StageOutcome run(RunContext context) {
    Dataset<Row> read = context.warehouse().readRun(Tables.ARTICLES, context.run())
        .select("id", "title", "text", "source", "published_date", Tables.Articles.FOR_MODELLING);
    Column modelled = col(Tables.Articles.FOR_MODELLING);
    // Both counts in one pass over the run's articles.
    Row counts = read.agg(count(lit(1)), count_if(modelled)).first();
    long total = counts.getLong(0);
    long documents = counts.getLong(1);
    // Read once, spread over the cores: the lexicon, the axes, the scores and the summaries each pass over it.
    Dataset<Row> all = Checkpoints.cache(ArticleTasks.spread(read, total));
    try {
      return run(context, all, total, documents);
    } finally {
      Checkpoints.release(all);
    }
  }

  private StageOutcome run(RunContext context, Dataset<Row> all, long total, long documents) {
    var warehouse = context.warehouse();
    var settings = context.config().stance();
    Column modelled = col(Tables.Articles.FOR_MODELLING);
    Dataset<Row> placed = all.drop(Tables.Articles.FOR_MODELLING);
    Dataset<Row> articles = all.where(modelled).drop(Tables.Articles.FOR_MODELLING);
    Dataset<Row> others = all.where(not(modelled)).drop(Tables.Articles.FOR_MODELLING);
    String saved = context.models().reused(StanceStage.NAME);
    // Fitting needs two modelled articles at least; a saved model assigns even one (a small scheduled batch).
    if (total == 0 || (saved == null && documents < 2)) {
      warehouse.writeEmptyRuns(TABLES, context.run());
      // Nothing to fit on and no model to assign with: the run has no stance rows, and says so.
      return new StageOutcome(0, 0, 0, TABLES, Map.of("unclustered", total)).withNote(total == 0
          ? "the batch has no article" : "fewer than two modelled articles and no saved model: nothing to cluster");
    }
    FeatureSpace space = new FeatureSpace(settings);
    List<StanceClustering.Candidate> sweep = List.of();
    Integer supported = null;
    StanceModel model;
    Dataset<Row> features;
    if (saved == null) {
      StanceStage.Learned learned = StanceStage.fit(context.spark(), articles, others, space);
      sweep = learned.sweep();
      supported = learned.supportedClusters();
      model = learned.model();
      features = learned.features();
    } else {
      model = context.models().load(StanceStage.NAME, StanceModel.class).requireFeatures(space, saved);
      features = StanceStage.score(context.spark(), model, space, placed);
    }
    // The model's save is a dozen small jobs and commits: started as soon as the model is known, it
    // runs beside the placing of the articles and the tables' writes, not after the largest write.
    StanceModel placing = model;
    Dataset<Row> scored = features;
    List<Object> done = Concurrently.all(List.<java.util.concurrent.Callable<Object>>of(
        () -> ModelStore.saveIfFitted(context, StanceStage.NAME, placing, saved),
        () -> placeAndWrite(context, placing, space, scored, placed, total)), 2);
    String own = (String) done.get(0);
    Written written = (Written) done.get(1);
    // The clustering's quality in the runs table, in thousandths; with k chosen, each candidate's.
    Map<String, Long> details = new java.util.TreeMap<>();
    details.put("clusters", (long) model.k());
    details.put("silhouette_milli", Math.round(written.clusters().silhouette() * 1000));
    for (var c : sweep) {
      details.put("auto_k." + c.k() + ".silhouette_milli", Math.round(c.silhouette() * 1000));
      details.put("auto_k." + c.k() + ".stability_milli", Math.round(c.stability() * 1000));
    }
    details.put("fitted_on", saved == null ? documents : 0);
    details.put("unplaced", written.unplaced());
    details.put("occupied_clusters", written.occupied());
    // Every article of the run has its row: the outcome fails to reconcile otherwise.
    String cappedNote = supported == null ? null : cappedNote(settings, supported);
    if (cappedNote != null) {
      details.put("requested", (long) settings.clusters());
    }
    StageOutcome outcome = new StageOutcome(total, written.rows(), 0, TABLES, details)
        .withModel(own, saved).withNote(cappedNote);
    if (written.occupied() == 0) {
      return outcome.withNote("no article has body enough to place (stance.min-body-words): all unplaced");
    }
    return written.occupied() > 1 ? outcome : outcome.withNote("the articles do not differ on the framing axes "
        + "(no loaded terms to learn from): they are all in one cluster");
  }

  /** The article_stance rows written, those without a cluster, the clusters occupied, and the clusters' description. */
  private record Written(long rows, long unplaced, long occupied, StanceStage.Clusters clusters) {}

  /** Places every article of the run with the model and writes the four stance tables. */
  private static Written placeAndWrite(RunContext context, StanceModel model, FeatureSpace space, Dataset<Row> features,
      Dataset<Row> placed, long total) {
    var warehouse = context.warehouse();
    // The topics stage may still run beside this one (StageSchedule): its article_topics is read once it has ended.
    context.awaitStage(io.newsframe.topics.TopicsStage.NAME);
    Dataset<Row> topics = warehouse.readRun(Tables.ARTICLE_TOPICS, context.run()).select("id", "dominant_topic");
    StanceStage.Result result = StanceStage.apply(context.spark(), model, space, features, placed, topics);
    AtomicReference<StanceStage.Clusters> clusters = new AtomicReference<>();
    try {
      // The article_stance rows are persisted until released: the shares and counts read them, not the table.
      Dataset<Row> articleStance = result.articleStance();
      RunSlice run = context.run();
      // Side by side: the clusters' description is Spark jobs of its own, which would otherwise
      // wait for the article_stance write's last task.
      Warehouse.concurrently(List.of(
          () -> {
            clusters.set(result.clusters().get());
            warehouse.writeRun(Tables.STANCE_CLUSTERS, clusters.get().rows(), run);
          },
          () -> warehouse.writeRunWhereComputed(Tables.ARTICLE_STANCE, articleStance, run, ArticleTasks.files(total)),
          () -> warehouse.writeRun(Tables.SOURCE_STANCE, StanceShares.sources(articleStance, placed), run),
          () -> warehouse.writeRun(Tables.TOPIC_STANCE, StanceShares.topics(articleStance), run)));
      // Rows written, rows with no cluster (too little body to judge, stance.min-body-words) and
      // the clusters the placed rows occupy, in one pass.
      Row rows = articleStance.agg(count(lit(1)), count_if(not(StanceStage.isPlaced())),
          count_distinct(when(StanceStage.isPlaced(), col("cluster")))).first();
      return new Written(rows.getLong(0), rows.getLong(1), rows.getLong(2), clusters.get());
    } finally {
      result.release();
    }
  }
}
