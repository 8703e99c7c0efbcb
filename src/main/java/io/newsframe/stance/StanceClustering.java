package io.newsframe.stance;

import static org.apache.spark.sql.functions.col;

import io.newsframe.config.StanceSettings;
import io.newsframe.tables.Checkpoints;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorSlicer;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Clusters articles on their stance features with MLlib k-means (k-means|| seeding): the features
 * named by stance.cluster-features, standardized. Measured on the east/west corpus against
 * Gaussian mixtures, bisecting k-means and unit-length (cosine) vectors (docs/benchmarks/history.md).
 * With k chosen automatically, each candidate k is fitted with several seeds on a sample (on the
 * driver: {@link SampleSweep}), and the chosen k is then fitted on every article: k must give
 * clusterings that agree across seeds (mean adjusted Rand index against the first seed at least
 * min-stability), and among those the fewest clusters whose mean silhouette is within
 * auto.silhouette-tolerance of the best. Without a stable candidate the most stable one is taken;
 * a batch that can hold only one candidate gets it without a sweep.
 */
public final class StanceClustering {
  static final String FEATURES = "features";
  private static final String CLUSTERED = "clustered_features";
  static final String SCALED = "scaled";
  static final String PREDICTION = "prediction";
  /** Articles per partition when clustering: a few hundred kilobytes of feature vectors. */
  private static final long ROWS_PER_PARTITION = 50_000;

  private StanceClustering() {}

  /** Silhouette and stability of one candidate k. */
  public record Candidate(int k, double silhouette, double stability) {}

  /** The fitted scaler + k-means pipeline, how k was chosen, and the most clusters the batch supported. */
  public record Fitted(PipelineModel model, int k, List<Candidate> sweep, int supportedClusters) {}

  /**
   * @param features rows with a {@code features} vector column
   * @param names the names of its entries
   */
  public static Fitted fit(Dataset<Row> batch, StanceSettings settings, List<String> names) {
    long n = batch.count();
    Dataset<Row> features = Checkpoints.cache(canonical(batch, n));
    try {
      return fitCanonical(features, settings, names, n);
    } finally {
      Checkpoints.release(features);
    }
  }

  /**
   * The rows hash-partitioned by id into a number of partitions that only their count sets, each
   * sorted by id. k-means|| draws its starting centres partition by partition, and the k sweep
   * samples the same way: with the batch's own partitioning, the same articles and seed gave other
   * clusters under another spark.sql.shuffle.partitions (a test session's 4 against local.conf's 8,
   * a cluster's 400).
   */
  static Dataset<Row> canonical(Dataset<Row> rows, long count) {
    int partitions = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (count + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION));
    return rows.repartition(partitions, col("id")).sortWithinPartitions(col("id"));
  }

  private static Fitted fitCanonical(Dataset<Row> features, StanceSettings settings, List<String> names, long n) {
    PipelineStage[] preparation = preparation(names, settings.clusterFeatures());
    int supported = settings.supportedClusters(n);
    List<Candidate> sweep = List.of();
    int k = settings.clusters();
    if (k == StanceSettings.AUTO) {
      List<Integer> candidates = candidates(settings, Math.min(n, settings.auto().sample()), supported);
      // One candidate left (a small batch) is the choice whatever it scores: no model to fit for it.
      if (candidates.size() >= 2) {
        // The sweep's fitted selection and scaler are the final model's: the scaler is fitted once.
        PipelineModel prepared = new Pipeline().setStages(preparation).fit(features);
        preparation = prepared.stages();
        sweep = sweep(prepared.transform(features), settings, n, candidates);
      }
      k = candidates.size() == 1 ? candidates.get(0) : sweep.isEmpty() ? supported
          : choose(sweep, settings.auto().minStability(), settings.auto().silhouetteTolerance());
    }
    k = Math.min(k, supported);
    // Fitted stages pass through the pipeline as they are; the model is then one saved pipeline.
    PipelineStage[] stages = java.util.Arrays.copyOf(preparation, preparation.length + 1, PipelineStage[].class);
    stages[preparation.length] = kmeans(k, settings.seed(), settings.maxIterations());
    PipelineModel model = new Pipeline().setStages(stages).fit(features);
    return new Fitted(model, k, sweep, supported);
  }

  /** Feature selection and standardization: the stages before k-means. */
  static PipelineStage[] preparation(List<String> names, List<String> clusteredPrefixes) {
    int[] kept = java.util.stream.IntStream.range(0, names.size())
        .filter(i -> clusteredPrefixes.stream().anyMatch(p -> names.get(i).startsWith(p)))
        .toArray();
    if (kept.length == 0) {
      throw new IllegalArgumentException("stance.cluster-features " + clusteredPrefixes + " matches no feature of " + names);
    }
    return new PipelineStage[] {
        new VectorSlicer().setInputCol(FEATURES).setOutputCol(CLUSTERED).setIndices(kept),
        new StandardScaler().setInputCol(CLUSTERED).setOutputCol(SCALED).setWithMean(true).setWithStd(true)};
  }

  static KMeans kmeans(int k, long seed, int iterations) {
    return new KMeans().setK(k).setSeed(seed).setMaxIter(iterations).setFeaturesCol(SCALED)
        .setPredictionCol(PREDICTION);
  }

  /** The configured candidates for k that the swept articles can hold: fewer than them, at most the supported. */
  static List<Integer> candidates(StanceSettings settings, long articles, int supported) {
    return settings.auto().candidates().stream().filter(k -> k < articles && k <= supported).toList();
  }

  /**
   * Silhouette and stability of each candidate k, on a seeded sample of at most auto.sample
   * articles of {@code all} (with their scaled features): the choice of k needs the shape of the
   * data, not every article. The sample is scored on the driver ({@link SampleSweep}):
   * auto.sample rows of the clustered features, whatever the batch's size.
   */
  private static List<Candidate> sweep(Dataset<Row> all, StanceSettings settings, long total,
      List<Integer> candidates) {
    long n = Math.min(total, settings.auto().sample());
    Dataset<Row> scaled = n == total ? all
        : all.sample(false, Math.min(1.0, 1.1 * n / total), settings.seed()).limit((int) n);
    List<double[]> sample = new ArrayList<>((int) n);
    for (Row row : scaled.select(SCALED).collectAsList()) {
      sample.add(((Vector) row.get(0)).toArray());
    }
    return SampleSweep.sweep(sample, settings, candidates);
  }

  /**
   * The fewest clusters among stable candidates whose silhouette is within tolerance of the best
   * stable one (parsimony, as the one-standard-error rule of cross-validation: a clustering that
   * separates no better should not be preferred for being finer); else the most stable candidate
   * (2 without candidates).
   */
  static int choose(List<Candidate> sweep, double minStability, double tolerance) {
    double bestSilhouette = Double.NEGATIVE_INFINITY;
    for (Candidate c : sweep) {
      if (c.stability() >= minStability) {
        bestSilhouette = Math.max(bestSilhouette, c.silhouette());
      }
    }
    Candidate best = null;
    for (Candidate c : sweep) {
      if (c.stability() >= minStability && c.silhouette() >= bestSilhouette - tolerance
          && (best == null || c.k() < best.k())) {
        best = c;
      }
    }
    if (best == null) {
      for (Candidate c : sweep) {
        if (best == null || c.stability() > best.stability()) {
          best = c;
        }
      }
    }
    return best == null ? 2 : best.k();
  }

  /**
   * The cluster of a scaled vector (the nearest centre, as k-means assigns) and the confidence of
   * that membership: d2² / (d1² + d2²) for the nearest and second-nearest centres — 1 at the
   * centre, 0.5 on the boundary.
   */
  public static Assignment assign(Vector scaled, Vector[] centers) {
    double d1 = Double.MAX_VALUE;
    double d2 = Double.MAX_VALUE;
    int best = 0;
    for (int c = 0; c < centers.length; c++) {
      double d = org.apache.spark.ml.linalg.Vectors.sqdist(scaled, centers[c]);
      if (d < d1) {
        d2 = d1;
        d1 = d;
        best = c;
      } else if (d < d2) {
        d2 = d;
      }
    }
    double confidence = centers.length < 2 || d1 + d2 == 0 ? 1 : d2 / (d1 + d2);
    return new Assignment(best, confidence);
  }

  /** An article's cluster and how firmly it belongs there (see {@link #assign}). */
  public record Assignment(int cluster, double confidence) {}
}
