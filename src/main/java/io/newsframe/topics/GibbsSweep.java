package io.newsframe.topics;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Collapsed Gibbs sampling for LDA over one partition's documents, against the partition's own
 * copy of the word-topic counts: the local step of approximate distributed LDA (AD-LDA, Newman et
 * al. 2009). Each token's draw is split in the manner of SparseLDA (Yao et al. 2009) into the
 * smoothing mass (alpha * beta, shared by all tokens), the document mass (topics the document
 * uses) and the word mass (topics the word has), so a token costs the topics its word and its
 * document have, not all K.
 *
 * <p>Counts are word-major: {@code wordTopic[w * K + k]}. Not thread-safe: one instance per task.
 */
final class GibbsSweep {
  private final int topics;
  private final int[] wordTopic;
  private final int[] topicTotals;
  private final double[] alpha;
  private final double beta;
  private final double betaSum;
  private final SplittableRandom random;
  /** (alpha_k + n_dk) / (betaSum + n_k) for the current document. */
  private final double[] coefficient;
  private final double[] wordMass;
  private final int[] docTopic;
  /**
   * The topics each word has a count in, word-major like the counts: {@code wordTopics[w * K + i]}
   * for i below {@code wordTopicSize[w]}, and where each sits in that list ({@code -1}: absent).
   * The word mass is summed over these only, as SparseLDA does.
   */
  private final int[] wordTopics;
  private final int[] wordTopicSize;
  private final int[] wordTopicPosition;
  private final int[] massTopic;
  /** 1 / (betaSum + n_k), kept current so that a token costs one division. */
  private final double[] inverseTotal;
  private double smoothingSum;

  GibbsSweep(int topics, int vocabularySize, int[] wordTopic, int[] topicTotals, double[] alpha, double beta,
      long seed) {
    this.topics = topics;
    this.wordTopic = wordTopic;
    this.topicTotals = topicTotals;
    this.alpha = alpha;
    this.beta = beta;
    this.betaSum = beta * vocabularySize;
    this.random = new SplittableRandom(seed);
    this.coefficient = new double[topics];
    this.wordMass = new double[topics];
    this.docTopic = new int[topics];
    this.inverseTotal = new double[topics];
    this.massTopic = new int[topics];
    this.wordTopics = new int[wordTopic.length];
    this.wordTopicSize = new int[vocabularySize];
    this.wordTopicPosition = new int[wordTopic.length];
    for (int w = 0; w < vocabularySize; w++) {
      for (int k = 0; k < topics; k++) {
        int cell = w * topics + k;
        wordTopicPosition[cell] = -1;
        if (wordTopic[cell] > 0) {
          wordTopicPosition[cell] = wordTopicSize[w];
          wordTopics[w * topics + wordTopicSize[w]++] = k;
        }
      }
    }
    for (int k = 0; k < topics; k++) {
      inverseTotal[k] = 1 / (betaSum + topicTotals[k]);
      coefficient[k] = alpha[k] * inverseTotal[k];
    }
  }

  /** One sweep over the documents: every token's topic is drawn again; counts follow. */
  void sweep(List<TopicDocument> documents) {
    // Kept current token by token; recomputed once a sweep so that rounding cannot drift.
    smoothingSum = 0;
    for (int k = 0; k < topics; k++) {
      smoothingSum += alpha[k] * beta * inverseTotal[k];
    }
    for (TopicDocument document : documents) {
      sample(document);
    }
  }

  private void sample(TopicDocument document) {
    int[] words = document.words();
    int[] assigned = document.topics();
    // Work per document follows its length, not K (short articles are many): docTopic is all
    // zeros and coefficient[k] = alpha_k / (betaSum + n_k) between documents, and the document's
    // mass is summed token by token.
    for (int t : assigned) {
      docTopic[t]++;
    }
    double documentSum = 0;
    for (int t : assigned) {
      documentSum += beta * inverseTotal[t];
      coefficient[t] = (alpha[t] + docTopic[t]) * inverseTotal[t];
    }
    for (int i = 0; i < words.length; i++) {
      int w = words[i];
      int base = w * topics;
      int old = assigned[i];
      documentSum -= change(old, -1, base);
      double wordSum = 0;
      int present = wordTopicSize[w];
      for (int j = 0; j < present; j++) {
        int k = wordTopics[base + j];
        double mass = coefficient[k] * wordTopic[base + k];
        massTopic[j] = k;
        wordMass[j] = mass;
        wordSum += mass;
      }
      double u = random.nextDouble() * (smoothingSum + documentSum + wordSum);
      int chosen = draw(u, wordSum, present, documentSum);
      assigned[i] = chosen;
      documentSum += change(chosen, 1, base);
    }
    // Topics the document left on the way already have docTopic 0 and their plain coefficient.
    for (int t : assigned) {
      docTopic[t] = 0;
      coefficient[t] = alpha[t] * inverseTotal[t];
    }
  }

  /**
   * Adds {@code delta} to topic k's counts for the word at {@code base} and the document, keeping
   * the smoothing sum and coefficient current; returns the document mass of k before minus after
   * (for delta -1) or after minus before (for +1), as the caller's sign expects.
   */
  private double change(int k, int delta, int base) {
    double before = docTopic[k] * beta * inverseTotal[k];
    smoothingSum -= alpha[k] * beta * inverseTotal[k];
    docTopic[k] += delta;
    int count = wordTopic[base + k] += delta;
    if (count == 0) {
      removeWordTopic(base, k);
    } else if (count == 1 && delta > 0) {
      int w = base / topics;
      wordTopicPosition[base + k] = wordTopicSize[w];
      wordTopics[base + wordTopicSize[w]++] = k;
    }
    topicTotals[k] += delta;
    double inverse = 1 / (betaSum + topicTotals[k]);
    inverseTotal[k] = inverse;
    smoothingSum += alpha[k] * beta * inverse;
    coefficient[k] = (alpha[k] + docTopic[k]) * inverse;
    double after = docTopic[k] * beta * inverse;
    return delta < 0 ? before - after : after - before;
  }

  private void removeWordTopic(int base, int k) {
    int w = base / topics;
    int at = wordTopicPosition[base + k];
    int last = wordTopics[base + --wordTopicSize[w]];
    wordTopics[base + at] = last;
    wordTopicPosition[base + last] = at;
    wordTopicPosition[base + k] = -1;
  }

  private int draw(double u, double wordSum, int present, double documentSum) {
    if (u < wordSum) {
      for (int i = 0; i < present; i++) {
        u -= wordMass[i];
        if (u <= 0) {
          return massTopic[i];
        }
      }
      return massTopic[present - 1];
    }
    u -= wordSum;
    if (u < documentSum) {
      int last = 0;
      for (int k = 0; k < topics; k++) {
        if (docTopic[k] > 0) {
          last = k;
          u -= docTopic[k] * beta * inverseTotal[k];
          if (u <= 0) {
            return k;
          }
        }
      }
      return last;
    }
    u -= documentSum;
    for (int k = 0; k < topics; k++) {
      u -= alpha[k] * beta * inverseTotal[k];
      if (u <= 0) {
        return k;
      }
    }
    return topics - 1;
  }
}
