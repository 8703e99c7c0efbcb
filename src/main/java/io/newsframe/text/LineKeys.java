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

  /**
   * {@code hash(key(s.subSequence(from, to)))} without making the key: the hot paths (the lines of
   * every article, in the fit's counts and in the cleaning pass) hash a key per line, and only the
   * hash is kept. The key's final lower-casing is left out: every char it holds is already some
   * char's {@link Character#toLowerCase}, which {@code String.toLowerCase(Locale.ROOT)} leaves as it
   * is (LineKeysTest checks each char).
   */
  public static long keyHash(CharSequence s, int from, int to) {
    long h = FNV_OFFSET;
    boolean started = false;
    boolean space = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      char kept;
      if (Character.isLetter(c)) {
        kept = Character.toLowerCase(c);
      } else if (Character.isDigit(c)) {
        kept = '0';
      } else {
        space |= Character.isWhitespace(c);
        continue;
      }
      if (space && started) {
        h = fnv(h, ' ');
      }
      h = fnv(h, kept);
      started = true;
      space = false;
    }
    return h;
  }

  /** {@code keyHash(s, 0, s.length())}. */
  public static long keyHash(CharSequence s) {
    return keyHash(s, 0, s.length());
  }

  /** {@code words(key(s))} without making the key: 0 for a line with no letter or digit. */
  public static int keyWords(CharSequence s) {
    int words = 0;
    boolean space = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c) || Character.isDigit(c)) {
        words += space ? 1 : 0;
        space = false;
      } else if (Character.isWhitespace(c)) {
        space = true;
      }
    }
    return words;
  }

  /** One UTF-16 unit into an FNV-1a hash, as {@link #hash} adds each. */
  public static long fnv(long h, char c) {
    h ^= c & 0xff;
    h *= FNV_PRIME;
    h ^= c >>> 8;
    return h * FNV_PRIME;
  }

  /** The hash {@link #hash} starts from: the hash of an empty sequence. */
  public static long emptyHash() {
    return FNV_OFFSET;
  }

  /** FNV-1a over the UTF-16 units of {@code s}: fast, stable across JVMs and versions. */
  public static long hash(CharSequence s) {
    long h = FNV_OFFSET;
    for (int i = 0; i < s.length(); i++) {
      h = fnv(h, s.charAt(i));
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
