package io.newsframe.clean;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import io.newsframe.config.CleanSettings;
import io.newsframe.tables.Tables.Articles;
import io.newsframe.tables.Tables.DupIndex;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Duplicates of earlier runs' canonical articles are found through the stored index of their
 * signatures: an exact copy and a lightly edited copy join the earlier article's cluster and are
 * not canonical; an unrelated article stays its own cluster.
 */
class DuplicateClustersTest {
  private static final CleanSettings.Dedup DEDUP = new CleanSettings.Dedup(5, 20, 5, 0.6, 50, 7);
  private static final StructType ARTICLE = new StructType().add(Articles.ID, "string").add(Articles.TEXT, "string")
      .add(Articles.WORDS, "int").add("preferred", "boolean");

  private final SparkSession spark = SharedSpark.session();

  private static final String[] VOCABULARY = ("kremlin sanctions talks grain ukraine nato summit minister "
      + "officials said week geneva beijing washington moscow treaty missile border trade envoy embassy "
      + "statement election parliament energy pipeline gas oil prices market troops ceasefire agreement "
      + "president spokesman visit delegation council vote resolution aid refugees harvest port shipping").split(" ");

  /** An article of 200 words drawn by a seed: two seeds give texts that share no run of five words. */
  private static String story(long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      text.append(VOCABULARY[random.nextInt(VOCABULARY.length)]).append(i % 15 == 14 ? ". " : " ");
    }
    return text.toString();
  }

  private Dataset<Row> articles(List<String[]> idAndText) {
    List<Row> rows = idAndText.stream()
        .map(a -> RowFactory.create(a[0], a[1], a[1].split("\\s+").length, true)).toList();
    return spark.createDataFrame(rows, ARTICLE);
  }

  private Map<String, Row> byId(Dataset<Row> rows) {
    Map<String, Row> out = new TreeMap<>();
    for (Row r : rows.select(Articles.ID, Articles.DUP_CLUSTER, Articles.IS_CANONICAL, Articles.DUP_KIND).collectAsList()) {
      out.put(r.getString(0), r);
    }
    return out;
  }

  @Test
  void copiesOfEarlierArticlesJoinTheirClustersThroughTheIndex() {
    String kremlin = story(1);
    String beijing = story(2);
    Dataset<Row> earlier = DuplicateClusters.assign(articles(List.of(
        new String[] {"e1", kremlin}, new String[] {"e2", beijing}, new String[] {"e3", story(3)})), DEDUP);
    Dataset<Row> index = earlier.where(col(Articles.IS_CANONICAL)).select(col(Articles.ID), col(Articles.DUP_CLUSTER),
        col(DupIndex.EXACT_HASH), col(DupIndex.SIGNATURE), col(DupIndex.BANDS));
    // Two words changed of 200: most five-word shingles survive.
    String[] words = kremlin.split(" ");
    words[40] = "vienna";
    words[150] = "yesterday";
    String edited = String.join(" ", words);
    Dataset<Row> batch = articles(List.of(new String[] {"n1", edited}, new String[] {"n2", beijing},
        new String[] {"n3", story(4)}));

    Map<String, Row> result = byId(DuplicateClusters.assign(batch, DEDUP, index));

    assertEquals("e1", result.get("n1").getString(1), "an edited copy joins the earlier article's cluster");
    assertEquals("near", result.get("n1").getString(3));
    assertEquals("e2", result.get("n2").getString(1), "an exact copy joins the earlier article's cluster");
    assertEquals("exact", result.get("n2").getString(3));
    assertFalse(result.get("n1").getBoolean(2), "a copy of an article modelled before is not canonical");
    assertFalse(result.get("n2").getBoolean(2));
    assertEquals("n3", result.get("n3").getString(1), "an unrelated article is a cluster of its own");
    assertTrue(result.get("n3").getBoolean(2));
  }

  /**
   * The index holds two near duplicates in clusters of their own (as when a later edit brought
   * them within the threshold); an exact copy of one links to both, and joins the cluster of the
   * one it copies, whichever label sorts first.
   */
  @Test
  void anExactCopyJoinsItsOriginalsClusterWhenItAlsoLinksToAnother() {
    String kremlin = story(1);
    String[] words = kremlin.split(" ");
    words[40] = "vienna";
    String edited = String.join(" ", words);
    Dataset<Row> earlier = DuplicateClusters.assign(articles(List.of(
        new String[] {"e1", kremlin}, new String[] {"e2", edited})), DEDUP);
    for (String[] labels : List.of(new String[] {"zz", "aa"}, new String[] {"aa", "zz"})) {
      Dataset<Row> index = earlier.select(col(Articles.ID),
          org.apache.spark.sql.functions.when(col(Articles.ID).equalTo("e1"), labels[0]).otherwise(labels[1])
              .as(Articles.DUP_CLUSTER),
          col(DupIndex.EXACT_HASH), col(DupIndex.SIGNATURE), col(DupIndex.BANDS));
      Map<String, Row> result = byId(DuplicateClusters.assign(articles(List.<String[]>of(new String[] {"n1", kremlin})),
          DEDUP, index));
      assertEquals(labels[0], result.get("n1").getString(1), "the copy of e1 joins e1's cluster " + labels[0]);
      assertFalse(result.get("n1").getBoolean(2));
    }
  }

  @Test
  void anEmptyIndexLeavesTheBatchAsItWouldBeAlone() {
    Dataset<Row> batch = articles(List.of(new String[] {"a", story(1)}, new String[] {"b", story(1)},
        new String[] {"c", story(5)}));
    Dataset<Row> emptyIndex = DuplicateClusters.assign(batch, DEDUP).limit(0).select(col(Articles.ID),
        col(Articles.DUP_CLUSTER), col(DupIndex.EXACT_HASH), col(DupIndex.SIGNATURE), col(DupIndex.BANDS));

    assertEquals(byId(DuplicateClusters.assign(batch, DEDUP)).toString(),
        byId(DuplicateClusters.assign(batch, DEDUP, emptyIndex)).toString());
    Map<String, Row> result = byId(DuplicateClusters.assign(batch, DEDUP, emptyIndex));
    assertEquals("a", result.get("b").getString(1), "within the batch, copies still cluster");
  }

  @Test
  void aSmallBatchsArticlesMeetTheirLabelsInTheTasksTheyStandIn() {
    Dataset<Row> batch = articles(List.of(new String[] {"a", story(1)}, new String[] {"b", story(1)},
        new String[] {"c", story(5)}, new String[] {"d", story(6)}, new String[] {"e", story(6)}))
        .repartition(3, col(Articles.ID));
    Dataset<Row> labelled = DuplicateClusters.assign(batch, DEDUP);

    // The labels are broadcast: the articles (their texts the bulk of a row) are not shuffled again.
    assertEquals(3, labelled.rdd().getNumPartitions(), labelled.queryExecution().executedPlan().toString());
    assertTrue(labelled.queryExecution().executedPlan().toString().contains("BroadcastHashJoin"));
    Map<String, Row> result = byId(labelled);
    assertEquals(5, result.size());
    assertEquals("a", result.get("b").getString(1));
    assertEquals("d", result.get("e").getString(1));
    assertEquals("c", result.get("c").getString(1));
  }

  /** A signature row of the batch as the index pass reads it: id, exact, sig, bands of random keys. */
  private static Row randomKeys(String id, java.util.SplittableRandom random, int bands) {
    long[] keys = new long[bands];
    for (int b = 0; b < bands; b++) {
      keys[b] = random.nextLong();
    }
    return RowFactory.create(id, random.nextLong(), new int[0], keys);
  }

  @Test
  void theIndexPassDrawsFewRowsThatShareNoKeyWithTheBatch() {
    int bands = DEDUP.bands();
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    StructType batchType = new StructType().add("id", "string").add("exact", "long")
        .add("sig", "array<int>").add("bands", "array<bigint>");
    List<Row> batchRows = new java.util.ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      batchRows.add(randomKeys("n" + i, random, bands));
    }
    StructType indexType = new StructType().add(DupIndex.ID, "string").add(DupIndex.EXACT_HASH, "long")
        .add(DupIndex.SIGNATURE, "array<int>").add(DupIndex.BANDS, "array<bigint>").add(DupIndex.DUP_CLUSTER, "string");
    List<Row> indexRows = new java.util.ArrayList<>();
    int unrelated = 20_000;
    for (int i = 0; i < unrelated; i++) {
      Row keys = randomKeys("e" + i, random, bands);
      indexRows.add(RowFactory.create(keys.get(0), keys.get(1), keys.get(2), keys.get(3), "e" + i));
    }
    // One earlier article shares a single band, in the same place, with one of the batch's.
    long[] sharing = ((long[]) randomKeys("shared", random, bands).get(3)).clone();
    sharing[3] = ((long[]) batchRows.get(17).get(3))[3];
    indexRows.add(RowFactory.create("shared", random.nextLong(), new int[0], sharing, "shared"));

    List<String> drawn = DuplicateClusters.relevantEarlier(spark.createDataFrame(batchRows, batchType),
        batchRows.size(), spark.createDataFrame(indexRows, indexType), DEDUP)
        .select("id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();

    assertTrue(drawn.contains("shared"), "an index row sharing one band with the batch is drawn");
    // Each row is tested on 21 keys: at 1% per key, about 19% of the unrelated rows passed.
    double falsePositives = (drawn.size() - 1) / (double) unrelated;
    assertTrue(falsePositives < 2 * DuplicateClusters.ROW_FALSE_POSITIVES,
        "unrelated index rows drawn: " + falsePositives);
  }
}
