package io.newsframe.clean;

import io.newsframe.config.CleanSettings;
import io.newsframe.text.LineKeys;
import io.newsframe.text.Words;
import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * MinHash signatures of an article's word shingles, and their bands for LSH. With b bands of r
 * rows, two articles of Jaccard similarity s share a band with probability 1 - (1 - s^r)^b: for
 * 20 x 5, 0.97 at s = 0.7 and 0.19 at s = 0.4.
 */
final class MinHasher implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int shingleWords;
  private final int bands;
  private final int rows;
  private final long[] seeds;

  public MinHasher(CleanSettings.Dedup settings) {
    this.shingleWords = settings.shingleWords();
    this.bands = settings.bands();
    this.rows = settings.rows();
    this.seeds = new long[bands * rows];
    SplittableRandom random = new SplittableRandom(settings.seed());
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = random.nextLong();
    }
  }

  /**
   * The signature of a text already lower-cased with {@code Locale.ROOT}, or null when it has no
   * words. Its words are the runs of letters and digits ({@link Words#scan}); a shingle is the
   * {@link LineKeys#hash} of {@code shingle-words} of them, each followed by a space, hashed where
   * the words stand: one article's shingles made some 25,000 strings.
   */
  int[] signatureOfLowerCase(String lower) {
    WordSpans spans = new WordSpans();
    Words.scan(lower, false, spans);
    int words = spans.count;
    if (words == 0) {
      return null;
    }
    int[] sig = new int[seeds.length];
    java.util.Arrays.fill(sig, Integer.MAX_VALUE);
    int k = Math.min(shingleWords, words);
    for (int first = 0; first + k <= words; first++) {
      long h = LineKeys.emptyHash();
      for (int w = first; w < first + k; w++) {
        for (int c = spans.starts[w]; c < spans.ends[w]; c++) {
          h = LineKeys.fnv(h, lower.charAt(c));
        }
        h = LineKeys.fnv(h, ' ');
      }
      for (int i = 0; i < seeds.length; i++) {
        int v = (int) (mix(h ^ seeds[i]) >>> 33);
        if (v < sig[i]) {
          sig[i] = v;
        }
      }
    }
    return sig;
  }

  /** Where each word of a text starts and ends, in order. */
  private static final class WordSpans implements Words.WordSink {
    int[] starts = new int[64];
    int[] ends = new int[64];
    int count;

    @Override
    public void word(int start, int end) {
      if (count == starts.length) {
        starts = java.util.Arrays.copyOf(starts, 2 * count);
        ends = java.util.Arrays.copyOf(ends, 2 * count);
      }
      starts[count] = start;
      ends[count++] = end;
    }
  }

  /** One hash per band of the signature. */
  public long[] bands(int[] sig) {
    long[] out = new long[bands];
    for (int b = 0; b < bands; b++) {
      long h = 0x9E3779B97F4A7C15L * (b + 1);
      for (int r = 0; r < rows; r++) {
        h = mix(h ^ sig[b * rows + r]);
      }
      out[b] = h;
    }
    return out;
  }

  /** Estimated Jaccard similarity: the share of equal signature positions. */
  public static double similarity(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / a.length;
  }

  /**
   * True when some signature of one article and some of the other agree on the threshold share:
   * an id has two where an earlier run's copy of the article is among the rows compared.
   */
  static boolean anySimilar(java.util.List<int[]> a, java.util.List<int[]> b, double threshold) {
    for (int[] x : a) {
      for (int[] y : b) {
        if (similarity(x, y) >= threshold) {
          return true;
        }
      }
    }
    return false;
  }

  /** SplitMix64's finalizer: a fast, well-mixed 64-bit permutation. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
