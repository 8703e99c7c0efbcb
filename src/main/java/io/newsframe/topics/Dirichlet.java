package io.newsframe.topics;

import java.util.Map;

/**
 * Hyperparameter optimization for the sampler: Minka's fixed-point updates of an asymmetric
 * document-topic prior alpha and a symmetric topic-word prior beta, from histograms of the counts
 * (how many documents give topic k exactly n tokens), as Wallach (2008) describes and MALLET does.
 */
final class Dirichlet {
  /** Keeps a topic from vanishing: below this its prior stops shrinking. */
  static final double MIN_ALPHA = 1e-4;
  private static final int ITERATIONS = 5;

  private Dirichlet() {}

  /**
   * @param alpha current prior per topic, updated in place
   * @param topicDocCounts per topic, documents by the number n > 0 of their tokens in it
   * @param docLengths documents by their token count
   */
  static void optimizeAlpha(double[] alpha, Map<Integer, Long>[] topicDocCounts, Map<Integer, Long> docLengths) {
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      double alphaSum = 0;
      for (double a : alpha) {
        alphaSum += a;
      }
      double denominator = 0;
      for (Map.Entry<Integer, Long> e : docLengths.entrySet()) {
        denominator += e.getValue() * (digamma(alphaSum + e.getKey()) - digamma(alphaSum));
      }
      if (denominator <= 0) {
        return;
      }
      for (int k = 0; k < alpha.length; k++) {
        double numerator = 0;
        for (Map.Entry<Integer, Long> e : topicDocCounts[k].entrySet()) {
          numerator += e.getValue() * (digamma(alpha[k] + e.getKey()) - digamma(alpha[k]));
        }
        alpha[k] = Math.max(MIN_ALPHA, alpha[k] * numerator / denominator);
      }
    }
  }

  /**
   * @param beta current symmetric prior
   * @param cellCounts (word, topic) cells by their count n > 0
   * @param topicTotals tokens per topic
   * @param vocabularySize V
   * @return the updated beta
   */
  static double optimizeBeta(double beta, Map<Integer, Long> cellCounts, int[] topicTotals, int vocabularySize) {
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      double numerator = 0;
      for (Map.Entry<Integer, Long> e : cellCounts.entrySet()) {
        numerator += e.getValue() * (digamma(beta + e.getKey()) - digamma(beta));
      }
      double betaSum = beta * vocabularySize;
      double denominator = 0;
      for (int total : topicTotals) {
        denominator += digamma(betaSum + total) - digamma(betaSum);
      }
      denominator *= vocabularySize;
      if (numerator <= 0 || denominator <= 0) {
        return beta;
      }
      beta = beta * numerator / denominator;
    }
    return beta;
  }

  /** The digamma function: recurrence up to 6, then the asymptotic series. */
  static double digamma(double x) {
    double result = 0;
    while (x < 6) {
      result -= 1 / x;
      x += 1;
    }
    double inv = 1 / x;
    double inv2 = inv * inv;
    return result + Math.log(x) - 0.5 * inv
        - inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 / 132))));
  }
}
