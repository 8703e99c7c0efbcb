package io.newsframe.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The project's two kinds of word, scanned without regular expressions ({@code String.split} and
 * {@code Matcher} compile or run a pattern per call, which per-article code paid on every line):
 * <ul>
 *   <li>white-space words ({@link #count}, {@link #split}): what the quality rules count, as the
 *       Gopher rules they follow do, punctuation and all;
 *   <li>runs of letters and digits ({@link #scan}): what shingles, duplicate signatures and
 *       stance's term matching compare, where "Kremlin," and "Kremlin" must be one word.
 * </ul>
 * The boilerplate classifier's stop-word density counts words of letters only, digits not being
 * words to that measure (jusText's); it scans its lines itself.
 */
public final class Words {
  private Words() {}

  /** The white-space separated words of {@code text}, in order. */
  public static String[] split(String text) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean space = i == text.length() || Character.isWhitespace(text.charAt(i));
      if (!space && start < 0) {
        start = i;
      } else if (space && start >= 0) {
        words.add(text.substring(start, i));
        start = -1;
      }
    }
    return words.toArray(new String[0]);
  }

  /** Receives each word {@link #scan} finds: its first offset and the offset after it. */
  @FunctionalInterface
  public interface WordSink {
    void word(int start, int end);
  }

  /**
   * The runs of letters and digits of {@code text}, in order; everything else separates them. With
   * {@code innerJoiners}, an apostrophe or hyphen between two letters belongs to the word
   * ("Russia's", "so-called").
   */
  public static void scan(String text, boolean innerJoiners, WordSink sink) {
    int length = text.length();
    int i = 0;
    while (i < length) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < length && (Character.isLetterOrDigit(text.charAt(i)) || innerJoiners && isInnerJoiner(text, i))) {
        i++;
      }
      sink.word(start, i);
    }
  }

  private static boolean isInnerJoiner(String text, int i) {
    char c = text.charAt(i);
    if (c != '\'' && c != '\u2019' && c != '-') {
      return false;
    }
    return i > 0 && i + 1 < text.length() && Character.isLetter(text.charAt(i - 1))
        && Character.isLetter(text.charAt(i + 1));
  }

  /** How many white-space separated words {@code text} has. */
  public static int count(CharSequence text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  /** Lower case, runs of white space as one space, trimmed. */
  public static String collapsedLowerCase(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** Whether {@code c} is one of Java's regular expressions' {@code \s} (without the Unicode flag). */
  public static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** {@code word} without the punctuation it starts or ends with ("(Kremlin)," to "Kremlin"). */
  public static String trimPunctuation(String word) {
    int start = 0;
    int end = word.length();
    while (start < end && isPunctuation(word.charAt(start))) {
      start++;
    }
    while (end > start && isPunctuation(word.charAt(end - 1))) {
      end--;
    }
    return word.substring(start, end);
  }

  private static boolean isPunctuation(char c) {
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }
}
