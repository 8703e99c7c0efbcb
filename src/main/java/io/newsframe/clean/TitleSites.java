package io.newsframe.clean;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;

import io.newsframe.text.LineKeys;
import io.newsframe.text.TextNormalizer;
import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The site names a batch's titles end with ("Headline — RT World News", "Headline | CNN Politics",
 * "Headline - People's Daily Online"), learned from the batch like its chrome lines: a last
 * title segment is a site name when it ends at least min-docs titles and ends titles at least as
 * often as it appears inside headlines. The second test keeps attribution tails out ("Ceasefire
 * 'unacceptable' – Kremlin"): a speaker is also written about in headlines, a site name is not.
 * Keys are {@link LineKeys#key} forms, so case, punctuation and digits do not matter.
 */
final class TitleSites implements Serializable {
  private static final long serialVersionUID = 1L;
  /** "Headline | Site", "Headline - Site", "Headline — Site": spaced separators only, so hyphenated words stay. */
  static final Pattern SEPARATOR = Pattern.compile("\\s+(?:\\||-|–|—|::|»)\\s+");
  private static final int MAX_SITE_WORDS = 6;

  private final Set<String> keys;

  public TitleSites(Set<String> keys) {
    this.keys = Collections.unmodifiableSet(new TreeSet<>(keys));
  }

  public static TitleSites none() {
    return new TitleSites(Set.of());
  }

  public Set<String> keys() {
    return keys;
  }

  /** A title without its learned site segments, and the outermost one it ended with. */
  public record Split(String headline, String site) {}

  /** Strips learned site segments from the end ("Headline - Section - Site"), keeping a headline. */
  public Split split(String title) {
    if (title == null || keys.isEmpty()) {
      return new Split(title, null);
    }
    String headline = title;
    String site = null;
    String[] last;
    while ((last = lastSegment(headline)) != null && keys.contains(LineKeys.key(last[1]))) {
      headline = last[0];
      site = site == null ? last[1] : site;
    }
    return new Split(headline, site);
  }

  /** {headline part, last segment} when the title has a separator with text on both sides, else null. */
  static String[] lastSegment(String title) {
    var m = SEPARATOR.matcher(title);
    int start = -1;
    int end = -1;
    while (m.find()) {
      start = m.start();
      end = m.end();
    }
    if (start <= 0 || end >= title.length()) {
      return null;
    }
    String head = title.substring(0, start).strip();
    String tail = title.substring(end).strip();
    return head.isEmpty() || tail.isEmpty() ? null : new String[] {head, tail};
  }

  /**
   * Learns the site names of the batch's {@code titleColumn}: two aggregations, each returning at
   * most maxSites rows to the driver.
   */
  public static TitleSites learn(Dataset<?> dataset, String titleColumn, int minDocs, int maxSites) {
    if (dataset.schema().getFieldIndex(titleColumn).isEmpty()) {
      return none();
    }
    Dataset<String> titles = dataset.select(col(titleColumn).cast("string")).as(Encoders.STRING())
        .filter((org.apache.spark.api.java.function.FilterFunction<String>) t -> t != null && !t.isBlank());
    Map<String, Long> endings = counts(titles.flatMap(
        (FlatMapFunction<String, String>) TitleSites::endingKey, Encoders.STRING()), minDocs, maxSites);
    if (endings.isEmpty()) {
      return none();
    }
    Set<String> candidates = new TreeSet<>(endings.keySet());
    Map<String, Long> inside = counts(titles.flatMap(
        (FlatMapFunction<String, String>) t -> insideKeys(t, candidates), Encoders.STRING()), 1, maxSites);
    Set<String> sites = new TreeSet<>();
    endings.forEach((key, n) -> {
      if (n >= inside.getOrDefault(key, 0L)) {
        sites.add(key);
      }
    });
    return new TitleSites(sites);
  }

  private static Map<String, Long> counts(Dataset<String> keys, int minDocs, int max) {
    List<Row> rows = keys.toDF("key").groupBy("key").agg(count("*").as("n"))
        .where(col("n").geq(minDocs)).orderBy(desc("n"), col("key")).limit(max).collectAsList();
    Map<String, Long> out = new HashMap<>();
    rows.forEach(r -> out.put(r.getString(0), r.getLong(1)));
    return out;
  }

  private static Iterator<String> endingKey(String title) {
    String[] last = lastSegment(TextNormalizer.normalize(title).replace('\n', ' '));
    if (last == null) {
      return Collections.emptyIterator();
    }
    String key = LineKeys.key(last[1]);
    int words = LineKeys.words(key);
    return words == 0 || words > MAX_SITE_WORDS ? Collections.emptyIterator() : List.of(key).iterator();
  }

  /** The candidates a title's headline part (all but its last segment) contains as whole words. */
  private static Iterator<String> insideKeys(String title, Set<String> candidates) {
    String normalized = TextNormalizer.normalize(title).replace('\n', ' ');
    String[] last = lastSegment(normalized);
    String[] words = LineKeys.key(last == null ? normalized : last[0]).split(" ");
    Set<String> found = new TreeSet<>();
    for (int from = 0; from < words.length; from++) {
      StringBuilder gram = new StringBuilder();
      for (int to = from; to < Math.min(words.length, from + MAX_SITE_WORDS); to++) {
        gram.append(to > from ? " " : "").append(words[to]);
        if (candidates.contains(gram.toString())) {
          found.add(gram.toString());
        }
      }
    }
    return found.iterator();
  }
}
