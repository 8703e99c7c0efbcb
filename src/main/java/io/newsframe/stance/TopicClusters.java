package io.newsframe.stance;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.newsframe.config.StanceSettings;
import io.newsframe.ml.Concurrently;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Clusters within each major topic (the dominant topic of at least per-topic.min-articles placed
 * articles, the largest per-topic.max-topics), each with the overall k capped so that clusters
 * keep about ten articles: the topic_cluster column of article_stance.
 *
 * <p>Each topic's k-means is fitted on the driver ({@link SampleSweep#centres}) on at most
 * auto.sample of its articles, drawn by a hash of their ids, all topics' draws brought there in one
 * Spark job; every article is then assigned to its topic's nearest centre where it is. Fitted with
 * MLlib, each topic was some 16 small Spark jobs (k-means|| seeding, one job per iteration), about a
 * second of scheduling per topic whatever its rows: at 100k articles, 9.5 s of a 67 s stage for
 * eight topics, with about a second of executor CPU.
 */
final class TopicClusters {
  static final String COLUMN = "topic_cluster";
  /** Articles per cluster a topic's k leaves at least (k at least 2). */
  private static final long ARTICLES_PER_CLUSTER = 10;

  private TopicClusters() {}

  /** One major topic, its placed articles, and the k its clusters get. */
  record MajorTopic(int topic, long articles, int k) {}

  /**
   * {@code scored} (id, topic, cluster, the scaled vector) with topic_cluster: the article's
   * cluster within its topic, null when it is not placed or its topic is not a major one.
   */
  static Dataset<Row> assign(Dataset<Row> scored, StanceSettings settings, int k) {
    List<MajorTopic> major = majorTopics(scored, settings, k);
    if (major.isEmpty()) {
      return scored.withColumn(COLUMN, lit(null).cast(DataTypes.IntegerType));
    }
    Map<Integer, Vector[]> centres = fit(drawn(scored, major, settings.auto().sample()), major, settings);
    UserDefinedFunction nearest = udf((UDF2<Integer, Vector, Integer>) (topic, scaled) -> {
      Vector[] topicCentres = centres.get(topic);
      return topicCentres == null ? null : StanceClustering.assign(scaled, topicCentres).cluster();
    }, DataTypes.IntegerType);
    return scored.withColumn(COLUMN, when(placedInTopic(), nearest.apply(col("topic"), col(StanceClustering.SCALED))));
  }

  /** Rows that can have a cluster within their topic: placed, with a dominant topic. */
  private static Column placedInTopic() {
    return StanceStage.isPlaced().and(col("topic").isNotNull());
  }

  /** The largest topics with min-articles placed articles or more, and each one's k. */
  static List<MajorTopic> majorTopics(Dataset<Row> scored, StanceSettings settings, int k) {
    List<MajorTopic> major = new ArrayList<>();
    for (Row r : scored.where(placedInTopic()).groupBy("topic").count()
        .where(col("count").geq(settings.perTopic().minArticles()))
        .orderBy(desc("count"), col("topic")).limit(settings.perTopic().maxTopics()).collectAsList()) {
      long articles = r.getLong(1);
      major.add(new MajorTopic(r.getInt(0), articles, (int) Math.max(2, Math.min(k, articles / ARTICLES_PER_CLUSTER))));
    }
    return major;
  }

  /**
   * The scaled vectors each major topic's k-means learns from, by topic in id order: each article
   * whose draw (a hash of its id in [0, 1)) is below its topic's share, sample / articles.
   */
  private static Map<Integer, List<double[]>> drawn(Dataset<Row> scored, List<MajorTopic> major, int sample) {
    Column share = lit(0.0);
    for (MajorTopic t : major) {
      share = when(col("topic").equalTo(t.topic()), Math.min(1.0, (double) sample / t.articles())).otherwise(share);
    }
    List<Row> ordered = new ArrayList<>(scored.where(placedInTopic().and(HashDraw.of(col("id")).lt(share)))
        .select(col("topic"), col("id"), col(StanceClustering.SCALED)).collectAsList());
    ordered.sort(Comparator.<Row>comparingInt(r -> r.getInt(0)).thenComparing(r -> r.getString(1)));
    Map<Integer, List<double[]>> byTopic = new TreeMap<>();
    for (Row r : ordered) {
      byTopic.computeIfAbsent(r.getInt(0), t -> new ArrayList<>()).add(((Vector) r.get(2)).toArray());
    }
    return byTopic;
  }

  /** Each topic's centres, the topics fitted side by side. */
  private static Map<Integer, Vector[]> fit(Map<Integer, List<double[]>> drawn, List<MajorTopic> major,
      StanceSettings settings) {
    List<Callable<Vector[]>> work = new ArrayList<>();
    for (MajorTopic t : major) {
      List<double[]> points = drawn.getOrDefault(t.topic(), List.of());
      work.add(() -> points.isEmpty() ? null : toVectors(SampleSweep.centres(points, Math.min(t.k(), points.size()),
          settings.seed(), settings.maxIterations())));
    }
    List<Vector[]> fitted = Concurrently.onDriverCores(work);
    Map<Integer, Vector[]> centres = new TreeMap<>();
    for (int i = 0; i < major.size(); i++) {
      if (fitted.get(i) != null) {
        centres.put(major.get(i).topic(), fitted.get(i));
      }
    }
    return centres;
  }

  private static Vector[] toVectors(double[][] centres) {
    Vector[] vectors = new Vector[centres.length];
    for (int c = 0; c < centres.length; c++) {
      vectors[c] = Vectors.dense(centres[c]);
    }
    return vectors;
  }
}
