package io.newsframe.text;

import java.util.Arrays;
import java.util.Set;

/** Function words used to tell running prose from chrome (jusText's stop-word density). */
public final class StopWords {
  private StopWords() {}

  /** The commonest English function words; prose has a density of about 0.4 of them, menus ~0. */
  public static final Set<String> ENGLISH = Set.of(
      "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
      "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
      "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
      "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
      "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
      "itself", "just", "may", "me", "might", "more", "most", "must", "my", "myself", "no", "nor",
      "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
      "out", "over", "own", "said", "same", "says", "she", "should", "so", "some", "such", "than",
      "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
      "this", "those", "through", "to", "too", "under", "until", "up", "upon", "very", "was", "we",
      "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
      "would", "you", "your", "yours", "yourself", "yourselves");

  /** The longest stop word's length: a longer word is none. */
  private static final int LONGEST = ENGLISH.stream().mapToInt(String::length).max().orElse(0);
  /** Each stop word's letters, five bits each (a = 1 .. z = 26), sorted for binary search. */
  private static final long[] ENGLISH_CODES = ENGLISH.stream().mapToLong(w -> code(w, 0, w.length())).sorted().toArray();
  private static final int LETTER_BITS = 5;

  static {
    // The codes hold lower-case ASCII words of at most 12 letters; the list is checked here, once.
    for (String word : ENGLISH) {
      if (word.length() > 64 / LETTER_BITS || code(word, 0, word.length()) < 0) {
        throw new IllegalStateException("a stop word the codes cannot hold: " + word);
      }
    }
  }

  /**
   * Whether {@code text[start, end)} is one of {@link #ENGLISH} once lower-cased
   * ({@code toLowerCase(Locale.ROOT)}), without making a string of it: the clean stage asks this of
   * every word of every line. Only ASCII letters can make a stop word: no other char lower-cases to
   * a lower-case ASCII letter but the Kelvin sign's k, which no stop word has.
   */
  public static boolean isEnglish(CharSequence text, int start, int end) {
    int length = end - start;
    if (length <= 0 || length > LONGEST) {
      return false;
    }
    long code = code(text, start, end);
    return code >= 0 && Arrays.binarySearch(ENGLISH_CODES, code) >= 0;
  }

  /** The letters' code, lower-cased, or -1 when a char is not an ASCII letter. */
  private static long code(CharSequence text, int start, int end) {
    long code = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      int letter = c >= 'a' && c <= 'z' ? c - 'a' + 1 : c >= 'A' && c <= 'Z' ? c - 'A' + 1 : 0;
      if (letter == 0) {
        return -1;
      }
      code = (code << LETTER_BITS) | letter;
    }
    return code;
  }
}
