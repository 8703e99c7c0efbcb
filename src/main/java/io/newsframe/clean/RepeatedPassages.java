package io.newsframe.clean;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;

import io.newsframe.text.LineKeys;
import io.newsframe.text.TextNormalizer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;

/**
 * Chrome glued into a line of text. Scrapers that drop line breaks join a site's menus, ad-feedback
 * forms, video lists and footers to the headline or the body ("Headline | CNNCNN values your
 * feedback 1. How relevant is this ad to you?… Log InMy Account…"), so no line repeats across
 * pages and the repeated-line rule misses them. Long word shingles still repeat: a run of words
 * covered by shingles of {@code words} words that are each in min-docs documents of the batch is
 * site chrome. Long shingles spare what a batch legitimately repeats in shorter runs: official
 * names and slogans ("a community with a shared future for mankind", "director of the Office of
 * the Foreign Affairs Commission of the CPC Central Committee"), and stock sentences that stories
 * recombine (with 8-word shingles, a generated corpus built from a bank of such sentences lost
 * them, and its syndicated copies no longer matched their originals).
 * Shingles are kept as a sorted array of 64-bit hashes of {@link LineKeys} word keys.
 */
public final class RepeatedPassages implements Serializable {
  private static final long serialVersionUID = 1L;
  /** A document nearly all of whose words are in repeated passages is a copy of another: dedup's call. */
  private static final double MAX_DOCUMENT_SHARE = 0.9;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

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
   * The {@code words}-word shingles of the {@code column} texts that are in at least
   * {@code minDocs} documents, the {@code max} most frequent kept. A document counts each shingle
   * once. Returns none when {@code words} is 0 (turned off).
   */
  static RepeatedPassages learn(Dataset<?> dataset, String column, int minDocs, int words, int max) {
    if (words <= 0) {
      return none();
    }
    List<Long> hashes = dataset.select(col(column)).as(Encoders.STRING())
        .flatMap((FlatMapFunction<String, Long>) raw -> distinctShingles(raw, words), Encoders.LONG())
        .toDF("hash").groupBy("hash").agg(count("*").as("docs"))
        .where(col("docs").geq(minDocs))
        .orderBy(desc("docs"), col("hash"))
        .limit(max)
        .select("hash").as(Encoders.LONG()).collectAsList();
    return new RepeatedPassages(hashes.stream().mapToLong(Long::longValue).sorted().toArray(), words);
  }

  private static Iterator<Long> distinctShingles(String raw, int words) {
    Set<Long> seen = new HashSet<>();
    if (raw != null) {
      for (String line : TextNormalizer.normalize(raw).split("\n")) {
        for (long h : shingleHashes(words(line), words)) {
          seen.add(h);
        }
      }
    }
    return seen.iterator();
  }

  /** A word of a line and where it stands. */
  record Word(String key, int start, int end) {}

  static List<Word> words(String line) {
    List<Word> out = new ArrayList<>();
    Matcher m = WORD.matcher(line);
    while (m.find()) {
      out.add(new Word(LineKeys.key(m.group()), m.start(), m.end()));
    }
    return out;
  }

  static long[] shingleHashes(List<Word> words, int length) {
    int n = words.size() - length + 1;
    if (n <= 0) {
      return new long[0];
    }
    long[] wordHashes = new long[words.size()];
    for (int i = 0; i < wordHashes.length; i++) {
      wordHashes[i] = LineKeys.hash(words.get(i).key());
    }
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int j = i; j < i + length; j++) {
        h = Long.rotateLeft(h, 27) ^ wordHashes[j];
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
   * repeated shingles. None at all when they would take nearly the whole
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
    int allWords = 0;
    int cutWords = 0;
    for (String line : lines) {
      List<Word> words = words(line);
      allWords += words.size();
      List<Span> spans = new ArrayList<>();
      cutWords += runs(words, spans);
      out.add(spans);
    }
    if (cutWords >= MAX_DOCUMENT_SHARE * allWords) {
      out.replaceAll(spans -> List.of());
    }
    return out;
  }

  /** Adds the line's repeated runs to {@code spans}; returns the words they hold. */
  private int runs(List<Word> words, List<Span> spans) {
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
      spans.add(new Span(words.get(i).start(), words.get(j - 1).end()));
      held += j - i;
      i = j;
    }
    return held;
  }
}
