package io.newsframe.clean;

import io.newsframe.config.CleanSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The duplicate graph of a small batch, built and split into components on the driver: the same
 * links as {@link DuplicateClusters}' Spark path (exact groups as stars on their smallest id;
 * band buckets, all pairs or a star past max-bucket, pairs of two earlier articles left out;
 * signatures agreeing on the threshold share) and the same labels (each component's smallest id,
 * strings ordered as Spark orders them).
 * A nightly batch of a thousand articles was some forty Spark jobs here, a few seconds of a run
 * that has little else to do; on the driver it is milliseconds. Used up to {@link #MAX_ROWS}
 * signature rows (batch and relevant earlier ones), about 35 MB; past that the Spark path runs.
 */
final class DriverComponents {
  /** The most signature rows taken to the driver: a row is about 700 bytes (100 ints, 20 longs, an id). */
  static final long MAX_ROWS = 50_000;
  /**
   * The most links whose components are found on the driver once Spark has built the graph: two
   * ids each, read one partition at a time into a union-find of at most twice as many ids (about
   * 150 bytes each, so 150 MB at most). Past that, the links are first made stars within tasks
   * ({@code DuplicateClusters.asStars}, a few passes), and Spark's label propagation runs if
   * those are still too many: a round of it is a few Spark jobs, and on a 100,000-article batch
   * it took 15 s of the clean stage's 97 s (it then moved a label one link a round, and ran into
   * its cap of 40 rounds).
   */
  static final long MAX_LINKS = 500_000;
  /** Strings as Spark orders them: by their UTF-8 bytes. */
  static final Comparator<String> SPARK_ORDER =
      Comparator.comparing(UTF8String::fromString);
  private static final StructType SCHEMA = new StructType().add("vertex", "string").add("component", "string");

  private DriverComponents() {}

  /** One signature row: {@code fresh} when it is the batch's, false for an earlier run's article. */
  record Signature(String id, long exact, int[] sig, long[] bands, boolean fresh) implements java.io.Serializable {}

  /**
   * @param all rows with id, exact, sig, bands and fresh (the Spark path's input), at most {@link #MAX_ROWS}
   * @return (vertex, component) for every article with a link, as {@code DuplicateClusters.components}
   */
  static Dataset<Row> of(Dataset<Row> all, CleanSettings.Dedup settings, boolean withEarlier) {
    return labels(components(signatures(all), settings.maxBucket(), settings.threshold(), withEarlier),
        all.sparkSession());
  }

  /**
   * The signature rows, made where they are computed from Spark's own rows. Collected as Rows, each
   * number of a signature became a boxed object on the driver on the way: a night's 21,725 rows of
   * 120 numbers took 1.05 s so, 0.28 s made here.
   */
  static List<Signature> signatures(Dataset<Row> all) {
    return all.select("id", "exact", "sig", "bands", "fresh").queryExecution().toRdd().toJavaRDD()
        .map(row -> new Signature(row.getUTF8String(0).toString(), row.getLong(1), row.getArray(2).toIntArray(),
            row.getArray(3).toLongArray(), row.getBoolean(4)))
        .collect();
  }

  /**
   * The components of a graph Spark has built, at most {@link #MAX_LINKS} links.
   *
   * @param links (src, dst) rows
   * @return (vertex, component) for every id in a link, its component's smallest id
   */
  static Dataset<Row> ofLinks(Dataset<Row> links) {
    LinkSets sets = new LinkSets();
    Iterator<Row> rows = links.select("src", "dst").toLocalIterator();
    while (rows.hasNext()) {
      Row link = rows.next();
      sets.link(link.getString(0), link.getString(1));
    }
    return labels(sets.roots(), links.sparkSession());
  }

  private static Dataset<Row> labels(Map<String, String> roots, SparkSession spark) {
    List<Row> labels = new ArrayList<>(roots.size());
    roots.forEach((vertex, component) -> labels.add(RowFactory.create(vertex, component)));
    return spark.createDataFrame(labels, SCHEMA);
  }

  /** Each linked id and its component's smallest id. */
  static Map<String, String> components(List<Signature> rows, int maxBucket, double threshold, boolean withEarlier) {
    LinkSets links = new LinkSets();
    linkExactCopies(rows, links);
    linkNearCopies(rows, maxBucket, threshold, withEarlier, links);
    return links.roots();
  }

  /** Rows sharing an exact hash (two or more rows): each id but the smallest linked to it. */
  private static void linkExactCopies(List<Signature> rows, LinkSets links) {
    Map<Long, List<String>> byExact = new HashMap<>();
    for (Signature row : rows) {
      byExact.computeIfAbsent(row.exact(), k -> new ArrayList<>()).add(row.id());
    }
    for (List<String> ids : byExact.values()) {
      if (ids.size() > 1) {
        String root = ids.stream().min(SPARK_ORDER).orElseThrow();
        ids.stream().filter(id -> !id.equals(root)).forEach(id -> links.link(id, root));
      }
    }
  }

  private record Member(String id, boolean fresh) {}

  private record BandKey(int band, long hash) {}

  private static void linkNearCopies(List<Signature> rows, int maxBucket, double threshold, boolean withEarlier,
      LinkSets links) {
    Set<BandKey> batchKeys = new HashSet<>();
    for (Signature row : rows) {
      if (row.fresh()) {
        for (int band = 0; band < row.bands().length; band++) {
          batchKeys.add(new BandKey(band, row.bands()[band]));
        }
      }
    }
    Map<BandKey, List<Member>> buckets = new HashMap<>();
    Map<String, List<int[]>> signatures = new HashMap<>();
    for (Signature row : rows) {
      signatures.computeIfAbsent(row.id(), k -> new ArrayList<>()).add(row.sig());
      for (int band = 0; band < row.bands().length; band++) {
        BandKey key = new BandKey(band, row.bands()[band]);
        if (!withEarlier || batchKeys.contains(key)) {
          buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(new Member(row.id(), row.fresh()));
        }
      }
    }
    Comparator<Member> order = Comparator.comparing(Member::id, SPARK_ORDER).thenComparing(Member::fresh);
    Set<List<String>> compared = new HashSet<>();
    for (List<Member> members : buckets.values()) {
      if (members.size() < 2) {
        continue;
      }
      members.sort(order);
      boolean star = members.size() > maxBucket;
      for (int i = 0; i < (star ? 1 : members.size()); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          Member a = members.get(i);
          Member b = members.get(j);
          if ((a.fresh() || b.fresh()) && compared.add(List.of(a.id(), b.id()))
              && MinHasher.anySimilar(signatures.get(a.id()), signatures.get(b.id()), threshold)) {
            links.link(a.id(), b.id());
          }
        }
      }
    }
  }
}
