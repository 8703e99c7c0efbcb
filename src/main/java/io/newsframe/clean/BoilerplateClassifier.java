package io.newsframe.clean;

import io.newsframe.config.CleanSettings;
import io.newsframe.text.StopWords;
import io.newsframe.text.Words;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Decides for each line of one normalized article whether it is body text, in the manner of
 * jusText adapted to plain text: lines are first classed by wording rules, corpus-level repetition,
 * length and function-word density; short and borderline lines then follow their neighbours; the
 * body ends at an end marker ("Source link", "Leave a Reply") once enough of it has been seen; and
 * what lies before the first and after the last body line is chrome.
 */
final class BoilerplateClassifier implements Serializable {
  private static final long serialVersionUID = 1L;

  enum Kind { GOOD, NEAR_GOOD, SHORT, BAD }

  /** One line's verdict. */
  public record Verdict(int index, String text, LineReason reason) {}

  private final CleanSettings.Boilerplate settings;

  public BoilerplateClassifier(CleanSettings.Boilerplate settings) {
    this.settings = settings;
  }

  /**
   * @param lines the article's non-empty lines, in order
   * @param repeated whether a line is corpus-level chrome
   */
  public List<Verdict> classify(List<String> lines, Predicate<String> repeated) {
    int n = lines.size();
    // Each line's density is counted once: the page's and the line's own test both read it.
    double[] density = new double[n];
    for (int i = 0; i < n; i++) {
      density[i] = stopWordDensity(lines.get(i));
    }
    boolean prose = documentStopWordDensity(lines, density) >= FOREIGN_DENSITY;
    Kind[] kind = new Kind[n];
    LineReason[] reason = new LineReason[n];
    for (int i = 0; i < n; i++) {
      String line = lines.get(i);
      LineReason rule = LineRules.reasonFor(line);
      if (rule == null && repeated.test(line)) {
        rule = LineReason.REPEATED_LINE;
      }
      reason[i] = rule;
      kind[i] = rule != null ? Kind.BAD : prose ? byContent(line, density[i]) : byShape(line);
    }
    headings(lines, kind);
    shortByNeighbours(kind);
    nearGoodByNeighbours(kind);
    endAtMarker(lines, kind, reason);
    List<Verdict> verdicts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      LineReason r = reason[i];
      if (kind[i] != Kind.GOOD && r == null) {
        r = looksLikeSentence(lines.get(i)) ? LineReason.LOW_CONTENT : LineReason.NAVIGATION;
      }
      verdicts.add(new Verdict(i, lines.get(i), kind[i] == Kind.GOOD ? null : r));
    }
    return verdicts;
  }

  /**
   * Below this share of English function words over the whole article, it is in another language:
   * lines are then judged by length and sentence shape alone.
   */
  private static final double FOREIGN_DENSITY = 0.08;

  private static double documentStopWordDensity(List<String> lines, double[] density) {
    long chars = 0;
    double weighted = 0;
    for (int i = 0; i < density.length; i++) {
      weighted += density[i] * lines.get(i).length();
      chars += lines.get(i).length();
    }
    return chars == 0 ? 0 : weighted / chars;
  }

  private Kind byShape(String line) {
    int ideographs = ideographs(line);
    int chars = line.length() + ideographs;
    if (chars >= settings.longChars()) {
      return Kind.GOOD;
    }
    if (chars >= settings.shortChars()) {
      return ideographs >= PROSE_IDEOGRAPHS || looksLikeSentence(line) ? Kind.NEAR_GOOD : Kind.BAD;
    }
    return Kind.SHORT;
  }

  private Kind byContent(String line, double density) {
    int chars = latinLength(line);
    if (density >= settings.stopWordDensity()) {
      if (chars >= settings.longChars()) {
        return Kind.GOOD;
      }
      if (chars >= settings.shortChars()) {
        return Kind.NEAR_GOOD;
      }
    }
    return chars < settings.shortChars() ? Kind.SHORT : Kind.BAD;
  }


  /** A short line right before body text, with no sentence end, is a subheading of it. */
  private void headings(List<String> lines, Kind[] kind) {
    for (int i = 0; i < kind.length; i++) {
      if (kind[i] != Kind.SHORT || looksLikeSentence(lines.get(i))) {
        continue;
      }
      int distance = 0;
      for (int j = i + 1; j < kind.length && distance <= settings.maxHeadingDistance(); j++) {
        if (kind[j] == Kind.GOOD) {
          kind[i] = Kind.NEAR_GOOD;
          break;
        }
        distance += lines.get(j).length();
      }
    }
  }

  private static void shortByNeighbours(Kind[] kind) {
    Kind[] before = kind.clone();
    for (int i = 0; i < kind.length; i++) {
      if (before[i] != Kind.SHORT) {
        continue;
      }
      Kind prev = neighbour(before, i, -1, Kind.SHORT);
      Kind next = neighbour(before, i, 1, Kind.SHORT);
      if (prev == Kind.GOOD && next == Kind.GOOD) {
        kind[i] = Kind.GOOD;
      } else if (prev == Kind.BAD && next == Kind.BAD) {
        kind[i] = Kind.BAD;
      } else if (prev == Kind.GOOD || next == Kind.GOOD) {
        kind[i] = Kind.NEAR_GOOD;
      } else {
        kind[i] = Kind.BAD;
      }
    }
  }

  private static void nearGoodByNeighbours(Kind[] kind) {
    Kind[] before = kind.clone();
    for (int i = 0; i < kind.length; i++) {
      if (before[i] != Kind.NEAR_GOOD) {
        continue;
      }
      Kind prev = neighbour(before, i, -1, Kind.NEAR_GOOD);
      Kind next = neighbour(before, i, 1, Kind.NEAR_GOOD);
      kind[i] = prev == Kind.GOOD || next == Kind.GOOD ? Kind.GOOD : Kind.BAD;
    }
  }

  /** The nearest class in a direction that is not {@code skip}; past the edges is BAD. */
  private static Kind neighbour(Kind[] kind, int i, int step, Kind skip) {
    for (int j = i + step; j >= 0 && j < kind.length; j += step) {
      if (kind[j] != skip && !(skip == Kind.NEAR_GOOD && kind[j] == Kind.SHORT)) {
        return kind[j];
      }
    }
    return Kind.BAD;
  }

  /**
   * Everything from an end marker on is footer or teasers, once the body has begun. (Keeping prose
   * that follows a marker scored worse on the boilerplate pages: it is mostly reader comments.)
   */
  private void endAtMarker(List<String> lines, Kind[] kind, LineReason[] reason) {
    long body = 0;
    for (int i = 0; i < kind.length; i++) {
      boolean ends = (body >= settings.minBodyCharsBeforeEnd() && LineRules.isStrongEndMarker(lines.get(i)))
          || (body >= WEAK_MARKER_BODY_FACTOR * settings.minBodyCharsBeforeEnd()
              && !inlineBox(lines, kind, i)
              && LineRules.isWeakEndMarker(lines.get(i)));
      if (ends) {
        for (int j = i; j < kind.length; j++) {
          kind[j] = Kind.BAD;
          if (reason[j] == null) {
            reason[j] = j == i ? LineReason.FOOTER : LineReason.TEASER;
          }
        }
        return;
      }
      if (kind[i] == Kind.GOOD) {
        body += lines.get(i).length();
      }
    }
  }

  /**
   * A section name followed within two short lines by a long paragraph heads a box inside the
   * article ("Related" and one link, then the story goes on), not the end of it. Comment sections
   * open with names and dates instead. (On the boilerplate pages: F1 +0.0036; 1 line +0.0005,
   * 3 lines and 5 lines lower.)
   */
  private static boolean inlineBox(List<String> lines, Kind[] kind, int marker) {
    int chars = 0;
    for (int j = marker + 1; j < kind.length && j <= marker + 1 + INLINE_BOX_LINES; j++) {
      if (kind[j] == Kind.GOOD && lines.get(j).length() >= INLINE_BOX_PARAGRAPH_CHARS) {
        return true;
      }
      chars += lines.get(j).length();
      if (chars > INLINE_BOX_CHARS) {
        return false;
      }
    }
    return false;
  }

  private static final int INLINE_BOX_LINES = 2;
  private static final int INLINE_BOX_CHARS = 200;
  private static final int INLINE_BOX_PARAGRAPH_CHARS = 400;

  /**
   * A section name ("Related", "Comments") ends the body only after this many times the body a
   * comment form needs: such names also head boxes inside long articles (on the boilerplate
   * pages 3 scored best, F1 +0.007 over 1; 2 and 4 were lower).
   */
  private static final int WEAK_MARKER_BODY_FACTOR = 3;

  static double stopWordDensity(String line) {
    int words = 0;
    int stops = 0;
    int start = -1;
    for (int i = 0; i <= line.length(); i++) {
      boolean letter = i < line.length() && (Character.isLetter(line.charAt(i)) || line.charAt(i) == '\'');
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        words++;
        if (StopWords.isEnglish(line, start, i)) {
          stops++;
        }
        start = -1;
      }
    }
    return words == 0 ? 0 : (double) stops / words;
  }

  /**
   * A line's length in Latin characters' worth, which the length thresholds (set on Latin-script
   * pages) are measured in: a Chinese or Japanese character counts twice. Counted once, a Chinese
   * paragraph of 70 characters was too short to anchor a body, and whole articles went as menus.
   * On the six Chinese and Japanese gold pages the mean page F1 went from 0.56 to 0.75 (counting
   * three times scored lower on the Japanese ones); {@link #PROSE_IDEOGRAPHS} took it to 0.82.
   */
  static int latinLength(String line) {
    return line.length() + ideographs(line);
  }

  /** How many Chinese characters and Japanese kana {@code line} has. */
  static int ideographs(String line) {
    int count = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c >= FIRST_KANA && isIdeographOrKana(c)) {
        count++;
      }
    }
    return count;
  }

  private static final char FIRST_KANA = '\u3040';

  private static boolean isIdeographOrKana(char c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
  }

  /** Chinese and Japanese write a sentence without spaces: ten characters stand for five words. */
  private static final int SENTENCE_IDEOGRAPHS = 10;

  /**
   * A line of this many Chinese or Japanese characters is prose even without a full stop at its end
   * (blogs write captions and paragraphs so); their menus and tabs are two to six characters long.
   */
  private static final int PROSE_IDEOGRAPHS = 2 * SENTENCE_IDEOGRAPHS;

  /**
   * Ends as a sentence does, full stop or closing quote (with a Chinese or Japanese full stop too),
   * and is long enough to be one.
   */
  static boolean looksLikeSentence(String line) {
    String t = line.strip();
    if (t.isEmpty()) {
      return false;
    }
    return switch (t.charAt(t.length() - 1)) {
      case '.', '!', '?', '"', '”', '’' -> Words.count(t) >= 5;
      case '。', '！', '？', '」', '』' -> Words.count(t) >= 5 || ideographs(t) >= SENTENCE_IDEOGRAPHS;
      default -> false;
    };
  }
}
