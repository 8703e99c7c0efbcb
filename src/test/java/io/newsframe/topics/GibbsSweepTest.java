package io.newsframe.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sampler's chain has the exact LDA posterior as its stationary distribution. A two-token
 * document is swept against fixed counts of other documents, small enough that a token's own count
 * moves the conditionals a lot (a sampler that drew from counts a token stale would be off), and
 * the frequencies of its nine topic pairs are compared with the posterior computed in closed form.
 */
class GibbsSweepTest {
  private static final int TOPICS = 3;
  private static final int WORDS = 3;
  private static final double[] ALPHA = {0.3, 1.0, 2.0};
  private static final double BETA = 0.5;
  /** Counts of the other documents, word-major: word w, topic k at w * TOPICS + k. */
  private static final int[] BACKGROUND = {
      3, 0, 1,
      0, 2, 1,
      1, 1, 0};
  private static final int[] DOCUMENT = {0, 1};
  private static final int SWEEPS = 400_000;

  @Test
  void topicPairFrequenciesMatchTheExactPosterior() {
    int[] topics = {2, 2};
    int[] wordTopic = withDocument(topics);
    GibbsSweep sampler = new GibbsSweep(TOPICS, WORDS, wordTopic, AdLdaTrainer.totals(wordTopic, TOPICS),
        ALPHA.clone(), BETA, 7);
    TopicDocument document = new TopicDocument("d", DOCUMENT, topics);
    long[] seen = new long[TOPICS * TOPICS];
    for (int s = 0; s < SWEEPS; s++) {
      sampler.sweep(List.of(document));
      seen[topics[0] * TOPICS + topics[1]]++;
    }
    double[] exact = posterior();
    double distance = 0;
    for (int pair = 0; pair < seen.length; pair++) {
      distance += Math.abs(seen[pair] / (double) SWEEPS - exact[pair]) / 2;
    }
    assertTrue(distance < 0.006, "total variation from the exact posterior " + distance
        + "; seen " + Arrays.toString(seen) + ", exact " + Arrays.toString(exact));
  }

  @Test
  void countsFollowTheDrawnTopics() {
    int[] topics = {0, 1};
    int[] wordTopic = withDocument(topics);
    int[] totals = AdLdaTrainer.totals(wordTopic, TOPICS);
    GibbsSweep sampler = new GibbsSweep(TOPICS, WORDS, wordTopic, totals, ALPHA.clone(), BETA, 3);
    for (int s = 0; s < 1000; s++) {
      sampler.sweep(List.of(new TopicDocument("d", DOCUMENT, topics)));
    }
    int[] expected = withDocument(topics);
    assertArrayEquals(expected, wordTopic);
    assertArrayEquals(AdLdaTrainer.totals(expected, TOPICS), totals);
    assertEquals(BACKGROUND.length, wordTopic.length);
  }

  /** The background counts plus the document's tokens under the given topics. */
  private static int[] withDocument(int[] topics) {
    int[] counts = BACKGROUND.clone();
    for (int i = 0; i < DOCUMENT.length; i++) {
      counts[DOCUMENT[i] * TOPICS + topics[i]]++;
    }
    return counts;
  }

  /**
   * p(z1 = a, z2 = b) by the chain rule on the collapsed joint: the first token against the
   * background, the second against the background plus the first.
   */
  private static double[] posterior() {
    double[] p = new double[TOPICS * TOPICS];
    double sum = 0;
    double betaSum = BETA * WORDS;
    int[] totals = AdLdaTrainer.totals(BACKGROUND, TOPICS);
    for (int a = 0; a < TOPICS; a++) {
      for (int b = 0; b < TOPICS; b++) {
        int same = a == b ? 1 : 0;
        int sameWord = a == b && DOCUMENT[0] == DOCUMENT[1] ? 1 : 0;
        double first = ALPHA[a] * (BETA + BACKGROUND[DOCUMENT[0] * TOPICS + a]) / (betaSum + totals[a]);
        double second = (ALPHA[b] + same) * (BETA + BACKGROUND[DOCUMENT[1] * TOPICS + b] + sameWord)
            / (betaSum + totals[b] + same);
        p[a * TOPICS + b] = first * second;
        sum += first * second;
      }
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }
}
