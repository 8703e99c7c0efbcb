package io.newsframe.stance;

import io.newsframe.text.Words;
import java.util.Arrays;
import java.util.Locale;

/**
 * The words of a text with their character offsets and sentence numbers. A sentence ends at . ! or
 * ? followed by a capital, a digit or a quote, or at a blank line; a one- or two-letter word before
 * the stop ("U.S.", "Mr.") does not end it.
 */
final class TextSpans {
  final String text;
  final int[] start;
  final int[] end;
  final String[] lower;
  final int[] sentence;
  final int size;
  final int sentences;

  private TextSpans(String text, int[] start, int[] end, String[] lower, int[] sentence, int size) {
    this.text = text;
    this.start = start;
    this.end = end;
    this.lower = lower;
    this.sentence = sentence;
    this.size = size;
    this.sentences = size == 0 ? 0 : sentence[size - 1] + 1;
  }

  static TextSpans of(String text) {
    Offsets words = new Offsets(Math.max(16, text.length() / 5));
    Words.scan(text, true, words);
    int n = words.size;
    int[] start = words.start;
    int[] end = words.end;
    String[] lower = new String[n];
    int[] sentence = new int[n];
    int current = 0;
    for (int w = 0; w < n; w++) {
      if (w > 0 && endsSentence(text, start[w - 1], end[w - 1], start[w])) {
        current++;
      }
      sentence[w] = current;
      lower[w] = text.substring(start[w], end[w]).toLowerCase(Locale.ROOT).replace('’', '\'');
    }
    return new TextSpans(text, start, end, lower, sentence, n);
  }

  /** Word offsets in growing arrays: a long article has thousands of words. */
  private static final class Offsets implements Words.WordSink {
    int[] start;
    int[] end;
    int size;

    Offsets(int capacity) {
      start = new int[capacity];
      end = new int[capacity];
    }

    @Override
    public void word(int from, int to) {
      if (size == start.length) {
        start = Arrays.copyOf(start, size * 2);
        end = Arrays.copyOf(end, size * 2);
      }
      start[size] = from;
      end[size] = to;
      size++;
    }
  }

  private static boolean endsSentence(String text, int prevStart, int prevEnd, int nextStart) {
    boolean stop = false;
    int newlines = 0;
    for (int i = prevEnd; i < nextStart; i++) {
      char c = text.charAt(i);
      if (c == '.' || c == '!' || c == '?') {
        stop = true;
      } else if (c == '\n') {
        newlines++;
      }
    }
    if (newlines >= 2) {
      return true;
    }
    if (!stop) {
      return false;
    }
    boolean abbreviation = prevEnd - prevStart <= 2 && Character.isUpperCase(text.charAt(prevStart));
    char next = text.charAt(nextStart);
    return !abbreviation && (Character.isUpperCase(next) || Character.isDigit(next));
  }

  /** The word containing offset, or the first after it (size when none). */
  int wordAt(int offset) {
    int w = wordStartingBefore(offset + 1);
    return w >= 0 && end[w] > offset ? w : wordAtOrAfter(offset);
  }

  /** The first word starting at or after offset (size when none). */
  int wordAtOrAfter(int offset) {
    return startsBefore(offset);
  }

  /** The last word starting before offset (-1 when none): the word a match ending there ends in. */
  int wordStartingBefore(int offset) {
    return startsBefore(offset) - 1;
  }

  /** How many words start before offset (binary search: starts ascend). */
  private int startsBefore(int offset) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (start[mid] < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The sentence of word w, at most maxChars characters, white space collapsed. */
  String sentenceText(int w, int maxChars) {
    int s = sentence[w];
    int first = w;
    while (first > 0 && sentence[first - 1] == s) {
      first--;
    }
    int last = w;
    while (last + 1 < size && sentence[last + 1] == s) {
      last++;
    }
    int from = start[first];
    int to = Math.min(text.length(), nextStop(end[last]));
    String sentenceText = collapseSpaces(text, from, to).strip();
    return sentenceText.length() <= maxChars ? sentenceText : sentenceText.substring(0, maxChars - 1) + "…";
  }

  /**
   * text[from, to) with each run of white space (a regular expression's \\s: space, tab, line
   * breaks, vertical tab, form feed) as one space. A loop, not {@code replaceAll}: compiling the
   * pattern for each sentence shown was about 1.3 s of CPU in scoring 100k articles.
   */
  static String collapseSpaces(String text, int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    boolean inSpace = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      boolean space = Words.isRegexSpace(c);
      if (!space) {
        out.append(c);
      } else if (!inSpace) {
        out.append(' ');
      }
      inSpace = space;
    }
    return out.toString();
  }

  private int nextStop(int offset) {
    int i = offset;
    while (i < text.length() && i < offset + 3 && !Character.isLetterOrDigit(text.charAt(i))
        && !Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
