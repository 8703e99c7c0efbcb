package io.newsframe.features;

import io.newsframe.text.EnglishLemmatizer;
import io.newsframe.text.StopWords;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * Text to terms for topic modelling: words of letters and digits (with inner apostrophes, hyphens
 * and the dots of "U.S."), lower case, possessive "'s" dropped, stop words, numbers and one-letter
 * words out, and each word in its {@link Form}. Each term keeps the surface word it came from, for
 * display.
 */
final class TermAnalyzer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What a word becomes as a term. */
  public enum Form {
    /** Its Snowball (Porter 2) stem: "negotiations", "negotiated" → "negoti". */
    STEM,
    /** Its dictionary form in context: "negotiations" → "negotiation", "negotiated" → "negotiate". */
    LEMMA,
    /** The lower-case word itself. */
    WORD
  }

  private final Form form;
  private transient SnowballStemmer stemmer;
  /**
   * The stems of the words this analyzer has met. Text repeats its words (a task's 20,000
   * articles hold a few tens of thousands of distinct ones), and stemming every occurrence anew
   * was a third of the features stage's own work at 100k. Emptied when full, so its memory is
   * bounded whatever a task reads.
   */
  private transient Map<String, String> stems;
  static final int MAX_CACHED_STEMS = 100_000;
  /** Lemma mode: the current sentence's words as written, lemmatized together at its end. */
  private transient List<String> sentence;

  /**
   * Stands between sentences and lines in the terms, so that no collocation spans two of them; the
   * features pipeline drops it after phrase detection.
   */
  public static final String BOUNDARY = ".";

  /** One term of a text and the lower-case word it was made from. */
  public record Term(String term, String surface) {}

  public TermAnalyzer(Form form) {
    this.form = form;
  }

  public Form form() {
    return form;
  }

  public List<Term> terms(String text) {
    List<Term> terms = new ArrayList<>();
    if (text == null) {
      return terms;
    }
    if (sentence == null) {
      sentence = new ArrayList<>();
    }
    sentence.clear();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean part = i < text.length() && isWordChar(text, i, start >= 0);
      if (part && start < 0) {
        start = i;
      } else if (!part && start >= 0) {
        add(text.substring(start, i), terms);
        start = -1;
      }
      if (i < text.length() && endsSentence(text.charAt(i)) && start < 0) {
        flushSentence(terms);
        if (!terms.isEmpty() && !terms.get(terms.size() - 1).term().equals(BOUNDARY)) {
          terms.add(new Term(BOUNDARY, BOUNDARY));
        }
      }
    }
    flushSentence(terms);
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
    String written = word.replace('’', '\'');
    if (written.endsWith("'s") || written.endsWith("'S")) {
      written = written.substring(0, written.length() - 2);
    }
    if (form == Form.LEMMA) {
      sentence.add(written);
    } else {
      addTerm(written.toLowerCase(Locale.ROOT), null, terms);
    }
  }

  /** Lemma mode: tags and lemmatizes the sentence's words together, then keeps the terms among them. */
  private void flushSentence(List<Term> terms) {
    if (sentence.isEmpty()) {
      return;
    }
    String[] words = sentence.toArray(new String[0]);
    String[] lemmas = EnglishLemmatizer.lemmas(words);
    for (int i = 0; i < words.length; i++) {
      addTerm(words[i].toLowerCase(Locale.ROOT), lemmas[i], terms);
    }
    sentence.clear();
  }

  private void addTerm(String lower, String lemma, List<Term> terms) {
    if (lower.length() < 2 || StopWords.ENGLISH.contains(lower) || !hasLetter(lower)) {
      return;
    }
    String term = switch (form) {
      case STEM -> stem(lower);
      case LEMMA -> lemmaTerm(lower, lemma);
      case WORD -> lower;
    };
    // A lemma can be a stop word ("others" → "other"), which the list keeps out.
    if (form != Form.LEMMA || !StopWords.ENGLISH.contains(term)) {
      terms.add(new Term(term, lower));
    }
  }

  /** "U.S." and hyphenated words stay whole, as with stems. */
  private static String lemmaTerm(String lower, String lemma) {
    boolean compound = lower.indexOf('.') >= 0 || lower.indexOf('-') >= 0;
    return compound || lemma == null || lemma.length() < 2 ? lower : lemma;
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
    if (stems == null) {
      stems = new HashMap<>();
      stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH);
    }
    String stem = stems.get(word);
    if (stem == null) {
      stem = stemmer.stem(word).toString();
      if (stems.size() >= MAX_CACHED_STEMS) {
        stems.clear();
      }
      stems.put(word, stem);
    }
    return stem;
  }
}
