package io.newsframe.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import io.newsframe.config.ConfigLoader;
import io.newsframe.config.StanceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class StanceClusteringTest {
  private final SparkSession spark = SharedSpark.session();

  @Test
  void chosenKIsTheBestSilhouetteAmongStableCandidates() {
    var sweep = List.of(new StanceClustering.Candidate(2, 0.30, 0.95), new StanceClustering.Candidate(3, 0.45, 0.90),
        new StanceClustering.Candidate(4, 0.50, 0.40));
    assertEquals(3, StanceClustering.choose(sweep, 0.7, 0.02));
    assertEquals(2, StanceClustering.choose(sweep, 0.99, 0.02));
  }

  @Test
  void fewerClustersWinWhenTheySeparateAlmostAsWell() {
    var sweep = List.of(new StanceClustering.Candidate(2, 0.563, 0.96), new StanceClustering.Candidate(3, 0.565, 1.0),
        new StanceClustering.Candidate(4, 0.60, 0.5), new StanceClustering.Candidate(5, 0.50, 0.9));
    assertEquals(2, StanceClustering.choose(sweep, 0.7, 0.02));
    assertEquals(3, StanceClustering.choose(sweep, 0.7, 0.0));
  }

  @Test
  void confidenceIsOneAtACentreAndOneHalfOnTheBoundary() {
    var centers = new org.apache.spark.ml.linalg.Vector[] {Vectors.dense(0, 0), Vectors.dense(2, 0)};
    assertEquals(1.0, StanceClustering.assign(Vectors.dense(0, 0), centers).confidence(), 1e-12);
    assertEquals(0.5, StanceClustering.assign(Vectors.dense(1, 0), centers).confidence(), 1e-12);
    assertEquals(1, StanceClustering.assign(Vectors.dense(1.9, 0), centers).cluster());
  }

  /**
   * Points without groups, where k-means ends in a local optimum that depends on its start: the
   * same rows and seed must still give the same centres however the batch arrives partitioned.
   */
  @Test
  void theClustersDoNotDependOnHowTheBatchIsPartitioned() {
    Dataset<Row> data = uniformPoints(400, 11);
    StanceSettings settings = ConfigLoader.load(null, java.util.Map.of("stance.clusters", "5")).stance();
    List<String> names = List.of("axis.x", "axis.y", "axis.z");
    String one = centres(StanceClustering.fit(data.repartition(1), settings, names));
    String seven = centres(StanceClustering.fit(data.repartition(7), settings, names));
    String reversed = centres(StanceClustering.fit(data.orderBy(org.apache.spark.sql.functions.desc("id")).repartition(3),
        settings, names));
    assertEquals(one, seven);
    assertEquals(one, reversed);
  }

  /** {@code n} points drawn uniformly from the unit cube: no groups to find. */
  private Dataset<Row> uniformPoints(int n, long seed) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(RowFactory.create("a" + i, 0, Vectors.dense(random.nextDouble(), random.nextDouble(), random.nextDouble())));
    }
    StructType schema = new StructType().add("id", DataTypes.StringType).add("truth", DataTypes.IntegerType)
        .add("features", SQLDataTypes.VectorType());
    return spark.createDataFrame(rows, schema);
  }

  private static String centres(StanceClustering.Fitted fitted) {
    return java.util.Arrays.toString(((org.apache.spark.ml.clustering.KMeansModel)
        fitted.model().stages()[fitted.model().stages().length - 1]).clusterCenters());
  }

  /** Seven articles support three clusters of two: k = 5 is lowered, the sweep tries no k above 3. */
  @Test
  void aSmallBatchGetsNoMoreClustersThanItSupports() {
    Dataset<Row> data = uniformPoints(7, 3);
    List<String> names = List.of("axis.x", "axis.y", "axis.z");
    StanceClustering.Fitted fixed = StanceClustering.fit(data,
        ConfigLoader.load(null, java.util.Map.of("stance.clusters", "5")).stance(), names);
    assertEquals(3, fixed.supportedClusters());
    assertEquals(3, fixed.k());
    StanceClustering.Fitted chosen = StanceClustering.fit(data, ConfigLoader.defaults().stance(), names);
    assertEquals(List.of(2, 3), chosen.sweep().stream().map(StanceClustering.Candidate::k).toList());
    StanceClustering.Fitted few = StanceClustering.fit(data.limit(5),
        ConfigLoader.load(null, java.util.Map.of("stance.min-articles-per-cluster", "3")).stance(), names);
    assertEquals(2, few.supportedClusters(), "k-means' least k, though five articles make one cluster of three");
    assertEquals(2, few.k());
    assertEquals(List.of(), few.sweep(), "one candidate left is taken without fitting it several times");
  }

  @Test
  void plantedGroupsAreFoundWithTheirNumber() {
    Random random = new Random(5);
    double[][] means = {{3, 0, 0}, {0, 3, 0}, {0, 0, 3}};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      double[] m = means[i % 3];
      rows.add(RowFactory.create("a" + i, i % 3, Vectors.dense(m[0] + random.nextGaussian() * 0.4,
          m[1] + random.nextGaussian() * 0.4, m[2] + random.nextGaussian() * 0.4)));
    }
    StructType schema = new StructType().add("id", DataTypes.StringType).add("truth", DataTypes.IntegerType)
        .add("features", SQLDataTypes.VectorType());
    Dataset<Row> data = spark.createDataFrame(rows, schema);
    // By default only the framing axes are clustered.
    StanceSettings settings = ConfigLoader.defaults().stance();
    StanceClustering.Fitted fitted = StanceClustering.fit(data, settings, List.of("axis.x", "axis.y", "axis.z"));
    assertEquals(3, fitted.k());
    assertTrue(fitted.sweep().stream().filter(c -> c.k() == 3).allMatch(c -> c.stability() > 0.99));
    long[][] table = new long[3][3];
    for (Row r : fitted.model().transform(data).groupBy("truth", "prediction").count().collectAsList()) {
      table[r.getInt(0)][r.getInt(1)] = r.getLong(2);
    }
    assertEquals(1.0, SampleSweep.adjustedRand(table), 1e-12);
  }
}
