package io.newsframe.ingest;

import java.nio.charset.StandardCharsets;

/** Short, printable starts of records for the rejects table. */
final class Excerpts {
  private Excerpts() {}

  /** Decodes leniently (bad bytes become U+FFFD) so even binary input gets a look. */
  static String of(byte[] bytes, int length, int maxChars) {
    int take = Math.min(length, maxChars * 4);
    return of(new String(bytes, 0, take, StandardCharsets.UTF_8), maxChars);
  }

  /** White space collapsed, control characters shown as U+FFFD, cut at {@code maxChars}. */
  static String of(String text, int maxChars) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars + 1));
    boolean lastWasSpace = false;
    for (int i = 0; i < text.length() && out.length() < maxChars; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        if (!lastWasSpace && out.length() > 0) {
          out.append(' ');
        }
        lastWasSpace = true;
        continue;
      }
      lastWasSpace = false;
      out.append(Character.isISOControl(c) ? '\uFFFD' : c);
    }
    if (out.length() >= maxChars && text.length() > maxChars) {
      out.append('…');
    }
    return out.toString().strip();
  }
}
