package io.newsframe.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsframe.SharedSpark;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

class CoherenceTest {
  private static double npmi(double pij, double pi, double pj) {
    return Math.log((pij + Coherence.EPSILON) / (pi * pj)) / -Math.log(pij + Coherence.EPSILON);
  }

  @Test
  void countsBooleanSlidingWindowsAsGensimDoes() {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
    // Document one: 12 tokens, so 3 windows of 10; words 1 and 2 sit at its two ends.
    int[] one = {1, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 2};
    // Document two: shorter than a window, one window holding both.
    int[] two = {1, 2, 3};
    double[] scores = Coherence.npmi(sc.parallelize(List.of(one, two), 2), new int[][] {{1, 2}, {1, 3}});
    // Windows: 3 + 1 = 4. Word 1 in windows 1 (doc one) and 4; word 2 in window 3 and 4; word 3 in 4.
    assertEquals(npmi(1 / 4.0, 2 / 4.0, 2 / 4.0), scores[0], 1e-9);
    assertEquals(npmi(1 / 4.0, 2 / 4.0, 1 / 4.0), scores[1], 1e-9);
  }

  @Test
  void wordsThatNeverMeetScoreMinusOne() {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
    int[] a = {1, 1, 1};
    int[] b = {2, 2, 2};
    double[] scores = Coherence.npmi(sc.parallelize(List.of(a, b), 1), new int[][] {{1, 2}});
    assertEquals(npmi(0, 0.5, 0.5), scores[0], 1e-9);
    assertEquals(-0.95, scores[0], 0.01, "about -1: the pair never co-occurs");
  }
}
