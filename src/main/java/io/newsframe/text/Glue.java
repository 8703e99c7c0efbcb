package io.newsframe.text;

/**
 * The joints a scraper leaves when it drops the line breaks between page elements, as tests of the
 * characters around a position {@code p} of a text, seen between {@code from} and {@code to} (what
 * lies outside does not count, as for a regular expression matched in a region). Each test is the
 * zero-width pattern in its comment; they are written out by hand because the patterns, tried at
 * every position with their look-behinds, were most of the text normalizer's time
 * ({@code TextNormalizerTest} holds them to the patterns on every text in the shared corpora).
 * Letters and digits are ASCII, as in the patterns.
 */
final class Glue {
  private Glue() {}

  /** A sentence end glued to the next sentence, "civilians.The": {@code (?<=[a-z0-9%)][.!?]["”’']?)(?=[A-Z“"])}. */
  static boolean sentence(CharSequence t, int p, int from, int to) {
    if (p >= to || !startsSentence(t.charAt(p))) {
      return false;
    }
    if (p - 3 >= from && isQuote(t.charAt(p - 1))) {
      return isStop(t.charAt(p - 2)) && endsWord(t.charAt(p - 3));
    }
    return p - 2 >= from && isStop(t.charAt(p - 1)) && endsWord(t.charAt(p - 2));
  }

  /** A lower-case word glued to a capitalised one, "TopicsRussia", "warImage": {@code (?<=[a-z]{2})(?=[A-Z])}. */
  static boolean word(CharSequence t, int p, int from, int to) {
    return p - 2 >= from && p < to && isUpper(t.charAt(p)) && isLower(t.charAt(p - 1)) && isLower(t.charAt(p - 2));
  }

  /** An acronym glued to a word, "EPABy": {@code (?<=[A-Z]{2})(?=[A-Z][a-z])}. */
  static boolean acronym(CharSequence t, int p, int from, int to) {
    return p - 2 >= from && p + 1 < to && isUpper(t.charAt(p)) && isLower(t.charAt(p + 1))
        && isUpper(t.charAt(p - 1)) && isUpper(t.charAt(p - 2));
  }

  /** A sentence end glued to a numbered item, "to you?2. Did you": {@code (?<=[a-z][.!?])(?=[0-9])}. */
  static boolean number(CharSequence t, int p, int from, int to) {
    return p - 2 >= from && p < to && isDigit(t.charAt(p)) && isStop(t.charAt(p - 1)) && isLower(t.charAt(p - 2));
  }

  private static boolean startsSentence(char c) {
    return isUpper(c) || c == '“' || c == '"';
  }

  private static boolean endsWord(char c) {
    return isLower(c) || isDigit(c) || c == '%' || c == ')';
  }

  private static boolean isStop(char c) {
    return c == '.' || c == '!' || c == '?';
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '”' || c == '’' || c == '\'';
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
