package io.newsframe.stance;

import io.newsframe.config.StanceSettings;
import io.newsframe.ml.Concurrently;
import io.newsframe.stance.StanceClustering.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * The automatic choice of k, scored on the sweep's sample held on the driver: commons-math's
 * k-means (k-means++ seeding, Lloyd iterations) for each candidate and seed, the mean silhouette
 * on squared Euclidean distances (as MLlib's ClusteringEvaluator measures it) and the adjusted
 * Rand index between seeds.
 *
 * <p>Why on the driver: the sample is at most stance.auto.sample articles of a few standardized
 * axes (20,000 rows of one double per axis, under a megabyte), and the sweep fits candidates x
 * seeds models. With MLlib each model was some 35 Spark jobs on that sample, a few tens of
 * milliseconds each whatever the rows: 18 models took about 30 s of a 100 s run on 1,505
 * articles. The final model is still MLlib's, fitted on every article of the batch with the
 * chosen k. The clusters within each major topic ({@link TopicClusters}) are fitted here too, on a
 * draw of each topic's articles.
 */
final class SampleSweep {
  /**
   * k-means++ starts per seed, the one of least within-cluster variance kept. MLlib's k-means||
   * seeding weighs many candidate centres; with one k-means++ start each seed ended in its own
   * local optimum more often, and the seeds disagreed for want of a start, not of structure
   * (journals_interests, k = 3: stability 0.755 with one start, 0.992 with three).
   */
  private static final int STARTS = 3;

  private SampleSweep() {}

  /** One sampled article's standardized features; its index in the sample names it in the labels. */
  private record Point(int index, double[] features) implements Clusterable {
    @Override
    public double[] getPoint() {
      return features;
    }
  }

  /**
   * Silhouette and stability of each candidate k on {@code sample} (rows of standardized features).
   * The candidates x seeds fits are independent and run one per driver core: the executors wait
   * for the choice of k meanwhile.
   */
  static List<Candidate> sweep(List<double[]> sample, StanceSettings settings, List<Integer> candidates) {
    List<Point> points = new ArrayList<>(sample.size());
    for (double[] features : sample) {
      points.add(new Point(points.size(), features));
    }
    List<Integer> ks = candidates.stream().filter(k -> k < points.size()).toList();
    int seeds = settings.auto().seeds();
    List<Callable<int[]>> fits = new ArrayList<>();
    for (int k : ks) {
      for (int s = 0; s < seeds; s++) {
        long seed = settings.seed() + s;
        fits.add(() -> labels(points, k, seed, settings.maxIterations()));
      }
    }
    List<int[]> labelled = Concurrently.onDriverCores(fits);
    List<Candidate> result = new ArrayList<>();
    for (int c = 0; c < ks.size(); c++) {
      int k = ks.get(c);
      List<int[]> runs = labelled.subList(c * seeds, (c + 1) * seeds);
      double silhouetteSum = 0;
      for (int[] labels : runs) {
        silhouetteSum += silhouette(sample, labels, k);
      }
      double agreement = 0;
      for (int s = 1; s < runs.size(); s++) {
        agreement += adjustedRand(contingency(runs.get(0), runs.get(s), k));
      }
      result.add(new Candidate(k, silhouetteSum / runs.size(), runs.size() > 1 ? agreement / (runs.size() - 1) : 1));
    }
    return result;
  }

  /**
   * The centres of k-means with this seed on {@code rows} (at least k of them): k of them, or fewer
   * where the rows hold fewer distinct points.
   */
  static double[][] centres(List<double[]> rows, int k, long seed, int maxIterations) {
    List<Point> points = new ArrayList<>(rows.size());
    for (double[] features : rows) {
      points.add(new Point(points.size(), features));
    }
    return clusters(points, k, seed, maxIterations).stream().map(c -> c.getCenter().getPoint()).toArray(double[][]::new);
  }

  private static List<CentroidCluster<Point>> clusters(List<Point> points, int k, long seed, int maxIterations) {
    JDKRandomGenerator random = new JDKRandomGenerator();
    random.setSeed(seed);
    // Where every point is the same (a batch without framing terms), k-means++ finds fewer than
    // k distinct centres; the points then share a cluster, and such a k separates nothing.
    return new MultiKMeansPlusPlusClusterer<>(
        new KMeansPlusPlusClusterer<Point>(k, maxIterations, new EuclideanDistance(), random), STARTS).cluster(points);
  }

  /** The cluster (0 to k - 1) of each point under k-means with this seed. */
  private static int[] labels(List<Point> points, int k, long seed, int maxIterations) {
    List<CentroidCluster<Point>> clusters = clusters(points, k, seed, maxIterations);
    int[] labels = new int[points.size()];
    for (int c = 0; c < clusters.size(); c++) {
      for (Point p : clusters.get(c).getPoints()) {
        labels[p.index()] = c;
      }
    }
    return labels;
  }

  /**
   * The mean silhouette over the points, distances squared Euclidean: for a point, a is its mean
   * distance to the other members of its cluster, b the least mean distance to another cluster's
   * members, and its silhouette (b - a) / max(a, b); 0 for a point alone in its cluster, and 0
   * for a clustering with one occupied cluster (where a silhouette is undefined). Cluster sums
   * give every mean distance at once, so this costs points x k, not points squared.
   */
  static double silhouette(List<double[]> points, int[] labels, int k) {
    int dims = points.isEmpty() ? 0 : points.get(0).length;
    long[] size = new long[k];
    double[][] sum = new double[k][dims];
    double[] squaredNorms = new double[k];
    for (int i = 0; i < labels.length; i++) {
      double[] x = points.get(i);
      size[labels[i]]++;
      squaredNorms[labels[i]] += dot(x, x);
      for (int d = 0; d < dims; d++) {
        sum[labels[i]][d] += x[d];
      }
    }
    if (java.util.Arrays.stream(size).filter(n -> n > 0).count() < 2) {
      return 0;
    }
    double total = 0;
    for (int i = 0; i < labels.length; i++) {
      double[] x = points.get(i);
      int own = labels[i];
      if (size[own] == 1) {
        continue;
      }
      double xx = dot(x, x);
      double a = 0;
      double b = Double.MAX_VALUE;
      for (int c = 0; c < k; c++) {
        if (size[c] == 0) {
          continue;
        }
        // Sum over the members y of ||x - y||^2 = n ||x||^2 - 2 x . sum(y) + sum(||y||^2).
        double toAll = size[c] * xx - 2 * dot(x, sum[c]) + squaredNorms[c];
        if (c == own) {
          a = toAll / (size[c] - 1);
        } else {
          b = Math.min(b, toAll / size[c]);
        }
      }
      total += a < b ? 1 - a / b : a > b ? b / a - 1 : 0;
    }
    return total / labels.length;
  }

  /** Counts of points by (cluster in a, cluster in b): a k x k table. */
  static long[][] contingency(int[] a, int[] b, int k) {
    long[][] table = new long[k][k];
    for (int i = 0; i < a.length; i++) {
      table[a[i]][b[i]]++;
    }
    return table;
  }

  /** Hubert and Arabie's adjusted Rand index of a contingency table (1: same partition). */
  static double adjustedRand(long[][] table) {
    double sumCells = 0;
    double n = 0;
    double[] rows = new double[table.length];
    double[] cols = new double[table.length == 0 ? 0 : table[0].length];
    for (int i = 0; i < table.length; i++) {
      for (int j = 0; j < table[i].length; j++) {
        sumCells += pairs(table[i][j]);
        rows[i] += table[i][j];
        cols[j] += table[i][j];
        n += table[i][j];
      }
    }
    double sumRows = 0;
    for (double r : rows) {
      sumRows += pairs(r);
    }
    double sumCols = 0;
    for (double c : cols) {
      sumCols += pairs(c);
    }
    double expected = sumRows * sumCols / Math.max(1, pairs(n));
    double max = (sumRows + sumCols) / 2;
    return max == expected ? 1 : (sumCells - expected) / (max - expected);
  }

  private static double pairs(double x) {
    return x * (x - 1) / 2;
  }

  private static double dot(double[] x, double[] y) {
    double s = 0;
    for (int d = 0; d < x.length; d++) {
      s += x[d] * y[d];
    }
    return s;
  }
}
