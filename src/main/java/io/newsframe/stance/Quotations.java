package io.newsframe.stance;

import java.util.ArrayList;
import java.util.List;

/**
 * The quoted passages of a text: “…”, «…», "…", ‘…’ and '…'. A loaded term inside one is someone
 * else's word (a quoted official) or a word held at a distance (scare quotes), not the writer's own
 * choice: an RT story that quotes the Foreign Office on “the illegal invasion of Ukraine” does not
 * itself call the war an invasion.
 *
 * <p>Double quotes may run across lines up to {@link #MAX_DOUBLE} characters; single quotes, whose
 * closing mark is also the apostrophe, stay within a line and {@link #MAX_SINGLE} characters, and
 * close only where no letter follows ("Russia’s" is not a close). Straight single quotes open only
 * after a non-letter, so "don't" opens nothing.
 */
final class Quotations {
  static final int MAX_DOUBLE = 600;
  static final int MAX_SINGLE = 300;

  /** A quotation: its marks at characters open and close (inclusive). */
  record Span(int open, int close) {
    boolean covers(int start, int end) {
      return start > open && end <= close;
    }
  }

  private Quotations() {}

  /** The quotations of a text in order; they do not overlap. */
  static List<Span> of(String text) {
    List<Span> spans = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int close = closeOf(text, i);
      if (close < 0) {
        i++;
      } else {
        spans.add(new Span(i, close));
        i = close + 1;
      }
    }
    return spans;
  }

  /** Whether characters [start, end) lie inside one of the spans (sorted, as {@link #of} gives them). */
  static boolean inside(List<Span> spans, int start, int end) {
    int lo = 0;
    int hi = spans.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Span s = spans.get(mid);
      if (s.close() < start) {
        lo = mid + 1;
      } else if (s.open() >= start) {
        hi = mid - 1;
      } else {
        return s.covers(start, end);
      }
    }
    return false;
  }

  /** The closing mark of a quotation opening at i, or -1 when none opens there. */
  private static int closeOf(String text, int i) {
    char c = text.charAt(i);
    return switch (c) {
      case '“' -> find(text, i, '”', MAX_DOUBLE, true);
      case '«' -> find(text, i, '»', MAX_DOUBLE, true);
      case '"' -> find(text, i, '"', MAX_DOUBLE, false);
      case '‘' -> find(text, i, '’', MAX_SINGLE, false);
      case '\'' -> i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)) ? -1 : find(text, i, '\'', MAX_SINGLE, false);
      default -> -1;
    };
  }

  private static int find(String text, int open, char close, int max, boolean acrossLines) {
    boolean single = close == '’' || close == '\'';
    int limit = Math.min(text.length(), open + 1 + max);
    for (int j = open + 1; j < limit; j++) {
      char c = text.charAt(j);
      if (c == '\n' && !acrossLines) {
        return -1;
      }
      if (c == close && j > open + 1 && !(single && j + 1 < text.length() && Character.isLetter(text.charAt(j + 1)))) {
        return j;
      }
    }
    return -1;
  }
}
