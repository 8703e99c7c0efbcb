package io.newsframe.stance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The axes' learned words indexed for scoring: each term of the idf (a word or two adjacent
 * words) gets a number, its idf and its weight on every axis in arrays. An article's terms are
 * then looked up once, not once per axis, and a pair of adjacent words is joined into a string
 * only when its first word begins some two-word term. The terms found, their order (first use)
 * and so every sum are those of {@link FramingAxes#terms} filtered to the idf's terms: the
 * scores are the same to the bit. Not thread-safe (it marks the terms an article has used); one
 * per scorer.
 */
final class AxisVocabulary {
  private final Map<String, Integer> index = new HashMap<>();
  private final String[] terms;
  private final double[] idf;
  /** weights[x][t]: term t's weight on axis x, 0 where the axis does not weigh it. */
  private final double[][] weights;
  private final Set<String> pairStarts = new HashSet<>();
  private final int[] seenIn;
  private int article;

  /** An article's known terms, by first use: term numbers, the word each starts at, and the idf vector's length. */
  record Found(int[] terms, int[] firstWord, int size, double norm) {}

  AxisVocabulary(FramingAxes.Weights learned) {
    terms = learned.idf().keySet().toArray(new String[0]);
    idf = new double[terms.length];
    for (int t = 0; t < terms.length; t++) {
      index.put(terms[t], t);
      idf[t] = learned.idf().get(terms[t]);
      int space = terms[t].indexOf(' ');
      if (space > 0) {
        pairStarts.add(terms[t].substring(0, space));
      }
    }
    weights = new double[learned.axes().size()][terms.length];
    for (int x = 0; x < weights.length; x++) {
      for (Map.Entry<String, Double> e : learned.axes().get(x).entrySet()) {
        Integer t = index.get(e.getKey());
        if (t != null) {
          weights[x][t] = e.getValue();
        }
      }
    }
    seenIn = new int[terms.length];
  }

  String term(int t) {
    return terms[t];
  }

  /** The article's distinct known terms in order of first use (a word, then the pair it ends). */
  Found find(TextSpans words) {
    if (++article == 0) {
      java.util.Arrays.fill(seenIn, 0);
      article = 1;
    }
    int[] found = new int[Math.min(terms.length, 2 * words.size)];
    int[] firstWord = new int[found.length];
    int n = 0;
    double squares = 0;
    for (int w = 0; w < words.size && n < found.length; w++) {
      Integer word = index.get(words.lower[w]);
      if (word != null && seenIn[word] != article) {
        seenIn[word] = article;
        found[n] = word;
        firstWord[n++] = w;
        squares += idf[word] * idf[word];
      }
      if (w > 0 && words.sentence[w - 1] == words.sentence[w] && pairStarts.contains(words.lower[w - 1])) {
        Integer pair = index.get(words.lower[w - 1] + " " + words.lower[w]);
        if (pair != null && seenIn[pair] != article && n < found.length) {
          seenIn[pair] = article;
          found[n] = pair;
          firstWord[n++] = w - 1;
          squares += idf[pair] * idf[pair];
        }
      }
    }
    return new Found(found, firstWord, n, Math.sqrt(squares));
  }

  /** Terms of {@code found} that move axis x, with what each adds to its position. */
  List<Moved> moved(int x, Found found) {
    List<Moved> moved = new ArrayList<>();
    if (found.norm() > 0) {
      for (int i = 0; i < found.size(); i++) {
        double w = weights[x][found.terms()[i]];
        if (w != 0) {
          moved.add(new Moved(found.terms()[i], found.firstWord()[i], w / found.norm()));
        }
      }
    }
    return moved;
  }

  /** A term that moved an axis: its number, the word it starts at, and its share of the position. */
  record Moved(int term, int firstWord, double value) {}
}
