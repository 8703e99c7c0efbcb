package io.newsframe.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.config.ConfigLoader;
import io.newsframe.config.StanceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleSweepTest {
  private static final StanceSettings SETTINGS = ConfigLoader.load(null, Map.of()).stance();

  /** The silhouette from its definition: every pair's squared distance. */
  private static double silhouetteByPairs(List<double[]> points, int[] labels, int k) {
    double total = 0;
    for (int i = 0; i < points.size(); i++) {
      double[] within = new double[k];
      long[] count = new long[k];
      for (int j = 0; j < points.size(); j++) {
        if (j != i) {
          double d = 0;
          for (int x = 0; x < points.get(i).length; x++) {
            d += Math.pow(points.get(i)[x] - points.get(j)[x], 2);
          }
          within[labels[j]] += d;
          count[labels[j]]++;
        }
      }
      if (count[labels[i]] == 0) {
        continue;
      }
      double a = within[labels[i]] / count[labels[i]];
      double b = Double.MAX_VALUE;
      for (int c = 0; c < k; c++) {
        if (c != labels[i] && count[c] > 0) {
          b = Math.min(b, within[c] / count[c]);
        }
      }
      total += (b - a) / Math.max(a, b);
    }
    return total / points.size();
  }

  private static List<double[]> randomPoints(int n, int dims, long seed) {
    Random random = new Random(seed);
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] p = new double[dims];
      for (int d = 0; d < dims; d++) {
        p[d] = random.nextGaussian() + (i % 3) * 2;
      }
      points.add(p);
    }
    return points;
  }

  @Test
  void adjustedRandIsOneForTheSamePartitionUnderRelabellingAndNearZeroForUnrelatedOnes() {
    assertEquals(1.0, SampleSweep.adjustedRand(new long[][] {{0, 30}, {20, 0}}), 1e-12);
    assertEquals(0.0, SampleSweep.adjustedRand(new long[][] {{25, 25}, {25, 25}}), 0.02);
  }

  @Test
  void theSilhouetteFromClusterSumsEqualsThePairwiseDefinition() {
    List<double[]> points = randomPoints(60, 3, 1);
    int[] labels = new int[points.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 3 == 0 ? 0 : i % 7 == 0 ? 2 : 1;
    }
    labels[5] = 3;
    assertEquals(silhouetteByPairs(points, labels, 4), SampleSweep.silhouette(points, labels, 4), 1e-9);
  }

  @Test
  void oneOccupiedClusterScoresZero() {
    List<double[]> points = randomPoints(10, 2, 2);
    assertEquals(0.0, SampleSweep.silhouette(points, new int[10], 3));
  }

  @Test
  void threePlantedGroupsAreStableAtThreeAndScoreBestThere() {
    List<double[]> points = new ArrayList<>();
    Random random = new Random(3);
    for (int i = 0; i < 300; i++) {
      int group = i % 3;
      points.add(new double[] {group * 10 + random.nextGaussian(), (group == 1 ? 8 : 0) + random.nextGaussian()});
    }
    List<StanceClustering.Candidate> sweep = SampleSweep.sweep(points, SETTINGS, List.of(2, 3, 4));
    StanceClustering.Candidate three = sweep.get(1);
    assertEquals(3, three.k());
    assertEquals(1.0, three.stability(), 1e-12);
    assertTrue(sweep.stream().allMatch(c -> c.silhouette() <= three.silhouette()), sweep.toString());
    assertEquals(3, StanceClustering.choose(sweep, SETTINGS.auto().minStability(), SETTINGS.auto().silhouetteTolerance()));
  }

  /** A batch whose articles do not differ on the axes (no framing term anywhere): nothing separates. */
  @Test
  void identicalPointsSeparateNothingWithoutFailing() {
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      points.add(new double[] {0, 0, 0});
    }
    for (StanceClustering.Candidate c : SampleSweep.sweep(points, SETTINGS, List.of(2, 3))) {
      assertEquals(0.0, c.silhouette(), c.toString());
    }
  }

  @Test
  void theSameSampleAndSeedGiveTheSameSweep() {
    List<double[]> points = randomPoints(200, 4, 4);
    assertEquals(SampleSweep.sweep(points, SETTINGS, List.of(2, 3, 5)), SampleSweep.sweep(points, SETTINGS, List.of(2, 3, 5)));
  }
}
