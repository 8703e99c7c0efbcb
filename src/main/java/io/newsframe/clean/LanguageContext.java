package io.newsframe.clean;

import io.newsframe.text.Words;
import java.util.regex.Pattern;
import opennlp.tools.util.StringUtil;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
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
  private static final CharSequenceNormalizer NUMBER = NumberCharSequenceNormalizer.getInstance();
  // OpenNLP's Twitter and shrink normalizers' patterns, compiled as they compile them (opennlp-tools
  // 2.5.4), for the replacements made here one by one (the face and white-space ones are scans);
  // LanguageGuesserTest holds the result to the normalizers' own.
  private static final Pattern HASH_USER = Pattern.compile("[#@]\\S+");
  private static final Pattern RETWEET = Pattern.compile("\\b(rt[ :])+", Pattern.CASE_INSENSITIVE);
  private static final Pattern LAUGH = Pattern.compile("([hj])+([aieou])+(\\1+\\2+)+", Pattern.CASE_INSENSITIVE);
  private static final Pattern REPEATED_CHAR = Pattern.compile("(.)\\1{2,}", Pattern.CASE_INSENSITIVE);

  private LanguageContext() {}

  /**
   * The text as the detector reads it: OpenNLP's normalizers in OpenNLP's order, then lower-cased
   * as OpenNLP does. Each normalizer is a few regular-expression replacements over the whole text
   * (a quarter of the detector's time). Each replacement runs only where a quick scan finds what
   * its pattern needs to match at all (a surrogate, "://" or "@", a digit...); the two that prose
   * nearly always needs (the face pattern matches the "xp" of "expect", and paragraphs are runs of
   * white space) are scans that replace what the pattern would. The text is the same.
   */
  static String normalized(CharSequence document) {
    CharSequence text = document;
    if (mayHaveEmojiPatternChars(text)) {
      text = EMOJI.normalize(text);
    }
    if (indexOf(text, "://") >= 0 || indexOf(text, "@") >= 0) {
      text = URL.normalize(text);
    }
    text = twitterNormalized(text);
    if (hasAsciiDigit(text)) {
      text = NUMBER.normalize(text);
    }
    return StringUtil.toLowerCaseCharBuffer(shrunk(text)).toString();
  }

  /** OpenNLP's Twitter normalizer: its four replacements, in its order. */
  private static CharSequence twitterNormalized(CharSequence text) {
    if (indexOf(text, "#") >= 0 || indexOf(text, "@") >= 0) {
      text = HASH_USER.matcher(text).replaceAll(" ");
    }
    if (mayHaveRetweetMark(text)) {
      text = RETWEET.matcher(text).replaceAll(" ");
    }
    text = withoutFaces(text);
    if (mayLaugh(text)) {
      text = LAUGH.matcher(text).replaceAll("$1$2$1$2");
    }
    return text;
  }

  /** OpenNLP's shrink normalizer: runs of white space, then runs of one character, then the ends trimmed. */
  private static String shrunk(CharSequence text) {
    CharSequence spaced = collapsedSpaces(text);
    if (mayHaveRepeatedChar(spaced)) {
      spaced = REPEATED_CHAR.matcher(spaced).replaceAll("$1$1");
    }
    return spaced.toString().trim();
  }

  /**
   * Each match of OpenNLP's face pattern "[:;x]-?[()dop]" (ASCII case-insensitive) replaced by a
   * space, as its replaceAll does: leftmost first, the hyphen taken when a mouth follows it.
   */
  private static CharSequence withoutFaces(CharSequence text) {
    return eachReplacedBySpace(text, LanguageContext::faceEnd);
  }

  /** Each run of two or more of Java's {@code \s} (without the Unicode flag) as one space: OpenNLP's "\s{2,}". */
  private static CharSequence collapsedSpaces(CharSequence text) {
    return eachReplacedBySpace(text, LanguageContext::spaceRunEnd);
  }

  /** Where a match of a pattern that starts at {@code at} ends, or -1 where none starts there. */
  private interface MatchEnd {
    int at(CharSequence text, int at);
  }

  /** The text with each match a space, leftmost first and not overlapping, as Matcher.replaceAll. */
  private static CharSequence eachReplacedBySpace(CharSequence text, MatchEnd match) {
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < text.length(); i++) {
      int end = match.at(text, i);
      if (end < 0) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, i).append(' ');
      copied = end;
      i = end - 1;
    }
    return out == null ? text : out.append(text, copied, text.length());
  }

  private static int faceEnd(CharSequence text, int at) {
    char eyes = text.charAt(at);
    if (at + 1 >= text.length() || eyes != ':' && eyes != ';' && eyes != 'x' && eyes != 'X') {
      return -1;
    }
    if (text.charAt(at + 1) == '-' && at + 2 < text.length() && isMouth(text.charAt(at + 2))) {
      return at + 3;
    }
    return isMouth(text.charAt(at + 1)) ? at + 2 : -1;
  }

  private static boolean isMouth(char c) {
    return "()dopDOP".indexOf(c) >= 0;
  }

  private static int spaceRunEnd(CharSequence text, int at) {
    int end = at;
    while (end < text.length() && Words.isRegexSpace(text.charAt(end))) {
      end++;
    }
    return end - at >= 2 ? end : -1;
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
   * False only where "\b(rt[ :])+" (ASCII case-insensitive) cannot match: before every "rt" that a
   * space or colon follows stands a letter, digit or underscore, so no word starts at it.
   */
  private static boolean mayHaveRetweetMark(CharSequence text) {
    for (int i = 0; i + 2 < text.length(); i++) {
      if (lowerAscii(text.charAt(i)) == 'r' && lowerAscii(text.charAt(i + 1)) == 't'
          && (text.charAt(i + 2) == ' ' || text.charAt(i + 2) == ':')) {
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        if (!Character.isLetterOrDigit(before) && before != '_') {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * False only where "([hj])+([aieou])+(\1+\2+)+" (ASCII case-insensitive) cannot match: its match
   * holds an h or j, vowels, and that letter again.
   */
  private static boolean mayLaugh(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = lowerAscii(text.charAt(i));
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
   * False only where "(.)\1{2,}" (ASCII case-insensitive) cannot match: no character stands three
   * times in a row. The pattern reads code points: a character beyond 16 bits repeated is three
   * surrogate pairs, so any surrogate sends the text through.
   */
  private static boolean mayHaveRepeatedChar(CharSequence text) {
    if (hasSurrogate(text)) {
      return true;
    }
    for (int i = 0; i + 2 < text.length(); i++) {
      char a = lowerAscii(text.charAt(i));
      if (a == lowerAscii(text.charAt(i + 1)) && a == lowerAscii(text.charAt(i + 2))) {
        return true;
      }
    }
    return false;
  }

  private static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
