package io.newsframe.clean;

import opennlp.tools.util.StringUtil;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * What OpenNLP's language detector reads from a text, as its default context generator defines
 * it: the text through the same normalizers, lower-cased the same way ({@link #normalized}), and
 * its distinct character n-grams of {@link #MIN_LENGTH} to {@link #MAX_LENGTH} characters, which
 * {@link LanguageScores} walks without making them strings. The n-gram lengths and normalizers are
 * OpenNLP's factory's (langdetect 1.8.3 model); {@code LanguageGuesserTest} checks the features are
 * the same set as OpenNLP's generator gives on real text.
 */
final class LanguageContext {
  static final int MIN_LENGTH = 1;
  static final int MAX_LENGTH = 3;
  private static final CharSequenceNormalizer EMOJI = EmojiCharSequenceNormalizer.getInstance();
  private static final CharSequenceNormalizer URL = UrlCharSequenceNormalizer.getInstance();
  private static final CharSequenceNormalizer TWITTER = TwitterCharSequenceNormalizer.getInstance();
  private static final CharSequenceNormalizer NUMBER = NumberCharSequenceNormalizer.getInstance();
  private static final CharSequenceNormalizer SHRINK = ShrinkCharSequenceNormalizer.getInstance();

  private LanguageContext() {}

  /**
   * The text as the detector reads it: OpenNLP's normalizers in OpenNLP's order, then lower-cased
   * as OpenNLP does. Each normalizer is a few regular-expression replacements over the whole text
   * (a quarter of the detector's time); it runs only where a quick scan finds what its patterns
   * need to match at all (a surrogate, "://" or "@", a digit...), so most prose skips most of them
   * with the same result.
   */
  static String normalized(CharSequence document) {
    CharSequence text = document;
    if (mayHaveEmojiPatternChars(text)) {
      text = EMOJI.normalize(text);
    }
    if (indexOf(text, "://") >= 0 || indexOf(text, "@") >= 0) {
      text = URL.normalize(text);
    }
    if (mayHaveTwitterMarks(text)) {
      text = TWITTER.normalize(text);
    }
    if (hasAsciiDigit(text)) {
      text = NUMBER.normalize(text);
    }
    if (mayShrink(text)) {
      text = SHRINK.normalize(text);
    }
    return StringUtil.toLowerCaseCharBuffer(text).toString();
  }

  /**
   * OpenNLP's emoji pattern, a character class written as the surrogate ranges D83C-DBFF and
   * DC00-DFFF, is read by Java's regex parser as a range from U+D83C to U+10FC00 (the code point
   * of the pair DBFF DC00), a hyphen and DFFF: it matches '-', every char from U+D83C up (full-width
   * punctuation too) and every character beyond 16 bits (checked over every code point).
   */
  private static boolean mayHaveEmojiPatternChars(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= Character.MIN_SURROGATE || c == '-') {
        return true;
      }
    }
    return false;
  }

  private static boolean hasSurrogate(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasAsciiDigit(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(CharSequence text, String part) {
    return text.toString().indexOf(part);
  }

  /**
   * False only where none of OpenNLP's Twitter patterns (all but the first ASCII case-insensitive)
   * can match: "[#@]\S+", "\b(rt[ :])+", "[:;x]-?[()dop]" and "([hj])+([aieou])+(\1+\2+)+",
   * whose match holds an h or j, vowels, and that letter again.
   */
  private static boolean mayHaveTwitterMarks(CharSequence text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = lowerAscii(text.charAt(i));
      if (c == '#' || c == '@') {
        return true;
      }
      if (c == 'r' && i + 2 < n && lowerAscii(text.charAt(i + 1)) == 't'
          && (text.charAt(i + 2) == ' ' || text.charAt(i + 2) == ':')) {
        return true;
      }
      if (c == ':' || c == ';' || c == 'x') {
        int next = i + 1 < n && text.charAt(i + 1) == '-' ? i + 2 : i + 1;
        if (next < n && "()dop".indexOf(lowerAscii(text.charAt(next))) >= 0) {
          return true;
        }
      }
      if ((c == 'h' || c == 'j') && laughs(text, i, c)) {
        return true;
      }
    }
    return false;
  }

  /** Whether one or more vowels follow position {@code at}, and then {@code letter} again. */
  private static boolean laughs(CharSequence text, int at, char letter) {
    int k = at + 1;
    while (k < text.length() && "aeiou".indexOf(lowerAscii(text.charAt(k))) >= 0) {
      k++;
    }
    return k > at + 1 && k < text.length() && lowerAscii(text.charAt(k)) == letter;
  }

  /**
   * False only where neither "(.)\1{2,}" (ASCII case-insensitive) nor "\s{2,}" can match and
   * {@code String.trim}, which that normalizer ends with, has nothing to take. The pattern reads
   * code points: a repeated character beyond 16 bits is three surrogate pairs, so any surrogate
   * sends the text through.
   */
  private static boolean mayShrink(CharSequence text) {
    int n = text.length();
    if (n > 0 && (text.charAt(0) <= ' ' || text.charAt(n - 1) <= ' ') || hasSurrogate(text)) {
      return true;
    }
    for (int i = 0; i + 1 < text.length(); i++) {
      char a = text.charAt(i);
      char b = text.charAt(i + 1);
      if (isRegexSpace(a) && isRegexSpace(b)) {
        return true;
      }
      if (i + 2 < text.length() && lowerAscii(a) == lowerAscii(b) && lowerAscii(b) == lowerAscii(text.charAt(i + 2))) {
        return true;
      }
    }
    return false;
  }

  /** Java's {@code \s} without the Unicode flag. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
