package io.newsframe.stance;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.named_struct;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.newsframe.config.StanceSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * The stance stage: fits a {@link StanceModel} on a batch (lexicon, axis weights, scaler and
 * k-means) or reuses one, and turns articles into article_stance, stance_clusters, source_stance and
 * topic_stance rows.
 */
public final class StanceStage {
  public static final String NAME = "stance";
  private static final int TOP_SOURCES = 5;
  private static final int TOP_TERMS = 10;
  private static final int TYPICAL_TITLES = 3;
  private static final int MIN_TERM_ARTICLES = 3;

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

  /** The article_stance rows and the clusters (call {@link #release()} once written), and the model's quality. */
  public record Result(Dataset<Row> articleStance, Dataset<Row> clusters, double silhouette, List<Dataset<Row>> cached) {
    /** Frees the scored articles both tables are read from. */
    public void release() {
      cached.forEach(Dataset::unpersist);
    }
  }

  /**
   * A model fitted on a batch, that batch's features (persisted: pass them to apply), how k was
   * chosen (empty unless automatically) and the most clusters the batch supported.
   */
  public record Learned(StanceModel model, Dataset<Row> features, List<StanceClustering.Candidate> sweep,
      int supportedClusters) {}

  /** Learns lexicon, axes and clusters from the articles (id, title, text). */
  public static Learned fit(SparkSession spark, Dataset<Row> articles, FeatureSpace space) {
    Dataset<Row> texts = articles.select(org.apache.spark.sql.functions.concat_ws(".\n\n", col("title"), col("text")));
    Map<String, Double> lexicon = PolarityLexicon.induce(texts, space.settings());
    FramingAxes.Weights axes = FramingAxes.induce(texts, space);
    Dataset<Row> features = StanceFeatures.score(spark, articles, space, lexicon, axes)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      StanceClustering.Fitted fitted = StanceClustering.fit(placeable(features), space.settings(), space.names());
      return new Learned(new StanceModel(space.names(), lexicon, axes, fitted.model()), features, fitted.sweep(),
          fitted.supportedClusters());
    } catch (RuntimeException e) {
      features.unpersist();
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
        (org.apache.spark.sql.api.java.UDF1<Vector, Double>) v -> StanceClustering.assign(v, centers)[1],
        DataTypes.DoubleType);
    // An article without body enough keeps its scores but no cluster: its headline alone is too
    // little to judge (stance.min-body-words).
    Column placed = col(StanceFeatures.PLACED);
    Dataset<Row> scored = model.transform(features)
        .withColumn("cluster", when(placed, col(StanceClustering.PREDICTION)).otherwise(UNPLACED))
        .withColumn("confidence", when(placed, confidence.apply(col(StanceClustering.SCALED))))
        .join(dominantTopics.select(col("id"), col("dominant_topic").as("topic")), new String[] {"id"}, "left")
        .persist(StorageLevel.MEMORY_AND_DISK());
    // Silhouette is undefined with one occupied cluster (a small batch placed by a saved model): 0.
    Dataset<Row> clustered = scored.where(isPlaced());
    boolean severalClusters = clustered.select("cluster").distinct().limit(2).count() > 1;
    double silhouette = !severalClusters ? 0 : new ClusteringEvaluator().setFeaturesCol(StanceClustering.SCALED)
        .setPredictionCol("cluster").evaluate(clustered);
    // Persisted and materialized: scored can go without the articles being scored a second time.
    Dataset<Row> withTopicClusters = withTopicClusters(scored, settings, model.k());
    scored.unpersist();
    Dataset<Row> articleStance = withTopicClusters.select(col("id"), targets(settings).as("targets"),
        namedValues(org.apache.spark.ml.functions.vector_to_array(col(StanceClustering.FEATURES), "float64"), space.names())
            .as("features"),
        col("cluster"), col("confidence"), col("topic"), col("topic_cluster"), col("evidence"));
    Dataset<Row> clusters = describe(spark, withTopicClusters.where(isPlaced()), articles, model, space, silhouette);
    return new Result(articleStance, clusters, silhouette, List.of(withTopicClusters, features));
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

  /**
   * Clusters within each major topic (at least per-topic.min-articles articles, the largest
   * per-topic.max-topics), with the overall k capped so that clusters keep a few articles each.
   * Returned persisted and materialized.
   */
  private static Dataset<Row> withTopicClusters(Dataset<Row> scored, StanceSettings settings, int k) {
    List<Row> major = scored.where(col("topic").isNotNull().and(isPlaced())).groupBy("topic").count()
        .where(col("count").geq(settings.perTopic().minArticles()))
        .orderBy(desc("count"), col("topic")).limit(settings.perTopic().maxTopics()).collectAsList();
    if (major.isEmpty()) {
      return materialized(scored.withColumn("topic_cluster", lit(null).cast(DataTypes.IntegerType)));
    }
    // One shuffle for every topic's fit: each topic is a filter of the same id-partitioned rows.
    Dataset<Row> canonical = StanceClustering.canonical(scored, scored.count()).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> topicClusters = null;
    for (Row topic : major) {
      Dataset<Row> subset = canonical.where(col("topic").equalTo(topic.getInt(0)).and(isPlaced()));
      int topicK = (int) Math.max(2, Math.min(k, topic.getLong(1) / 10));
      KMeansModel kmeans = StanceClustering.fitSubset(subset.drop(StanceClustering.PREDICTION), topicK, settings);
      Dataset<Row> assigned = kmeans.transform(subset.select(col("id"), col(StanceClustering.SCALED)))
          .select(col("id"), col(StanceClustering.PREDICTION).as("topic_cluster"));
      topicClusters = topicClusters == null ? assigned : topicClusters.unionByName(assigned);
    }
    Dataset<Row> result = materialized(scored.join(topicClusters, new String[] {"id"}, "left"));
    canonical.unpersist();
    return result;
  }

  private static Dataset<Row> materialized(Dataset<Row> rows) {
    Dataset<Row> persisted = rows.persist(StorageLevel.MEMORY_AND_DISK());
    persisted.count();
    return persisted;
  }

  /** One stance_clusters row per cluster; everything collected here is bounded by k. */
  private static Dataset<Row> describe(SparkSession spark, Dataset<Row> stance, Dataset<Row> articles,
      StanceModel model, FeatureSpace space, double silhouette) {
    int k = model.k();
    long[] sizes = new long[k];
    for (Row r : stance.groupBy("cluster").count().collectAsList()) {
      sizes[r.getInt(0)] = r.getLong(1);
    }
    long total = java.util.Arrays.stream(sizes).sum();
    Map<Integer, List<String>> sources = topPerCluster(stance.join(articles.select("id", "source"), "id")
        .na().fill("unknown", new String[] {"source"}).groupBy("cluster", "source").count(),
        col("count"), "source", TOP_SOURCES);
    Map<Integer, List<String>> titles = topPerCluster(stance.join(articles.select("id", "title"), "id")
        .where(col("title").isNotNull()), col("confidence"), "title", TYPICAL_TITLES);
    // Evidence terms over-represented in a cluster: lift of the share of its articles using them.
    Dataset<Row> terms = stance.select(col("id"), col("cluster"), explode(col("evidence")).as("e"))
        .select(col("id"), col("cluster"), col("e.feature").as("feature"), col("e.term").as("term"))
        .distinct().groupBy("cluster", "feature", "term").count();
    Dataset<Row> overall = terms.groupBy("feature", "term").agg(sum("count").as("all"));
    Dataset<Row> lifted = terms.join(overall, new String[] {"feature", "term"})
        .where(col("count").geq(MIN_TERM_ARTICLES))
        .withColumn("lift", col("count").divide(col("all")));
    Dataset<Row> ranked = lifted.withColumn("rank", col("lift").multiply(
        org.apache.spark.sql.functions.log1p(col("count"))));
    Map<Integer, List<String>> topTerms = topPerCluster(ranked, col("rank"), "term", TOP_TERMS);
    // Each feature's example is its most distinctive term in the cluster, not its commonest: the
    // commonest is often a word every cluster uses ("percent", "first").
    Map<Integer, Map<String, String>> examples = new HashMap<>();
    for (Row r : ranked.withColumn("r", row_number().over(Window.partitionBy("cluster", "feature")
            .orderBy(col("rank").desc(), col("term").asc())))
        .where(col("r").equalTo(1)).orderBy("cluster", "feature").collectAsList()) {
      examples.computeIfAbsent(r.getInt(r.fieldIndex("cluster")), c -> new HashMap<>())
          .put(r.getString(r.fieldIndex("feature")), r.getString(r.fieldIndex("term")));
    }
    // A batch with no article placed (headlines only, assigned by a saved model) has empty clusters.
    double[][] centroids = total == 0 ? new double[k][space.size()] : centroidsInStandardUnits(stance, k, space.size());
    List<Row> rows = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      double[] z = centroids[c];
      List<Row> centroid = new ArrayList<>();
      for (int i = 0; i < z.length; i++) {
        centroid.add(RowFactory.create(space.names().get(i), z[i]));
      }
      rows.add(RowFactory.create(c, sizes[c],
          ClusterDescriber.describe(z, space, examples.getOrDefault(c, Map.of())),
          StanceFeatures.seq(centroid), StanceFeatures.seq(sources.getOrDefault(c, List.of())),
          StanceFeatures.seq(topTerms.getOrDefault(c, List.of())), StanceFeatures.seq(titles.getOrDefault(c, List.of())),
          total == 0 ? 0.0 : silhouette));
    }
    return spark.createDataFrame(rows, clusterSchema());
  }

  /**
   * Each cluster's mean of every feature (clustered or not), in standard deviations from the batch
   * mean: what the descriptions read. k-means' own centres cover the clustered features only.
   */
  private static double[][] centroidsInStandardUnits(Dataset<Row> stance, int k, int size) {
    Row overall = stance.select(Summarizer.metrics("mean", "std").summary(col(StanceClustering.FEATURES)).as("s"))
        .select("s.mean", "s.std").first();
    double[] mean = ((Vector) overall.get(0)).toArray();
    double[] std = ((Vector) overall.get(1)).toArray();
    double[][] z = new double[k][size];
    for (Row r : stance.groupBy("cluster").agg(Summarizer.mean(col(StanceClustering.FEATURES)).as("m")).collectAsList()) {
      double[] m = ((Vector) r.get(1)).toArray();
      for (int i = 0; i < size; i++) {
        z[r.getInt(0)][i] = std[i] == 0 ? 0 : (m[i] - mean[i]) / std[i];
      }
    }
    return z;
  }

  private static org.apache.spark.sql.types.StructType clusterSchema() {
    var spec = io.newsframe.tables.Tables.STANCE_CLUSTERS.schema();
    return new org.apache.spark.sql.types.StructType(java.util.Arrays.stream(spec.fields())
        .filter(f -> !f.name().equals(io.newsframe.tables.TableSpec.RUN_ID)
            && !f.name().equals(io.newsframe.tables.TableSpec.RUN_DATE))
        .toArray(org.apache.spark.sql.types.StructField[]::new));
  }

  /** The n first rows of each cluster by order, ties broken by the value column. */
  private static List<Row> topPerClusterRows(Dataset<Row> rows, Column order, String tie, int n) {
    return rows.withColumn("r", row_number().over(Window.partitionBy("cluster").orderBy(order.desc(),
            col(tie).asc())))
        .where(col("r").leq(n)).orderBy(col("cluster"), col("r")).collectAsList();
  }

  private static Map<Integer, List<String>> topPerCluster(Dataset<Row> rows, Column order, String value, int n) {
    Map<Integer, List<String>> result = new HashMap<>();
    for (Row r : topPerClusterRows(rows, order, value, n)) {
      List<String> values = result.computeIfAbsent(r.getInt(r.fieldIndex("cluster")), c -> new ArrayList<>());
      String v = r.getString(r.fieldIndex(value));
      if (!values.contains(v)) {
        values.add(v);
      }
    }
    return result;
  }

  /** source_stance: each outlet's share per cluster over the run (month null) and per month. */
  public static Dataset<Row> sources(Dataset<Row> articleStance, Dataset<Row> articles) {
    Dataset<Row> joined = articleStance.select("id", "cluster")
        .join(articles.select(col("id"), col("source"), col("published_date")), "id")
        .na().fill("unknown", new String[] {"source"})
        .withColumn("month", trunc(col("published_date"), "month"));
    Dataset<Row> overall = shares(joined.withColumn("month", lit(null).cast(DataTypes.DateType)),
        new String[] {"source", "month"});
    Dataset<Row> monthly = shares(joined.where(col("month").isNotNull()), new String[] {"source", "month"});
    return overall.unionByName(monthly);
  }

  /** topic_stance: each dominant topic's share per cluster. */
  public static Dataset<Row> topics(Dataset<Row> articleStance) {
    return shares(articleStance.where(col("topic").isNotNull()).select("id", "topic", "cluster"),
        new String[] {"topic"});
  }

  private static Dataset<Row> shares(Dataset<Row> rows, String[] by) {
    Column[] groups = java.util.Arrays.stream(by).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    Column[] withCluster = java.util.Arrays.copyOf(groups, groups.length + 1);
    withCluster[groups.length] = col("cluster");
    Dataset<Row> counts = rows.groupBy(withCluster).agg(count(lit(1)).as("articles"));
    return counts.withColumn("share", col("articles").divide(sum("articles").over(Window.partitionBy(groups))));
  }
}
