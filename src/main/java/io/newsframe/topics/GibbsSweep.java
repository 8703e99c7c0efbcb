package io.newsframe.topics;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Collapsed Gibbs sampling for LDA over one partition's documents, against the partition's own
 * copy of the word-topic counts: the local step of approximate distributed LDA (AD-LDA, Newman et
 * al. 2009).
 *
 * <p>A token's conditional, (alpha_k + n_dk)(beta + n_wk) / (betaSum + n_k), is split into a
 * document part n_dk (beta + n_wk) / (betaSum + n_k), summed over the topics the document has, and
 * a prior part alpha_k (beta + n_wk) / (betaSum + n_k). Nearly all the mass is in the document
 * part (the document's n_dk sum to its length, the alpha_k to about 0.5 once optimized), so a
 * token costs the few topics of its document rather than the many topics of a frequent word, which
 * is what the word-sparse split of SparseLDA (Yao et al. 2009) costs. The prior part's word term,
 * alpha_k n_wk / (betaSum + n_k), would cost those topics again, so it is kept as one running sum
 * per word over the topic totals as they were when the sweep began, scaled by a bound on how far
 * any total has fallen since. The proposal is then an envelope of the exact conditional, and
 * rejection sampling against it draws from the exact conditional (GibbsSweepTest checks the
 * chain against the posterior in closed form). With totals of thousands of tokens the bound stays
 * near 1 and the prior part is a small share of the mass, so rejections are rare.
 *
 * <p>Counts are word-major: {@code wordTopic[w * K + k]}. Not thread-safe: one instance per task.
 */
final class GibbsSweep {
  private final int topics;
  private final int vocabularySize;
  private final int[] wordTopic;
  private final int[] topicTotals;
  private final double[] alpha;
  private final double beta;
  private final double betaSum;
  private final SplittableRandom random;
  /** 1 / (betaSum + n_k), kept current so that a token costs one division. */
  private final double[] inverseTotal;
  /** 1 / (betaSum + n_k) as it was when the sweep began: the denominators of {@link #wordPrior}. */
  private final double[] sweepInverseTotal;
  /** Per word, the sum over k of alpha_k n_wk / (betaSum + n_k), with the sweep's totals. */
  private final double[] wordPrior;
  /** The current document's topic counts, zero between documents. */
  private final int[] docTopic;
  /** The topics the current document has, and where each sits in that list ({@code -1}: absent). */
  private final int[] docTopics;
  private final int[] docTopicPosition;
  private int docTopicCount;
  private final double[] docMass;
  /** Sum over k of alpha_k beta / (betaSum + n_k), kept current. */
  private double smoothingSum;
  /** The largest (betaSum + n_k at the sweep's start) / (betaSum + n_k) so far: at least 1. */
  private double envelope;

  GibbsSweep(int topics, int vocabularySize, int[] wordTopic, int[] topicTotals, double[] alpha, double beta,
      long seed) {
    this.topics = topics;
    this.vocabularySize = vocabularySize;
    this.wordTopic = wordTopic;
    this.topicTotals = topicTotals;
    this.alpha = alpha;
    this.beta = beta;
    this.betaSum = beta * vocabularySize;
    this.random = new SplittableRandom(seed);
    this.inverseTotal = new double[topics];
    this.sweepInverseTotal = new double[topics];
    this.wordPrior = new double[vocabularySize];
    this.docTopic = new int[topics];
    this.docTopics = new int[topics];
    this.docTopicPosition = new int[topics];
    java.util.Arrays.fill(docTopicPosition, -1);
    this.docMass = new double[topics];
  }

  /** One sweep over the documents: every token's topic is drawn again; counts follow. */
  void sweep(List<TopicDocument> documents) {
    // Recomputed once a sweep, so that the running sums cannot drift.
    smoothingSum = 0;
    envelope = 1;
    for (int k = 0; k < topics; k++) {
      inverseTotal[k] = 1 / (betaSum + topicTotals[k]);
      sweepInverseTotal[k] = inverseTotal[k];
      smoothingSum += alpha[k] * beta * inverseTotal[k];
    }
    for (int w = 0; w < vocabularySize; w++) {
      double sum = 0;
      int base = w * topics;
      for (int k = 0; k < topics; k++) {
        sum += alpha[k] * wordTopic[base + k] * sweepInverseTotal[k];
      }
      wordPrior[w] = sum;
    }
    for (TopicDocument document : documents) {
      sample(document);
    }
  }

  private void sample(TopicDocument document) {
    int[] words = document.words();
    int[] assigned = document.topics();
    for (int t : assigned) {
      addToDocument(t);
    }
    for (int i = 0; i < words.length; i++) {
      int w = words[i];
      int base = w * topics;
      int old = assigned[i];
      change(old, -1, w, base);
      int chosen = draw(w, base);
      assigned[i] = chosen;
      change(chosen, 1, w, base);
    }
    for (int j = 0; j < docTopicCount; j++) {
      int k = docTopics[j];
      docTopic[k] = 0;
      docTopicPosition[k] = -1;
    }
    docTopicCount = 0;
  }

  /**
   * A draw from the exact conditional, by rejection from the envelope: the exact document and
   * smoothing parts, and the word's prior term from the sweep's totals times the envelope bound.
   */
  private int draw(int w, int base) {
    double documentSum = 0;
    for (int j = 0; j < docTopicCount; j++) {
      int k = docTopics[j];
      double mass = docTopic[k] * (beta + wordTopic[base + k]) * inverseTotal[k];
      docMass[j] = mass;
      documentSum += mass;
    }
    double prior = envelope * Math.max(0, wordPrior[w]);
    double total = documentSum + prior + smoothingSum;
    while (true) {
      int k = proposal(random.nextDouble() * total, documentSum, prior, base);
      int count = wordTopic[base + k];
      if (count == 0) {
        return k;
      }
      double common = (docTopic[k] * (beta + count) + alpha[k] * beta) * inverseTotal[k];
      double exact = common + alpha[k] * count * inverseTotal[k];
      double bound = common + envelope * alpha[k] * count * sweepInverseTotal[k];
      if (random.nextDouble() * bound < exact) {
        return k;
      }
    }
  }

  /** The topic at {@code u} along the envelope: document part, word's prior term, smoothing. */
  private int proposal(double u, double documentSum, double prior, int base) {
    if (u < documentSum) {
      for (int j = 0; j < docTopicCount; j++) {
        u -= docMass[j];
        if (u <= 0) {
          return docTopics[j];
        }
      }
      return docTopics[docTopicCount - 1];
    }
    u -= documentSum;
    if (u < prior) {
      int last = -1;
      for (int k = 0; k < topics; k++) {
        int count = wordTopic[base + k];
        if (count > 0) {
          last = k;
          u -= envelope * alpha[k] * count * sweepInverseTotal[k];
          if (u <= 0) {
            return k;
          }
        }
      }
      if (last >= 0) {
        return last;
      }
      // Rounding left a prior sum on a word with no counts: draw from the smoothing part instead.
      u = random.nextDouble() * smoothingSum;
    } else {
      u -= prior;
    }
    for (int k = 0; k < topics; k++) {
      u -= alpha[k] * beta * inverseTotal[k];
      if (u <= 0) {
        return k;
      }
    }
    return topics - 1;
  }

  /** Adds {@code delta} to topic k's counts for word w and the document; sums follow. */
  private void change(int k, int delta, int w, int base) {
    smoothingSum -= alpha[k] * beta * inverseTotal[k];
    if (delta > 0) {
      addToDocument(k);
    } else if (--docTopic[k] == 0) {
      removeFromDocument(k);
    }
    wordTopic[base + k] += delta;
    wordPrior[w] += delta * alpha[k] * sweepInverseTotal[k];
    topicTotals[k] += delta;
    inverseTotal[k] = 1 / (betaSum + topicTotals[k]);
    smoothingSum += alpha[k] * beta * inverseTotal[k];
    if (delta < 0) {
      envelope = Math.max(envelope, inverseTotal[k] / sweepInverseTotal[k]);
    }
  }

  private void addToDocument(int k) {
    if (docTopic[k]++ == 0) {
      docTopicPosition[k] = docTopicCount;
      docTopics[docTopicCount++] = k;
    }
  }

  private void removeFromDocument(int k) {
    int at = docTopicPosition[k];
    int last = docTopics[--docTopicCount];
    docTopics[at] = last;
    docTopicPosition[last] = at;
    docTopicPosition[k] = -1;
  }
}
