package io.newsframe.stance;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.named_struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.newsframe.config.StanceSettings;
import io.newsframe.ml.Concurrently;
import io.newsframe.tables.Checkpoints;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The stance stage: fits a {@link StanceModel} on a batch (lexicon, axis weights, scaler and
 * k-means) or reuses one, and scores and clusters articles into article_stance rows. The other
 * tables are read from those: {@link ClusterSummaries} (stance_clusters) and {@link StanceShares}
 * (source_stance, topic_stance).
 */
public final class StanceStage {
  public static final String NAME = "stance";

  /**
   * The cluster of an article that is not placed, its body being shorter than
   * stance.min-body-words; -1 as scikit-learn's DBSCAN marks noise, so that every export keeps it.
   */
  public static final int UNPLACED = -1;

  private StanceStage() {}

  /** Rows whose article is in a cluster. */
  public static Column isPlaced() {
    return col("cluster").notEqual(UNPLACED);
  }

  /**
   * The article_stance rows and what describes their clusters (call {@link #release()} once both
   * are written). The clusters are described on demand: their jobs (the silhouette, the
   * summaries) can then run beside the article_stance write, which leaves a core idle while its
   * last task writes.
   */
  public record Result(Dataset<Row> articleStance, Supplier<Clusters> clusters, List<Dataset<Row>> cached) {
    /** Frees the scored articles both tables are read from. */
    public void release() {
      cached.forEach(Checkpoints::release);
    }
  }

  /** The stance_clusters rows and the clustering's mean silhouette (0 with one occupied cluster). */
  public record Clusters(Dataset<Row> rows, double silhouette) {}

  /**
   * A model fitted on a batch, the features of that batch and of the others scored with it
   * (persisted: pass them to apply), how k was chosen (empty unless automatically) and the most
   * clusters the batch supported.
   */
  public record Learned(StanceModel model, Dataset<Row> features, List<StanceClustering.Candidate> sweep,
      int supportedClusters) {}

  /**
   * Learns lexicon, axes and clusters from the articles (id, title, text), and scores them with
   * {@code others} (same columns: articles the model places but does not learn from, as duplicates)
   * in one pass: one job, where the others scored after the clusters' fit were a job of their own,
   * with its own slow last tasks.
   */
  public static Learned fit(SparkSession spark, Dataset<Row> articles, Dataset<Row> others, FeatureSpace space) {
    Dataset<Row> texts = articles.select(org.apache.spark.sql.functions.concat_ws(".\n\n", col("title"), col("text")));
    // Independent passes over the same cached texts: side by side, each one's jobs use the cores
    // the other's leave idle (a job's last tasks, the driver planning the next).
    List<Object> learned = Concurrently.all(List.<java.util.concurrent.Callable<Object>>of(
        () -> PolarityLexicon.induce(texts, space.settings()), () -> FramingAxes.induce(texts, space)), 2);
    @SuppressWarnings("unchecked")
    Map<String, Double> lexicon = (Map<String, Double>) learned.get(0);
    FramingAxes.Weights axes = (FramingAxes.Weights) learned.get(1);
    Dataset<Row> learnedAndOthers = articles.withColumn(StanceFeatures.LEARNED, lit(true))
        .unionByName(others.withColumn(StanceFeatures.LEARNED, lit(false)));
    Dataset<Row> features = Checkpoints.cache(StanceFeatures.score(spark, learnedAndOthers, space, lexicon, axes));
    try {
      // k-means reads the vectors only: the rows it keeps while it fits carry nothing else.
      StanceClustering.Fitted fitted = StanceClustering.fit(
          placeable(features.where(col(StanceFeatures.LEARNED))).select(col("id"), col(StanceClustering.FEATURES)),
          space.settings(), space.names());
      return new Learned(new StanceModel(space.names(), lexicon, axes, fitted.model()), features, fitted.sweep(),
          fitted.supportedClusters());
    } catch (RuntimeException e) {
      Checkpoints.release(features);
      throw e;
    }
  }

  /**
   * The rows the clusters are fitted on: those with body enough to be placed, or all of them when
   * fewer than two have (a batch of headlines then still yields a model, its own articles unplaced,
   * rather than failing).
   */
  private static Dataset<Row> placeable(Dataset<Row> features) {
    Dataset<Row> placed = features.where(col(StanceFeatures.PLACED));
    return placed.limit(2).count() < 2 ? features : placed;
  }

  /** The articles' stance features with a saved model's lexicon and axes. */
  public static Dataset<Row> score(SparkSession spark, StanceModel model, FeatureSpace space, Dataset<Row> articles) {
    return StanceFeatures.score(spark, articles, space, model.lexicon(), model.axes());
  }

  /**
   * @param features the articles' stance features ({@link #score} or {@link Learned#features()}),
   *     scored once: released with the result
   * @param articles id, title, text, source, published_date of the modelled articles
   * @param dominantTopics id, dominant_topic (may be empty)
   */
  public static Result apply(SparkSession spark, StanceModel model, FeatureSpace space, Dataset<Row> features,
      Dataset<Row> articles, Dataset<Row> dominantTopics) {
    StanceSettings settings = space.settings();
    Vector[] centers = model.kmeans().clusterCenters();
    UserDefinedFunction confidence = udf(
        (org.apache.spark.sql.api.java.UDF1<Vector, Double>) v -> StanceClustering.assign(v, centers).confidence(),
        DataTypes.DoubleType);
    // An article without body enough keeps its scores but no cluster: its headline alone is too
    // little to judge (stance.min-body-words).
    Column placed = col(StanceFeatures.PLACED);
    Dataset<Row> scored = Checkpoints.cache(model.transform(features)
        .withColumn("cluster", when(placed, col(StanceClustering.PREDICTION)).otherwise(UNPLACED))
        .withColumn("confidence", when(placed, confidence.apply(col(StanceClustering.SCALED))))
        .join(dominantTopics.select(col("id"), col("dominant_topic").as("topic")), new String[] {"id"}, "left"));
    // Scored here, once: the tables' jobs, which may run side by side, then all read the cache.
    Dataset<Row> clustered = scored.where(isPlaced());
    boolean severalClusters = clustered.select("cluster").distinct().limit(2).count() > 1;
    // Not persisted: the clusters within topics are a lookup of each cached scored row.
    Dataset<Row> withTopicClusters = TopicClusters.assign(scored, settings, model.k());
    Dataset<Row> articleStance = withTopicClusters.select(col("id"), targets(settings).as("targets"),
        namedValues(org.apache.spark.ml.functions.vector_to_array(col(StanceClustering.FEATURES), "float64"), space.names())
            .as("features"),
        col("cluster"), col("confidence"), col("topic"), col("topic_cluster"), col("evidence"));
    // Silhouette is undefined with one occupied cluster (a small batch placed by a saved model): 0.
    Supplier<Clusters> clusters = () -> ClusterSummaries.describe(spark, withTopicClusters.where(isPlaced()), articles,
        model, space, () -> !severalClusters ? 0 : new ClusteringEvaluator().setFeaturesCol(StanceClustering.SCALED)
            .setPredictionCol("cluster").evaluate(clustered));
    return new Result(articleStance, clusters, List.of(scored, features));
  }

  /** Per-target struct array from the mentions, polarity and voices arrays (target order). */
  private static Column targets(StanceSettings settings) {
    List<String> keys = settings.targets().stream().map(StanceSettings.Target::key).toList();
    Column keyArray = stringArray(keys);
    return transform(col("mentions"), (m, i) -> named_struct(
        lit("target"), element_at(keyArray, i.plus(1)),
        lit("mentions"), m,
        lit("polarity"), element_at(col("polarity"), i.plus(1)),
        lit("voice"), element_at(col("voices"), i.plus(1))));
  }

  private static Column stringArray(List<String> values) {
    return org.apache.spark.sql.functions.array(values.stream().map(v -> lit(v)).toArray(Column[]::new));
  }

  private static Column namedValues(Column values, List<String> names) {
    Column nameArray = stringArray(names);
    return transform(values, (v, i) -> named_struct(lit("name"), element_at(nameArray, i.plus(1)), lit("value"), v));
  }
}
