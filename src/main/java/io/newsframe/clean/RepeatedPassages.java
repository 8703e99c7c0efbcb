package io.newsframe.clean;

import io.newsframe.text.LineKeys;
import io.newsframe.text.TextNormalizer;
import io.newsframe.text.Words;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chrome glued into a line of text. Scrapers that drop line breaks join a site's menus, ad-feedback
 * forms, video lists and footers to the headline or the body ("Headline | CNNCNN values your
 * feedback 1. How relevant is this ad to you?… Log InMy Account…"), so no line repeats across
 * pages and the repeated-line rule misses them. Long word shingles still repeat: a run of words
 * covered by shingles of {@code words} words that are each in min-docs documents of the batch is
 * site chrome when it shows the glue of joined page elements, at least one glued joint
 * ("SettingsLog", "contentVideo", "to you?2.") per {@value #MAX_WORDS_PER_JOINT} words.
 * Long shingles spare what a batch legitimately repeats in shorter runs: official names and
 * slogans ("a community with a shared future for mankind", "director of the Office of the Foreign
 * Affairs Commission of the CPC Central Committee"). The glue spares prose that recurs at length:
 * quotations many articles carry, stock paragraphs, the filler of test pages. (Without it, the
 * generated 100,000-article corpus, whose stories recombine a bank of stock sentences, lost so
 * much text that 10,766 articles were still modelled instead of 74,716.)
 * Shingles are kept as a sorted array of 64-bit hashes of {@link LineKeys} word keys; the batch's
 * are counted by {@link BoilerplateRemover} in the same pass as its chrome lines.
 */
final class RepeatedPassages implements Serializable {
  private static final long serialVersionUID = 1L;
  /** A document nearly all of whose words are in repeated passages is a copy of another: dedup's call. */
  private static final double MAX_DOCUMENT_SHARE = 0.9;
  /**
   * CNN's ad-feedback form has one joint in 27 words ("to you?2. Did you"), the menus and video
   * lists after it one in every 5 to 10; prose has next to none.
   */
  private static final int MAX_WORDS_PER_JOINT = 50;

  private final long[] shingles;
  private final int words;

  RepeatedPassages(long[] sortedShingles, int words) {
    this.shingles = sortedShingles;
    this.words = words;
  }

  public static RepeatedPassages none() {
    return new RepeatedPassages(new long[0], 0);
  }

  /** How many repeated shingles the batch taught. */
  public int shingles() {
    return shingles.length;
  }

  long[] sortedShingles() {
    return shingles;
  }

  /**
   * The {@code words}-word shingle hashes of a normalized line, for learning which recur; none when
   * the line shows no glue (no passage of it could be cut) or the rule is off ({@code words} 0).
   */
  static long[] shingles(String line, int words) {
    if (words <= 0 || TextNormalizer.gluedJoints(line) == 0) {
      return new long[0];
    }
    return shingleHashes(words(line), words);
  }

  /** A word of a line (the hash of its {@link LineKeys} key) and where it stands. */
  record Word(long hash, int start, int end) {}

  static List<Word> words(String line) {
    List<Word> out = new ArrayList<>();
    Words.scan(line, false, (start, end) -> out.add(new Word(LineKeys.keyHash(line, start, end), start, end)));
    return out;
  }

  static long[] shingleHashes(List<Word> words, int length) {
    int n = words.size() - length + 1;
    if (n <= 0) {
      return new long[0];
    }
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int j = i; j < i + length; j++) {
        h = Long.rotateLeft(h, 27) ^ words.get(j).hash();
        h *= 0x100000001b3L;
      }
      out[i] = h;
    }
    return out;
  }

  /** A passage cut out of a line: characters [start, end). */
  record Span(int start, int end) {}

  /**
   * The repeated passages of each line of a document, in order: maximal runs of words covered by
   * repeated shingles that show glue. None at all when they would take nearly the whole
   * document: that is a copy of another page, for deduplication to group, not chrome to strip.
   */
  List<List<Span>> find(List<String> lines) {
    List<List<Span>> out = new ArrayList<>(lines.size());
    if (shingles.length == 0) {
      for (int i = 0; i < lines.size(); i++) {
        out.add(List.of());
      }
      return out;
    }
    int cutWords = 0;
    for (String line : lines) {
      List<Span> spans = new ArrayList<>();
      if (TextNormalizer.gluedJoints(line) > 0) {
        cutWords += runs(line, words(line), spans);
      }
      out.add(spans);
    }
    if (cutWords > 0 && cutWords >= MAX_DOCUMENT_SHARE * allWords(lines)) {
      out.replaceAll(spans -> List.of());
    }
    return out;
  }

  private static int allWords(List<String> lines) {
    int n = 0;
    for (String line : lines) {
      n += words(line).size();
    }
    return n;
  }

  /** Adds the line's glued repeated runs to {@code spans}; returns the words they hold. */
  private int runs(String line, List<Word> words, List<Span> spans) {
    long[] hashes = shingleHashes(words, this.words);
    boolean[] covered = new boolean[words.size()];
    for (int i = 0; i < hashes.length; i++) {
      if (Arrays.binarySearch(shingles, hashes[i]) >= 0) {
        Arrays.fill(covered, i, i + this.words, true);
      }
    }
    int held = 0;
    int i = 0;
    while (i < covered.length) {
      if (!covered[i]) {
        i++;
        continue;
      }
      int j = i;
      while (j < covered.length && covered[j]) {
        j++;
      }
      Span span = new Span(words.get(i).start(), words.get(j - 1).end());
      if ((long) TextNormalizer.gluedJoints(line.substring(span.start(), span.end())) * MAX_WORDS_PER_JOINT >= j - i) {
        spans.add(span);
        held += j - i;
      }
      i = j;
    }
    return held;
  }
}
