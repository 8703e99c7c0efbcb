package io.newsframe.topics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/**
 * Topic coherence as NPMI over the corpus itself (the c_npmi of Röder et al. 2015, as gensim
 * computes it): each topic's top words; every boolean sliding window of {@link #WINDOW} tokens of
 * a document is a pseudo-document (a shorter document is one window); for each pair of a topic's
 * words NPMI = log((P(i,j) + eps) / (P(i) P(j))) / -log(P(i,j) + eps); the topic's score is the
 * mean over its pairs. Counted in one pass over the documents.
 */
final class Coherence {
  public static final int WINDOW = 10;
  public static final double EPSILON = 1e-12;

  private Coherence() {}

  /**
   * @param documents documents as term ids, in order
   * @param top per topic its top term ids, best first (the NPMI uses them all)
   * @return NPMI per topic
   */
  public static double[] npmi(JavaRDD<int[]> documents, int[][] top) {
    Index index = new Index(top);
    Counts counts = documents.mapPartitions(it -> List.of(count(it, index)).iterator())
        .treeReduce(Counts::plus);
    return counts.npmi(index);
  }

  /** Where each top word sits: its distinct-word number and its (topic, slot) places. */
  static final class Index implements Serializable {
    final int[][] top;
    final java.util.Map<Integer, Integer> distinct = new java.util.HashMap<>();
    final java.util.Map<Integer, List<int[]>> places = new java.util.HashMap<>();

    Index(int[][] top) {
      this.top = top;
      for (int k = 0; k < top.length; k++) {
        for (int slot = 0; slot < top[k].length; slot++) {
          distinct.putIfAbsent(top[k][slot], distinct.size());
          places.computeIfAbsent(top[k][slot], w -> new ArrayList<>()).add(new int[] {k, slot});
        }
      }
    }
  }

  /** Windows, windows per top word, and windows per pair of a topic's words. */
  static final class Counts implements Serializable {
    long windows;
    final long[] single;
    final long[][] pairs;

    Counts(int distinctWords, int topics, int slots) {
      single = new long[distinctWords];
      pairs = new long[topics][slots * slots];
    }

    Counts plus(Counts other) {
      windows += other.windows;
      for (int i = 0; i < single.length; i++) {
        single[i] += other.single[i];
      }
      for (int k = 0; k < pairs.length; k++) {
        for (int i = 0; i < pairs[k].length; i++) {
          pairs[k][i] += other.pairs[k][i];
        }
      }
      return this;
    }

    double[] npmi(Index index) {
      double[] scores = new double[index.top.length];
      for (int k = 0; k < index.top.length; k++) {
        int[] words = index.top[k];
        double sum = 0;
        int n = 0;
        for (int i = 0; i < words.length; i++) {
          for (int j = i + 1; j < words.length; j++) {
            double pi = (double) single[index.distinct.get(words[i])] / windows;
            double pj = (double) single[index.distinct.get(words[j])] / windows;
            double pij = (double) pairs[k][i * words.length + j] / windows;
            sum += Math.log((pij + EPSILON) / (pi * pj)) / -Math.log(pij + EPSILON);
            n++;
          }
        }
        scores[k] = n == 0 ? 0 : sum / n;
      }
      return scores;
    }
  }

  static Counts count(Iterator<int[]> documents, Index index) {
    int slots = Arrays.stream(index.top).mapToInt(t -> t.length).max().orElse(0);
    Counts counts = new Counts(index.distinct.size(), index.top.length, slots);
    int[] masks = new int[index.top.length];
    int[] touched = new int[index.top.length];
    boolean[] seen = new boolean[index.distinct.size()];
    int[] seenList = new int[WINDOW];
    while (documents.hasNext()) {
      int[] doc = documents.next();
      int windows = doc.length <= WINDOW ? 1 : doc.length - WINDOW + 1;
      for (int start = 0; start < windows; start++) {
        int end = Math.min(doc.length, start + WINDOW);
        int nSeen = 0;
        int nTouched = 0;
        for (int i = start; i < end; i++) {
          Integer d = index.distinct.get(doc[i]);
          if (d == null || seen[d]) {
            continue;
          }
          seen[d] = true;
          seenList[nSeen++] = d;
          counts.single[d]++;
          for (int[] place : index.places.get(doc[i])) {
            if (masks[place[0]] == 0) {
              touched[nTouched++] = place[0];
            }
            masks[place[0]] |= 1 << place[1];
          }
        }
        for (int t = 0; t < nTouched; t++) {
          int k = touched[t];
          int mask = masks[k];
          if (Integer.bitCount(mask) > 1) {
            for (int i = 0; i < slots; i++) {
              if ((mask & (1 << i)) == 0) {
                continue;
              }
              for (int j = i + 1; j < slots; j++) {
                if ((mask & (1 << j)) != 0) {
                  counts.pairs[k][i * index.top[k].length + j]++;
                }
              }
            }
          }
          masks[k] = 0;
        }
        for (int s = 0; s < nSeen; s++) {
          seen[seenList[s]] = false;
        }
        counts.windows++;
      }
    }
    return counts;
  }
}
