package io.newsframe.stance;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.newsframe.ml.Concurrently;
import io.newsframe.tables.ScalaValues;
import io.newsframe.tables.Tables;
import io.newsframe.text.PartialCounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * stance_clusters: what each cluster of a run is, for a reader: its size, a description of its
 * centroid ({@link ClusterDescriber}), its commonest outlets, its most distinctive evidence terms
 * and its most typical headlines.
 */
final class ClusterSummaries {
  private static final int TOP_SOURCES = 5;
  private static final int TOP_TERMS = 10;
  private static final int TYPICAL_TITLES = 3;
  private static final int MIN_TERM_ARTICLES = 3;
  private static final int SUMMARIES_AT_ONCE = 5;

  private ClusterSummaries() {}

  /**
   * One stance_clusters row per cluster, and the clustering's mean silhouette ({@code silhouette},
   * Spark jobs of its own, run beside the summaries' queries); everything collected here is
   * bounded by k.
   */
  static StanceStage.Clusters describe(SparkSession spark, Dataset<Row> stance, Dataset<Row> articles,
      StanceModel model, FeatureSpace space, Callable<Double> silhouette) {
    int k = model.k();
    Dataset<Row> ranked = rankedTerms(stance);
    // Five independent queries over the same cached rows, each a few small Spark jobs: side by
    // side, one's jobs use the cores another's leave idle while the driver plans it. The sizes come
    // with the centroids: as a query of their own they went first, alone, and the others waited.
    List<Object> parts = Concurrently.all(List.<Callable<Object>>of(
        () -> topPerCluster(stance.join(articles.select("id", "source"), "id")
            .na().fill("unknown", new String[] {"source"}).groupBy("cluster", "source").count(),
            "count", "source", TOP_SOURCES),
        () -> topPerCluster(stance.join(articles.select("id", "title"), "id")
            .where(col("title").isNotNull()), "confidence", "title", TYPICAL_TITLES),
        () -> RankedTerms.of(ranked),
        () -> Centroids.of(stance, k, space.size()),
        // 0 where fewer than two clusters are occupied, as in a batch with no article placed.
        silhouette::call),
        SUMMARIES_AT_ONCE);
    Map<Integer, List<String>> sources = stringsPerCluster(parts.get(0));
    Map<Integer, List<String>> titles = stringsPerCluster(parts.get(1));
    RankedTerms terms = (RankedTerms) parts.get(2);
    Map<Integer, List<String>> topTerms = terms.topPerCluster(TOP_TERMS);
    Map<Integer, Map<String, String>> examples = terms.examples();
    Centroids centroids = (Centroids) parts.get(3);
    double meanSilhouette = (Double) parts.get(4);
    List<Row> rows = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      double[] z = centroids.standardUnits()[c];
      List<Row> centroid = new ArrayList<>();
      for (int i = 0; i < z.length; i++) {
        centroid.add(RowFactory.create(space.names().get(i), z[i]));
      }
      rows.add(RowFactory.create(c, centroids.sizes()[c],
          ClusterDescriber.describe(z, space, examples.getOrDefault(c, Map.of())),
          ScalaValues.seq(centroid), ScalaValues.seq(sources.getOrDefault(c, List.of())),
          ScalaValues.seq(topTerms.getOrDefault(c, List.of())), ScalaValues.seq(titles.getOrDefault(c, List.of())),
          meanSilhouette));
    }
    return new StanceStage.Clusters(spark.createDataFrame(rows, Tables.STANCE_CLUSTERS.dataSchema()), meanSilhouette);
  }

  @SuppressWarnings("unchecked")
  private static Map<Integer, List<String>> stringsPerCluster(Object part) {
    return (Map<Integer, List<String>>) part;
  }

  /** Evidence terms over-represented in a cluster: lift of the share of its articles using them. */
  private static Dataset<Row> rankedTerms(Dataset<Row> stance) {
    // Each article's distinct terms counted in its task, then summed: exploding the evidence and
    // making it distinct by article id shuffled every piece of evidence with its id, most of the
    // summaries' CPU at 100k.
    Dataset<Row> terms = stance.select(col("cluster"), col("evidence"))
        .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> PartialCounts.of(rows, ClusterSummaries::distinctTerms,
            (ClusterTerm t, Long n) -> RowFactory.create(t.cluster(), t.feature(), t.term(), n), PartialCounts.MAX_KEYS),
            Encoders.row(CLUSTER_TERMS))
        .groupBy("cluster", "feature", "term").agg(sum("count").as("count"));
    Dataset<Row> overall = terms.groupBy("feature", "term").agg(sum("count").as("all"));
    Dataset<Row> lifted = terms.join(overall, new String[] {"feature", "term"})
        .where(col("count").geq(MIN_TERM_ARTICLES))
        .withColumn("lift", col("count").divide(col("all")));
    return lifted.withColumn("rank", col("lift").multiply(org.apache.spark.sql.functions.log1p(col("count"))));
  }

  private record ClusterTerm(int cluster, String feature, String term) {}

  private static final StructType CLUSTER_TERMS = new StructType().add("cluster", DataTypes.IntegerType, false)
      .add("feature", DataTypes.StringType, false).add("term", DataTypes.StringType, false)
      .add("count", DataTypes.LongType, false);

  /** An article's cluster with each (feature, term) of its evidence, once. */
  private static void distinctTerms(Row article, Consumer<ClusterTerm> terms) {
    if (article.isNullAt(1)) {
      return;
    }
    int cluster = article.getInt(0);
    Set<ClusterTerm> seen = new HashSet<>();
    for (Row e : article.<Row>getList(1)) {
      ClusterTerm t = new ClusterTerm(cluster, e.getString(e.fieldIndex("feature")), e.getString(e.fieldIndex("term")));
      if (seen.add(t)) {
        terms.accept(t);
      }
    }
  }

  /**
   * The ranked terms of every cluster, on the driver: at most k times the evidence vocabulary (the
   * lexicon, the axes' terms and the configured lists), whatever the batch's size. Both the top
   * terms and the examples read them, so the evidence is exploded and counted once.
   */
  private record RankedTerms(List<Row> rows) {
    private static final Comparator<Row> BY_RANK = Comparator.<Row>comparingDouble(r -> r.getDouble(3)).reversed()
        .thenComparing(r -> r.getString(2));

    static RankedTerms of(Dataset<Row> ranked) {
      return new RankedTerms(ranked.select("cluster", "feature", "term", "rank").collectAsList());
    }

    /** The distinct terms among each cluster's n first rows by rank. */
    Map<Integer, List<String>> topPerCluster(int n) {
      Map<Integer, List<Row>> byCluster = new HashMap<>();
      rows.forEach(r -> byCluster.computeIfAbsent(r.getInt(0), c -> new ArrayList<>()).add(r));
      Map<Integer, List<String>> result = new HashMap<>();
      byCluster.forEach((cluster, clusterRows) -> result.put(cluster, clusterRows.stream().sorted(BY_RANK).limit(n)
          .map(r -> r.getString(2)).distinct().toList()));
      return result;
    }

    /**
     * Each feature's example is its most distinctive term in the cluster, not its commonest: the
     * commonest is often a word every cluster uses ("percent", "first").
     */
    Map<Integer, Map<String, String>> examples() {
      Map<Integer, Map<String, Row>> best = new HashMap<>();
      for (Row r : rows) {
        best.computeIfAbsent(r.getInt(0), c -> new HashMap<>())
            .merge(r.getString(1), r, (a, b) -> BY_RANK.compare(a, b) <= 0 ? a : b);
      }
      Map<Integer, Map<String, String>> examples = new HashMap<>();
      best.forEach((cluster, byFeature) -> {
        Map<String, String> terms = new HashMap<>();
        byFeature.forEach((feature, r) -> terms.put(feature, r.getString(2)));
        examples.put(cluster, terms);
      });
      return examples;
    }
  }

  /**
   * Each cluster's size and its mean of every feature (clustered or not), in standard deviations
   * from the batch mean: what the descriptions read. k-means' own centres cover the clustered
   * features only. An empty cluster (or a batch with no article placed) has size 0 and zeros.
   */
  private record Centroids(long[] sizes, double[][] standardUnits) {
    static Centroids of(Dataset<Row> stance, int k, int size) {
      long[] sizes = new long[k];
      double[][] z = new double[k][size];
      List<Row> perCluster = stance.groupBy("cluster")
          .agg(Summarizer.mean(col(StanceClustering.FEATURES)).as("m"), count(lit(1)))
          .collectAsList();
      if (perCluster.isEmpty()) {
        return new Centroids(sizes, z);
      }
      Row overall = stance.select(Summarizer.metrics("mean", "std").summary(col(StanceClustering.FEATURES)).as("s"))
          .select("s.mean", "s.std").first();
      double[] mean = ((Vector) overall.get(0)).toArray();
      double[] std = ((Vector) overall.get(1)).toArray();
      for (Row r : perCluster) {
        int c = r.getInt(0);
        sizes[c] = r.getLong(2);
        double[] m = ((Vector) r.get(1)).toArray();
        for (int i = 0; i < size; i++) {
          z[c][i] = std[i] == 0 ? 0 : (m[i] - mean[i]) / std[i];
        }
      }
      return new Centroids(sizes, z);
    }
  }

  /** (cluster, order, value) rows, as {@link #topPerCluster} picks among them. */
  private static final StructType RANKED_VALUES = new StructType().add("cluster", DataTypes.IntegerType, false)
      .add("order", DataTypes.DoubleType, true).add("value", DataTypes.StringType, true);

  /**
   * The higher order first (missing last), then the value that sorts first (missing first), as
   * Spark orders {@code order DESC, value ASC}: strings by their UTF-8 bytes, not Java's UTF-16.
   */
  private static final Comparator<Row> FIRST = Comparator.<Row, Double>comparing(
          r -> r.isNullAt(1) ? null : r.getDouble(1), Comparator.nullsLast(Comparator.reverseOrder()))
      .thenComparing(r -> r.isNullAt(2) ? null : UTF8String.fromString(r.getString(2)),
          Comparator.nullsFirst(Comparator.naturalOrder()));

  /**
   * The distinct values among the n first rows of each cluster by order, ties broken by value.
   * Each task keeps its own n first per cluster and the driver picks among those (tasks times k
   * times n rows at most): a window over every row sorted them all to keep a few.
   */
  private static Map<Integer, List<String>> topPerCluster(Dataset<Row> rows, String order, String value, int n) {
    Dataset<Row> firsts = rows.select(col("cluster"), col(order).cast(DataTypes.DoubleType), col(value))
        .mapPartitions((MapPartitionsFunction<Row, Row>) it -> firstPerCluster(it, n), Encoders.row(RANKED_VALUES));
    Map<Integer, List<Row>> byCluster = new HashMap<>();
    firsts.collectAsList().forEach(r -> byCluster.computeIfAbsent(r.getInt(0), c -> new ArrayList<>()).add(r));
    Map<Integer, List<String>> result = new HashMap<>();
    byCluster.forEach((cluster, candidates) -> result.put(cluster, candidates.stream().sorted(FIRST).limit(n)
        .map(r -> r.getString(2)).distinct().toList()));
    return result;
  }

  /** A task's n first rows of each cluster, in no order. */
  private static Iterator<Row> firstPerCluster(Iterator<Row> rows, int n) {
    Map<Integer, PriorityQueue<Row>> kept = new HashMap<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      // The queue's head is the last of the kept rows, the one a better row replaces.
      PriorityQueue<Row> first = kept.computeIfAbsent(r.getInt(0), c -> new PriorityQueue<>(FIRST.reversed()));
      first.add(r);
      if (first.size() > n) {
        first.poll();
      }
    }
    List<Row> out = new ArrayList<>();
    kept.values().forEach(out::addAll);
    return out.iterator();
  }
}
