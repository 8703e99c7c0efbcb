package io.newsframe.text;

import java.util.Locale;

/**
 * Keys that make two lines "the same line" for corpus statistics and duplicate detection, after
 * CCNet: lower case, digits as 0, punctuation dropped, white space collapsed; and a 64-bit hash.
 */
public final class LineKeys {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private LineKeys() {}

  public static String key(String line) {
    StringBuilder out = new StringBuilder(line.length());
    boolean space = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isLetter(c)) {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        out.append(Character.toLowerCase(c));
        space = false;
      } else if (Character.isDigit(c)) {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        out.append('0');
        space = false;
      } else if (Character.isWhitespace(c)) {
        space = true;
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** FNV-1a over the UTF-16 units of {@code s}: fast, stable across JVMs and versions. */
  public static long hash(CharSequence s) {
    long h = FNV_OFFSET;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      h ^= c & 0xff;
      h *= FNV_PRIME;
      h ^= c >>> 8;
      h *= FNV_PRIME;
    }
    return h;
  }

  public static int words(String key) {
    if (key.isEmpty()) {
      return 0;
    }
    int n = 1;
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) == ' ') {
        n++;
      }
    }
    return n;
  }
}
