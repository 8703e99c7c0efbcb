package io.newsframe.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The driver's regression against MLlib's LogisticRegression with the axes' settings, on the same data. */
class AxisRegressionTest {
  private static final int FEATURES = 60;

  /**
   * Made-up articles as the axes see them: a few dozen of FEATURES terms each, unit-length
   * vectors, the label drawn from the logistic model of the first ten terms' weights.
   */
  private static List<Article> articles(int n, long seed) {
    Random random = new Random(seed);
    List<Article> examples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TreeSet<Integer> terms = new TreeSet<>();
      int size = 3 + random.nextInt(12);
      while (terms.size() < size) {
        terms.add((int) Math.min(FEATURES - 1, Math.abs(random.nextGaussian()) * FEATURES / 2.5));
      }
      int[] indices = terms.stream().mapToInt(Integer::intValue).toArray();
      double[] values = new double[indices.length];
      double norm = 0;
      for (int k = 0; k < values.length; k++) {
        values[k] = 1 + random.nextDouble() * 3;
        norm += values[k] * values[k];
      }
      double margin = -0.3;
      for (int k = 0; k < values.length; k++) {
        values[k] /= Math.sqrt(norm);
        margin += indices[k] < 10 ? (indices[k] % 2 == 0 ? 4 : -4) * values[k] : 0;
      }
      examples.add(new Article(indices, values, random.nextDouble() < 1 / (1 + Math.exp(-margin))));
    }
    return examples;
  }

  /** A made-up article: its terms' indices and values, and its side. */
  private record Article(int[] indices, double[] values, boolean sideA) {}

  /** The articles as the regression takes them, among {@code features} features. */
  private static List<AxisRegression.Example> examples(List<Article> articles, int features) {
    return articles.stream().map(a -> new AxisRegression.Example(AxisRegression.terms(a.indices, a.values, features),
        a.sideA)).toList();
  }

  private static double[] mllib(List<Article> examples, double regParam, int iterations) {
    StructType schema = new StructType().add("features", new VectorUDT()).add("label", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (Article e : examples) {
      rows.add(RowFactory.create(Vectors.sparse(FEATURES, e.indices(), e.values()), e.sideA() ? 1.0 : 0.0));
    }
    Vector coefficients = new LogisticRegression().setRegParam(regParam).setElasticNetParam(0)
        .setStandardization(false).setMaxIter(iterations).setFamily("binomial")
        .fit(SharedSpark.session().createDataFrame(rows, schema)).coefficients();
    return coefficients.toArray();
  }

  @Test
  void findsMllibsCoefficients() {
    List<Article> articles = articles(3000, 7);
    for (double regParam : new double[] {1e-4, 1e-2}) {
      double[] ours = AxisRegression.coefficients(examples(articles, FEATURES), FEATURES, regParam, 100);
      double[] theirs = mllib(articles, regParam, 100);
      double largest = 0;
      for (double c : theirs) {
        largest = Math.max(largest, Math.abs(c));
      }
      for (int j = 0; j < FEATURES; j++) {
        // LIBLINEAR's default tolerance came to 0.7% of the largest here; ours to 0.003%.
        assertEquals(theirs[j], ours[j], 0.001 * largest, "regParam " + regParam + ", term " + j);
      }
      // The terms the labels were drawn from carry their sign.
      for (int j = 0; j < 10; j++) {
        assertTrue(j % 2 == 0 ? ours[j] > 0 : ours[j] < 0, "term " + j + ": " + ours[j]);
      }
    }
  }

  @Test
  void aTermNoArticleHasWeighsNothing() {
    double[] coefficients = AxisRegression.coefficients(examples(articles(500, 11), FEATURES + 5), FEATURES + 5,
        1e-4, 100);
    for (int j = FEATURES; j < FEATURES + 5; j++) {
      assertEquals(0.0, coefficients[j]);
    }
  }

  @Test
  void oneSideAloneIsRefused() {
    List<AxisRegression.Example> sideA = examples(articles(50, 3), FEATURES).stream()
        .map(e -> new AxisRegression.Example(e.terms(), true)).toList();
    var error = assertThrows(IllegalArgumentException.class, () -> AxisRegression.coefficients(sideA, FEATURES, 1e-4, 10));
    assertTrue(error.getMessage().contains("both sides"), error.getMessage());
  }
}
