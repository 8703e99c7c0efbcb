package io.newsframe.clean;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.newsframe.config.CleanSettings;
import io.newsframe.tables.Checkpoints;
import io.newsframe.tables.Tables.Articles;
import io.newsframe.tables.Tables.DupIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.StreamSupport;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.catalyst.encoders.RowEncoder;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.sketch.BloomFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact and near-duplicate clusters over articles: exact duplicates share a hash of their
 * normalized text; near duplicates share a MinHash band and are verified on their signatures;
 * clusters are the connected components of both kinds of links, found in Spark, or on the driver
 * for a batch or a graph small enough ({@link DriverComponents}, the same result). Every article gets
 * {@code dup_cluster} (its component's smallest id), {@code dup_kind} and {@code is_canonical}.
 *
 * <p>Canonical articles of earlier runs take part through their stored signatures (the
 * {@code dup_index} table), not their texts: only those sharing an exact hash or a band with the
 * batch are joined in, so the work grows with the batch, not with the history. A batch article
 * linked to one of them joins that article's cluster and is not canonical (the earlier article
 * was modelled already); linked to several earlier clusters, it joins the cluster of the earlier
 * article it copies exactly, else the smallest.
 */
final class DuplicateClusters {
  private static final int MAX_ITERATIONS = 40;
  /** Whether a signature row is of the batch (true) or of an earlier run's indexed article. */
  private static final String FRESH = "fresh";
  /**
   * The share of the index rows that share no key with the batch yet pass its Bloom filter. A row
   * is tested on its exact hash and each band's key, and passes when any of them is a false
   * positive: so each key's rate is set far lower ({@link #keyFalsePositives}).
   */
  static final double ROW_FALSE_POSITIVES = 0.01;
  /** The most keys the filter is sized for: at 20 bands, about 40 MB. */
  private static final long MAX_FILTER_KEYS = 20_000_000L;
  /**
   * The most signature rows sent whole to every task that verifies candidate pairs (read on the
   * driver, then broadcast): a row is about 450 bytes, so at most about 90 MB. Past it, the pairs
   * that pass a test of their {@link SignatureSketch}es are joined with the signatures by sorting.
   */
  static final long MAX_BROADCAST_SIGNATURES = 200_000;
  /** The most links one task turns into stars: its union-find then holds at most about 75 MB of ids. */
  static final long MAX_LINKS_PER_TASK = 250_000;
  /** Star passes at most before label propagation takes what is left. */
  static final int MAX_STAR_PASSES = 6;

  /** A signature's {@link SignatureSketch}, of its column (a list of numbers). */
  private static final UserDefinedFunction SKETCH_OF = udf((UDF1<scala.collection.immutable.Seq<Integer>, byte[]>)
      sig -> SignatureSketch.of(toInts(scala.jdk.javaapi.CollectionConverters.asJava(sig))), DataTypes.BinaryType);

  /** A signature as bytes, four to a number. */
  private static final UserDefinedFunction PACKED = udf((UDF1<scala.collection.immutable.Seq<Integer>, byte[]>)
      sig -> packed(toInts(scala.jdk.javaapi.CollectionConverters.asJava(sig))), DataTypes.BinaryType);

  private static final Logger LOG = LoggerFactory.getLogger(DuplicateClusters.class);

  private DuplicateClusters() {}

  /**
   * @param articles rows with id, text, words and a boolean column {@code preferred} (articles
   *     that should be canonical before others: quality and language pass)
   */
  public static Dataset<Row> assign(Dataset<Row> articles, CleanSettings.Dedup settings) {
    return assign(articles, settings, null);
  }

  /**
   * @param earlier rows of dup_index from earlier runs (id, dup_cluster, exact_hash, signature,
   *     bands), or null
   * @return the articles with dup_cluster, dup_kind and is_canonical, and their signature columns
   *     (exact_hash, signature, bands) for the index
   */
  public static Dataset<Row> assign(Dataset<Row> articles, CleanSettings.Dedup settings, Dataset<Row> earlier) {
    MinHasher hasher = new MinHasher(settings);
    StructType sigType = new StructType().add("id", "string").add("exact", "long")
        .add("sig", DataTypes.createArrayType(DataTypes.IntegerType, false))
        .add("bands", DataTypes.createArrayType(DataTypes.LongType, false));
    Dataset<Row> signatures = Checkpoints.keep(articles.select(col(Articles.ID), col(Articles.TEXT))
        .map((MapFunction<Row, Row>) row -> signatureRow(hasher, row.getString(0), row.getString(1)),
            RowEncoder.encoderFor(sigType)));
    long batchRows = signatures.count();
    // An empty index (a first run's) is not passed over, nor the batch's keys gathered for the test.
    Dataset<Row> previous = earlier == null || earlier.isEmpty() ? null
        : Checkpoints.keep(relevantEarlier(signatures, batchRows, earlier, settings));
    long earlierRows = previous == null ? 0 : previous.count();
    if (earlierRows == 0) {
      // No earlier article shares a key with the batch (always so on a new warehouse): the batch
      // alone, without the passes that keep only its own buckets.
      previous = null;
    }
    Dataset<Row> all = previous == null ? signatures.withColumn(FRESH, lit(true))
        : signatures.withColumn(FRESH, lit(true)).unionByName(previous.drop("old_cluster").withColumn(FRESH, lit(false)));
    long rows = batchRows + earlierRows;
    Dataset<Row> components = rows <= DriverComponents.MAX_ROWS
        ? DriverComponents.of(all, settings, previous != null)
        : sparkComponents(all, rows, settings, previous != null);
    Dataset<Row> exactCount = all.groupBy("exact").agg(count(lit(1)).as("exact_n"));
    // The clusters are worked out on narrow rows, and the articles joined with them once: their texts,
    // raw and clean, are most of a row's bytes, and at a million articles each of the joins and the
    // window below moved all of them again (four shuffles of 1.6 GB).
    Dataset<Row> labelled = articles.select(col(Articles.ID), col("preferred"), col(Articles.WORDS))
        .join(signatures.select(col("id").as("sig_id"), col("exact")), col(Articles.ID).equalTo(col("sig_id")))
        .drop("sig_id")
        .join(exactCount, "exact")
        .join(components, col(Articles.ID).equalTo(col("vertex")), "left");
    if (previous != null) {
      Dataset<Row> earlierClusters = components
          .join(previous.select(col("id").as("old_id"), col("old_cluster")), col("vertex").equalTo(col("old_id")))
          .groupBy(col("component").as("old_component")).agg(min("old_cluster").as("earlier_cluster"));
      // An exact copy of an earlier article joins that article's cluster even where the batch also
      // links it to other earlier clusters (a new article near two old ones that were apart): the
      // smallest of them would depend on how the ids happen to sort.
      Dataset<Row> exactClusters = previous.groupBy(col("exact").as("earlier_exact"))
          .agg(min("old_cluster").as("exact_cluster"));
      labelled = labelled.join(earlierClusters, col("component").equalTo(col("old_component")), "left")
          .drop("old_component")
          .join(exactClusters, col("exact").equalTo(col("earlier_exact")), "left")
          .withColumn("earlier_cluster", coalesce(col("exact_cluster"), col("earlier_cluster")))
          .drop("earlier_exact", "exact_cluster");
    } else {
      labelled = labelled.withColumn("earlier_cluster", lit(null).cast("string"));
    }
    labelled = labelled
        .withColumn(Articles.DUP_CLUSTER, coalesce(col("earlier_cluster"), col("component"), col(Articles.ID)))
        .withColumn(Articles.DUP_KIND, when(col("exact_n").gt(1), lit("exact"))
            .when(col("component").isNotNull(), lit("near")))
        .drop("vertex", "component", "exact_n");
    var best = Window.partitionBy(Articles.DUP_CLUSTER)
        .orderBy(col("preferred").desc(), col(Articles.WORDS).desc(), col(Articles.ID));
    Dataset<Row> labels = labelled
        .withColumn(Articles.IS_CANONICAL, col("earlier_cluster").isNull().and(row_number().over(best).equalTo(1)))
        .join(signatures.select(col("id").as("sig_id"), col("sig"), col("bands")), col(Articles.ID).equalTo(col("sig_id")))
        .select(col(Articles.ID).as("label_id"), col("exact").as(DupIndex.EXACT_HASH), col("sig").as(DupIndex.SIGNATURE),
            col("bands").as(DupIndex.BANDS), col(Articles.DUP_CLUSTER), col(Articles.DUP_KIND), col(Articles.IS_CANONICAL));
    // A batch's labels (a signature and a cluster per article) fit where its signatures do: sent
    // to every task whole, the articles meet them where they stand, in the tasks they were
    // cleaned in. Joined by sorting, the articles, their texts most of a row's bytes, were shuffled
    // and sorted once more, into as few tasks as adaptive execution made of the shuffle.
    Dataset<Row> joinable = batchRows <= MAX_BROADCAST_SIGNATURES ? broadcast(labels) : labels;
    return articles.join(joinable, col(Articles.ID).equalTo(col("label_id"))).drop("label_id");
  }

  /**
   * The duplicate graph of {@code all} (id, exact, sig, bands, fresh), built in Spark, and its
   * components: (vertex, component) for every linked article ({@link #componentsOf}).
   * {@link DriverComponents#of} gives the same for small batches.
   */
  static Dataset<Row> sparkComponents(Dataset<Row> all, long rows, CleanSettings.Dedup settings,
      boolean withEarlier) {
    Dataset<Row> links = Checkpoints.keep(
        exactEdges(all.drop(FRESH)).union(nearEdges(all, settings, withEarlier, rows)).distinct());
    return componentsOf(links, DriverComponents.MAX_LINKS);
  }

  /**
   * The components of a graph's (src, dst) links: split on the driver when it has at most
   * {@code onDriver} links; else first turned into fewer links with the same components
   * ({@link #asStars}: by the smaller id of each link, then by the linked id while they are too
   * many and getting fewer), split on the driver if those are few enough, and by label
   * propagation if not. On the million-article sample: 2.3 million links, then stars of 1.5
   * million, 626,000 and 497,000 links, split on the driver in 5 s where label propagation over
   * the 626,000 took 89 s (docs/benchmarks/history.md,
   * "The stars made again by the linked id").
   */
  static Dataset<Row> componentsOf(Dataset<Row> links, long onDriver) {
    long count = links.count();
    if (count <= onDriver) {
      return DriverComponents.ofLinks(links);
    }
    int tasks = (int) Math.max(1, (count + MAX_LINKS_PER_TASK - 1) / MAX_LINKS_PER_TASK);
    Dataset<Row> stars = Checkpoints.keep(asStars(links, tasks, least(col("src"), col("dst"))));
    long starCount = stars.count();
    List<Long> counts = new ArrayList<>(List.of(starCount));
    for (int pass = 1; pass < MAX_STAR_PASSES && starCount > onDriver; pass++) {
      // Again, by the linked id: its links to its sets' smallest ids in every task meet in one,
      // and those sets become one star. A set's smallest id may itself be linked in other tasks,
      // so another pass merges further.
      stars = Checkpoints.keep(asStars(stars, tasks, col("src")));
      long before = starCount;
      starCount = stars.count();
      counts.add(starCount);
      if (starCount >= before) {
        break;
      }
    }
    LOG.info("duplicate graph: {} links, as stars {} ({})", count, counts,
        starCount <= onDriver ? "on the driver" : "label propagation");
    return starCount <= onDriver ? DriverComponents.ofLinks(stars) : components(stars);
  }

  /**
   * The links as stars, set by set within {@code tasks} tasks ({@link #componentsOf} gives each
   * at most {@link #MAX_LINKS_PER_TASK} links): each task's union-find links every id to the
   * smallest of its set there. Any path of links lies in the tasks' sets, so the stars join the
   * same ids, with at most one link per id and task. The links go to tasks by {@code by}: by
   * their smaller id, a star of copies (exact copies link to the group's smallest id, a large
   * bucket's members to its smallest) stays in one task; by their src, an id's links meet.
   */
  static Dataset<Row> asStars(Dataset<Row> links, int tasks, Column by) {
    StructType linkType = new StructType().add("src", "string").add("dst", "string");
    return links.select("src", "dst").repartition(tasks, by)
        .mapPartitions((MapPartitionsFunction<Row, Row>) LinkSets::asStars, RowEncoder.encoderFor(linkType));
  }

  /**
   * The earlier canonical articles that may share an exact hash or a band with the batch, as
   * signature rows plus their cluster: one pass over the index, each row tested against a Bloom
   * filter of the batch's keys (its size set by the batch, not the history). A false positive is
   * an earlier article that shares nothing with the batch: it forms no pair and no edge, so it
   * changes no cluster, and the filter lets {@link #ROW_FALSE_POSITIVES} of them through.
   */
  static Dataset<Row> relevantEarlier(Dataset<Row> batch, long batchRows, Dataset<Row> earlier,
      CleanSettings.Dedup settings) {
    long expectedKeys = Math.min(MAX_FILTER_KEYS, Math.max(1, batchRows * (settings.bands() + 1L)));
    BloomFilter keys = batch.select("exact", "bands").javaRDD().treeAggregate(
        BloomFilter.create(expectedKeys, keyFalsePositives(settings.bands())),
        (filter, row) -> {
          filter.putLong(row.getLong(0));
          List<Long> bands = row.getList(1);
          for (int band = 0; band < bands.size(); band++) {
            filter.putLong(bandKey(band, bands.get(band)));
          }
          return filter;
        },
        BloomFilter::mergeInPlace);
    var shared = JavaSparkContext.fromSparkContext(batch.sparkSession().sparkContext()).broadcast(keys);
    // A function of the two key columns, not a typed filter: an index row's 100-number signature is
    // then never turned into objects only for the test, which nearly every row fails.
    UserDefinedFunction sharesKey = udf((UDF2<Long, scala.collection.immutable.Seq<Long>, Boolean>)
        (exact, bands) -> mayShareKey(shared.value(), exact, bands), DataTypes.BooleanType);
    return earlier.select(col(DupIndex.ID).as("id"), col(DupIndex.EXACT_HASH).as("exact"),
            col(DupIndex.SIGNATURE).as("sig"), col(DupIndex.BANDS).as("bands"), col(DupIndex.DUP_CLUSTER).as("old_cluster"))
        .where(sharesKey.apply(col("exact"), col("bands")));
  }

  /**
   * A key's false-positive rate such that a row tested on {@code bands + 1} keys passes at
   * {@link #ROW_FALSE_POSITIVES}. At 1% per key, a row of 20 bands passed 19% of the time: a
   * night of 1,000 new articles on the 100k sample took 28,981 signature rows to the driver, and
   * 21,725 at this rate (the rest share a band with the batch).
   */
  static double keyFalsePositives(int bands) {
    return 1 - Math.pow(1 - ROW_FALSE_POSITIVES, 1.0 / (bands + 1));
  }

  private static boolean mayShareKey(BloomFilter keys, long exact, scala.collection.immutable.Seq<Long> bands) {
    if (keys.mightContainLong(exact)) {
      return true;
    }
    for (int band = 0; band < bands.size(); band++) {
      if (keys.mightContainLong(bandKey(band, bands.apply(band)))) {
        return true;
      }
    }
    return false;
  }

  /** A band's hash with its position mixed in: the same hash in two different bands is no match. */
  private static long bandKey(int band, long hash) {
    return hash ^ (band + 1) * 0x9E3779B97F4A7C15L;
  }

  private static Row signatureRow(MinHasher hasher, String id, String text) {
    String lower = text == null ? "" : text.toLowerCase(java.util.Locale.ROOT);
    long exact = exactHash(id, lower);
    // White space separates words as any other non-word char does: the shingles are those of the collapsed text.
    int[] sig = hasher.signatureOfLowerCase(lower);
    if (sig == null) {
      return RowFactory.create(id, exact, new int[0], new long[0]);
    }
    return RowFactory.create(id, exact, sig, hasher.bands(sig));
  }

  /**
   * The exact-duplicate key of an article's lower-cased text: the {@link io.newsframe.text.LineKeys#hash}
   * of the text with each run of regex white space ({@code \s}: space, tab, line breaks, form feed)
   * as one space and the ends trimmed ({@code String.strip}), hashed without making that string.
   * Articles left with no text are not copies of each other: each gets a key of its own.
   */
  static long exactHash(String id, String lower) {
    int from = 0;
    int to = lower.length();
    while (from < to && Character.isWhitespace(lower.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(lower.charAt(to - 1))) {
      to--;
    }
    if (from == to) {
      return io.newsframe.text.LineKeys.hash("\u0000" + id);
    }
    long h = io.newsframe.text.LineKeys.emptyHash();
    boolean inSpace = false;
    for (int i = from; i < to; i++) {
      char c = lower.charAt(i);
      boolean space = io.newsframe.text.Words.isRegexSpace(c);
      if (!space) {
        h = io.newsframe.text.LineKeys.fnv(h, c);
      } else if (!inSpace) {
        h = io.newsframe.text.LineKeys.fnv(h, ' ');
      }
      inSpace = space;
    }
    return h;
  }

  /** Each exact-duplicate group as a star on its smallest id: linear in the group's size. */
  private static Dataset<Row> exactEdges(Dataset<Row> signatures) {
    Dataset<Row> root = signatures.groupBy("exact").agg(min("id").as("root"), count(lit(1)).as("n"))
        .where(col("n").gt(1));
    return signatures.join(root, "exact").where(col("id").notEqual(col("root")))
        .select(col("id").as("src"), col("root").as("dst"));
  }

  /**
   * Articles sharing a band are candidates; small buckets give all pairs, large ones a star on
   * their smallest id, so a bucket of n costs at most n * maxBucket pairs. Candidates are kept
   * when their signatures agree on at least the threshold share of positions.
   *
   * <p>With earlier runs' articles among the rows, only pairs with a batch article count: two
   * indexed articles were compared when the later of them arrived, so only the buckets the batch
   * shares are formed, and their pairs of two earlier articles are skipped. On a day of a thousand
   * articles over an index of a hundred thousand, that is the difference between sorting every
   * band of the history that shares a single band with the batch and only the shared ones.
   */
  private static Dataset<Row> nearEdges(Dataset<Row> signatures, CleanSettings.Dedup settings, boolean withEarlier,
      long rows) {
    int maxBucket = settings.maxBucket();
    double threshold = settings.threshold();
    StructType pairType = new StructType().add("a", "string").add("b", "string");
    boolean broadcast = rows <= MAX_BROADCAST_SIGNATURES;
    // Sketches only where pairs are joined with their signatures, and only in a batch alone: with
    // earlier rows an id can have two signatures, and the two rows that share a band need not be
    // the two that agree.
    SignatureSketch sketch = broadcast || withEarlier ? null
        : new SignatureSketch(settings.bands() * settings.rows(), threshold);
    // The sketch in a projection of its own, below the bands' explosion: once per signature.
    Dataset<Row> members = signatures.where(size(col("bands")).gt(0));
    members = sketch == null ? members.select(col("id"), col(FRESH), col("bands"))
        : members.select(col("id"), col(FRESH), SKETCH_OF.apply(col("sig")).as("sketch"), col("bands"));
    String[] carried = members.drop("bands").columns();
    Dataset<Row> bandRows = members.select(col("*"),
        org.apache.spark.sql.functions.posexplode(col("bands")).as(new String[] {"band", "h"})).drop("bands");
    if (withEarlier) {
      Dataset<Row> batchBands = bandRows.where(col(FRESH)).select("band", "h").distinct();
      bandRows = bandRows.join(batchBands, new String[] {"band", "h"}, "left_semi");
    }
    // Buckets by sorting one 64-bit key, not by collecting a list per (band, hash): nearly every
    // key is unique, and lists made Spark's aggregation give up hashing and sort twice, on two
    // columns (7.5 s of a 100,000-article clean stage). Two keys sharing a 64-bit hash would only
    // share a bucket, whose pairs are still verified on their signatures.
    Dataset<Row> buckets = bandRows.withColumn("bucket", xxhash64(col("band"), col("h"))).select("bucket", carried)
        .repartition(col("bucket")).sortWithinPartitions("bucket");
    if (broadcast) {
      // Each candidate pair is verified where it is formed, against signatures sent to every task:
      // only the links (2% of the candidates at 100,000 generated articles) are made distinct, and
      // no pair is joined with its two signatures, each a list of 100 boxed numbers.
      Broadcast<HashMap<String, List<int[]>>> shared = JavaSparkContext.fromSparkContext(signatures.sparkSession().sparkContext())
          .broadcast(signaturesById(signatures));
      return buckets.mapPartitions((MapPartitionsFunction<Row, Row>) sorted -> verified(new BucketPairs(sorted, maxBucket),
              shared.value(), threshold), RowEncoder.encoderFor(pairType))
          .distinct().select(col("a").as("src"), col("b").as("dst"));
    }
    // At a million generated articles, 31.2 million distinct candidate pairs (2.3 million of them
    // links) were each joined with both signatures, the second join sorting 3.4 GB; the members'
    // sketches leave 3.0 million to join (docs/benchmarks/history.md, "Candidate pairs tested on
    // sketches").
    Dataset<Row> pairs = buckets
        .mapPartitions((MapPartitionsFunction<Row, Row>) sorted -> new BucketPairs(sorted, maxBucket, sketch),
            RowEncoder.encoderFor(pairType))
        .distinct();
    // Each signature joined as bytes: a list of numbers reaches the test as 100 boxed ones, per pair.
    Dataset<Row> packed = signatures.select(col("id"), PACKED.apply(col("sig")).as("sig"));
    Dataset<Row> sigA = packed.select(col("id").as("a_id"), col("sig").as("a_sig"));
    Dataset<Row> sigB = packed.select(col("id").as("b_id"), col("sig").as("b_sig"));
    StructType edgeType = new StructType().add("src", "string").add("dst", "string").add("ok", "boolean");
    return pairs.join(sigA, col("a").equalTo(col("a_id"))).join(sigB, col("b").equalTo(col("b_id")))
        .map((MapFunction<Row, Row>) row -> {
          int[] a = unpacked(row.getAs("a_sig"));
          int[] b = unpacked(row.getAs("b_sig"));
          return RowFactory.create(row.getString(row.fieldIndex("a")), row.getString(row.fieldIndex("b")),
              MinHasher.similarity(a, b) >= threshold);
        }, RowEncoder.encoderFor(edgeType))
        .where(col("ok")).select("src", "dst");
  }

  /**
   * Every row's signature by id, at most {@link #MAX_BROADCAST_SIGNATURES} rows, in one job: each
   * task hands over its rows as two arrays (a row each as objects would be a hundred boxed numbers).
   * An id has two when an earlier run's copy of the article is among the rows.
   */
  private static HashMap<String, List<int[]>> signaturesById(Dataset<Row> signatures) {
    List<SignatureBlock> blocks = signatures.select(col("id"), col("sig")).javaRDD()
        .mapPartitions((FlatMapFunction<Iterator<Row>, SignatureBlock>) rows -> {
          List<String> ids = new ArrayList<>();
          List<int[]> sigs = new ArrayList<>();
          rows.forEachRemaining(row -> {
            ids.add(row.getString(0));
            sigs.add(toInts(row.getList(1)));
          });
          return List.of(new SignatureBlock(ids.toArray(new String[0]), sigs.toArray(new int[0][]))).iterator();
        })
        .collect();
    HashMap<String, List<int[]>> byId = new HashMap<>();
    for (SignatureBlock block : blocks) {
      for (int i = 0; i < block.ids().length; i++) {
        byId.computeIfAbsent(block.ids()[i], id -> new ArrayList<>(1)).add(block.sigs()[i]);
      }
    }
    return byId;
  }

  /** One task's signature rows. */
  private record SignatureBlock(String[] ids, int[][] sigs) implements java.io.Serializable {}

  /** The pairs whose signatures agree on at least the threshold share (for an id with two, either). */
  private static Iterator<Row> verified(Iterator<Row> pairs, Map<String, List<int[]>> signatures, double threshold) {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pairs, Spliterator.ORDERED), false)
        .filter(pair -> MinHasher.anySimilar(signatures.get(pair.getString(0)), signatures.get(pair.getString(1)),
            threshold))
        .iterator();
  }

  private static byte[] packed(int[] sig) {
    java.nio.ByteBuffer packed = java.nio.ByteBuffer.allocate(sig.length * Integer.BYTES);
    packed.asIntBuffer().put(sig);
    return packed.array();
  }

  private static int[] unpacked(byte[] packed) {
    int[] sig = new int[packed.length / Integer.BYTES];
    java.nio.ByteBuffer.wrap(packed).asIntBuffer().get(sig);
    return sig;
  }

  private static int[] toInts(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  /**
   * Connected components by min-label propagation with pointer jumping: each round, a vertex takes
   * the smallest label among itself and its neighbours, then the label its label carries. The first
   * step alone moves a label one link a round, so a chain of copies longer than the round cap was
   * left in pieces (a 100,000-article batch ran into the cap of 40 rounds); with the jump a label
   * travels twice as far each round, and a path of n links needs about log2(n) rounds. A label is
   * always an id of the vertex's own component and never grows, so the rounds end with every
   * vertex labelled by its component's smallest id. Each round is checkpointed to keep the plan short.
   */
  static Dataset<Row> components(Dataset<Row> edges) {
    Dataset<Row> both = Checkpoints.keep(edges.select(col("src"), col("dst"))
        .union(edges.select(col("dst").as("src"), col("src").as("dst"))).distinct());
    Dataset<Row> labels = Checkpoints.keep(both.groupBy("src").agg(min("dst").as("nmin"))
        .select(col("src").as("vertex"), least(col("nmin"), col("src")).as("component")));
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      Dataset<Row> spread = Checkpoints.keep(both.join(labels, both.col("dst").equalTo(labels.col("vertex")))
          .groupBy(both.col("src")).agg(min("component").as("nmin"))
          .join(labels, col("src").equalTo(col("vertex")))
          .select(col("vertex"), least(col("nmin"), col("component")).as("component")));
      Dataset<Row> next = Checkpoints.keep(jumped(spread));
      long changed = next.join(labels.withColumnRenamed("component", "before"), "vertex")
          .where(col("component").notEqual(col("before"))).count();
      labels = next;
      if (changed == 0) {
        break;
      }
    }
    return labels;
  }

  /** Each vertex's label replaced by its label's own label (a label is a vertex, labelled itself). */
  private static Dataset<Row> jumped(Dataset<Row> labels) {
    Dataset<Row> ofLabel = labels.select(col("vertex").as("label_vertex"), col("component").as("label_component"));
    return labels.join(ofLabel, col("component").equalTo(col("label_vertex")))
        .select(col("vertex"), least(col("component"), col("label_component")).as("component"));
  }

}
