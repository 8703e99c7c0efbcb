package io.newsframe.pipeline;

import java.util.HashMap;
import java.util.Map;

/** Purity and NMI (arithmetic normalization, as scikit-learn's default) of clusters against labels. */
final class ClusterAgreement {
  private ClusterAgreement() {}

  static double purity(Map<Integer, Map<String, Integer>> byCluster) {
    long n = 0;
    long majority = 0;
    for (Map<String, Integer> labels : byCluster.values()) {
      int max = 0;
      for (int c : labels.values()) {
        n += c;
        max = Math.max(max, c);
      }
      majority += max;
    }
    return n == 0 ? 0 : (double) majority / n;
  }

  static double nmi(Map<Integer, Map<String, Integer>> byCluster) {
    Map<String, Long> labelTotals = new HashMap<>();
    Map<Integer, Long> clusterTotals = new HashMap<>();
    long n = 0;
    for (var e : byCluster.entrySet()) {
      for (var l : e.getValue().entrySet()) {
        labelTotals.merge(l.getKey(), (long) l.getValue(), Long::sum);
        clusterTotals.merge(e.getKey(), (long) l.getValue(), Long::sum);
        n += l.getValue();
      }
    }
    double mutual = 0;
    for (var e : byCluster.entrySet()) {
      for (var l : e.getValue().entrySet()) {
        double p = (double) l.getValue() / n;
        mutual += p * Math.log(p * n * n / ((double) clusterTotals.get(e.getKey()) * labelTotals.get(l.getKey())));
      }
    }
    double h = entropy(labelTotals.values(), n) + entropy(clusterTotals.values(), n);
    return h == 0 ? 1 : 2 * mutual / h;
  }

  private static double entropy(Iterable<Long> counts, long n) {
    double h = 0;
    for (long c : counts) {
      double p = (double) c / n;
      h -= p > 0 ? p * Math.log(p) : 0;
    }
    return h;
  }
}
