package io.newsframe.features;

import io.newsframe.text.StopWords;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * Text to terms for topic modelling: words of letters and digits (with inner apostrophes, hyphens
 * and the dots of "U.S."), lower case, possessive "'s" dropped, stop words, numbers and one-letter
 * words out, and each word reduced to its Snowball (Porter 2) stem when stemming is on. Each term
 * keeps the surface word it came from, for display.
 */
public final class TermAnalyzer implements Serializable {
  private static final long serialVersionUID = 1L;
  private final boolean stem;
  private transient SnowballStemmer stemmer;

  /**
   * Stands between sentences and lines in the terms, so that no collocation spans two of them; the
   * features pipeline drops it after phrase detection.
   */
  public static final String BOUNDARY = ".";

  /** One term of a text and the lower-case word it was made from. */
  public record Term(String term, String surface) {}

  public TermAnalyzer(boolean stem) {
    this.stem = stem;
  }

  public List<Term> terms(String text) {
    List<Term> terms = new ArrayList<>();
    if (text == null) {
      return terms;
    }
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean part = i < text.length() && isWordChar(text, i, start >= 0);
      if (part && start < 0) {
        start = i;
      } else if (!part && start >= 0) {
        add(text.substring(start, i), terms);
        start = -1;
      }
      if (i < text.length() && endsSentence(text.charAt(i)) && !terms.isEmpty()
          && !terms.get(terms.size() - 1).term().equals(BOUNDARY) && start < 0) {
        terms.add(new Term(BOUNDARY, BOUNDARY));
      }
    }
    return terms;
  }

  private static boolean endsSentence(char c) {
    return c == '.' || c == '!' || c == '?' || c == '\n' || c == ';' || c == ':';
  }

  /** Letters and digits; an apostrophe, hyphen or dot only between two of them. */
  private static boolean isWordChar(String text, int i, boolean inWord) {
    char c = text.charAt(i);
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    boolean joiner = c == '\'' || c == '’' || c == '-' || c == '.';
    return joiner && inWord && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
  }

  private void add(String word, List<Term> terms) {
    String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
    if (lower.endsWith("'s")) {
      lower = lower.substring(0, lower.length() - 2);
    }
    if (lower.length() < 2 || StopWords.ENGLISH.contains(lower) || !hasLetter(lower)) {
      return;
    }
    terms.add(new Term(stem ? stem(lower) : lower, lower));
  }

  private static boolean hasLetter(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLetter(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private String stem(String word) {
    if (word.indexOf('.') >= 0 || word.indexOf('-') >= 0) {
      return word;
    }
    if (stemmer == null) {
      stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH);
    }
    return stemmer.stem(word).toString();
  }
}
