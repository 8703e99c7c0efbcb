package io.newsframe.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import io.newsframe.config.ConfigLoader;
import io.newsframe.config.StanceSettings;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stage on two planted camps, fitted once for the class: separated, described, the same after
 * save and load, and the shares of each outlet.
 */
class StanceStageTest {
  private static final SparkSession SPARK = SharedSpark.session();
  @TempDir static Path dir;
  private static Dataset<Row> articles;
  private static Dataset<Row> noTopics;
  private static FeatureSpace space;
  private static StanceModel model;
  private static StanceStage.Result result;
  private static Map<String, Integer> clusters;
  private static Dataset<Row> clusterRows;

  private static final String[] EAST = {
      "Kremlin spokesman Dmitry Peskov said the special military operation in Donbass goes on. ",
      "The Kiev regime shelled Lugansk again, Zakharova noted. ",
      "Washington's so-called concern about the \"invasion\" is hypocrisy, the Russian Foreign Ministry stressed. "};
  private static final String[] WEST = {
      "Ukrainian President Volodymyr Zelensky said Kyiv will not yield to the invasion. ",
      "Secretary of State Antony Blinken said the brutal war in Ukraine must end. ",
      "Russian forces shelled Kharkiv and Luhansk, according to the State Department. "};

  private static Dataset<Row> planted() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String[] camp = i % 2 == 0 ? EAST : WEST;
      StringBuilder text = new StringBuilder();
      for (int s = 0; s < camp.length; s++) {
        text.append(camp[(i + s) % camp.length]);
      }
      text.append("Officials met on day ").append(i).append('.');
      rows.add(RowFactory.create("a" + i, "Report " + i, text.toString(), i % 2 == 0 ? "East Wire" : "West Post",
          Date.valueOf("2022-0" + (1 + i % 3) + "-15")));
    }
    // A video page whose body was all carousel: a loaded headline and no body.
    rows.add(RowFactory.create("video", "Kyiv says the invasion goes on", "", "West Post", Date.valueOf("2022-01-15")));
    StructType schema = new StructType().add("id", DataTypes.StringType).add("title", DataTypes.StringType)
        .add("text", DataTypes.StringType).add("source", DataTypes.StringType)
        .add("published_date", DataTypes.DateType);
    return SPARK.createDataFrame(rows, schema);
  }

  @BeforeAll
  static void fit() {
    StanceSettings settings = ConfigLoader.load(null, Map.of("stance.clusters", "2", "stance.lexicon.min-count", "1",
        "stance.axis-terms.min-docs", "2")).stance();
    space = new FeatureSpace(settings);
    articles = planted();
    noTopics = SPARK.createDataFrame(List.of(),
        new StructType().add("id", DataTypes.StringType).add("dominant_topic", DataTypes.IntegerType));
    StanceStage.Learned learned = StanceStage.fit(SPARK, articles.select("id", "title", "text"),
        articles.select("id", "title", "text").limit(0), space);
    model = learned.model();
    result = StanceStage.apply(SPARK, model, space, learned.features(), articles, noTopics);
    clusters = clusters(result.articleStance());
    clusterRows = result.clusters().get().rows();
  }

  @AfterAll
  static void release() {
    result.release();
  }

  @Test
  void theCampsAreSeparated() {
    assertEquals(41, clusters.size());
    for (int i = 2; i < 40; i++) {
      assertEquals(clusters.get("a" + (i % 2)), clusters.get("a" + i), "article a" + i);
    }
    assertNotEquals(clusters.get("a0"), clusters.get("a1"));
  }

  @Test
  void aHeadlineWithoutBodyIsScoredButNotPlaced() {
    Row video = result.articleStance().where("id = 'video'").first();
    assertEquals(StanceStage.UNPLACED, video.getInt(video.fieldIndex("cluster")));
    assertTrue(video.isNullAt(video.fieldIndex("confidence")));
    assertTrue(video.getList(video.fieldIndex("evidence")).size() > 0, "its headline's evidence is kept");
    assertEquals(40L, clusterRows.agg(org.apache.spark.sql.functions.sum("size")).first().getLong(0));
  }

  @Test
  void aClusterIsDescribedByWhatItsArticlesWriteAndWhoWritesThem() {
    Row east = clusterRows.where("cluster = " + clusters.get("a0")).first();
    String description = east.getAs("description");
    assertTrue(description.contains("writes 'kiev") && description.contains("on the side of "), description);
    assertEquals(List.of("East Wire"), east.getList(east.fieldIndex("top_sources")));
    // Its distinctive evidence is the east's own words, none of the west's.
    List<String> terms = east.getList(east.fieldIndex("top_terms"));
    assertTrue(terms.containsAll(List.of("donbass", "lugansk", "kiev regime")), terms.toString());
    assertTrue(terms.stream().noneMatch(t -> t.contains("kyiv") || t.contains("luhansk") || t.contains("zelensky")),
        terms.toString());
    // Its typical headlines are those of its three most confident articles, ties broken by headline.
    List<String> typical = result.articleStance().where("cluster = " + clusters.get("a0"))
        .join(articles.select("id", "title"), "id")
        .orderBy(org.apache.spark.sql.functions.col("confidence").desc(), org.apache.spark.sql.functions.col("title"))
        .limit(3).select("title").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(3, typical.size());
    assertEquals(typical, east.getList(east.fieldIndex("typical_titles")));
  }

  @Test
  void theSavedModelAssignsTheSameClusters() throws java.io.IOException {
    model.write().save(dir.resolve("model").toString());
    StanceModel loaded = StanceModel.read().load(dir.resolve("model").toString()).requireFeatures(space, "model");
    assertEquals(model.axes(), loaded.axes());
    assertEquals(model.lexicon(), loaded.lexicon());
    StanceStage.Result again = StanceStage.apply(SPARK, loaded, space, StanceStage.score(SPARK, loaded, space, articles),
        articles, noTopics);
    assertEquals(clusters, clusters(again.articleStance()));
    again.release();
  }

  /** A later batch of headlines alone, placed by the fitted model: rows, no cluster, empty clusters. */
  @Test
  void aBatchOfHeadlinesAloneGetsItsRowsAndEmptyClusters() {
    Dataset<Row> headlines = articles.where("id = 'video'");
    StanceStage.Result onlyHeadlines = StanceStage.apply(SPARK, model, space, StanceStage.score(SPARK, model, space,
        headlines), headlines, noTopics);
    assertEquals(Map.of("video", StanceStage.UNPLACED), clusters(onlyHeadlines.articleStance()));
    assertEquals(List.of(0L, 0L), onlyHeadlines.clusters().get().rows().orderBy("cluster").select("size").as(
        org.apache.spark.sql.Encoders.LONG()).collectAsList());
    onlyHeadlines.release();
  }

  @Test
  void anOutletsSharesCountItsUnplacedArticles() {
    Row share = StanceShares.sources(result.articleStance(), articles)
        .where("source = 'East Wire' AND month IS NULL").first();
    assertEquals(1.0, share.getDouble(share.fieldIndex("share")), 1e-12);
    Row unplaced = StanceShares.sources(result.articleStance(), articles)
        .where("source = 'West Post' AND month IS NULL AND cluster = -1").first();
    assertEquals(1L, unplaced.getLong(unplaced.fieldIndex("articles")));
    assertEquals(1.0 / 21, unplaced.getDouble(unplaced.fieldIndex("share")), 1e-12);
  }

  private static Map<String, Integer> clusters(Dataset<Row> stance) {
    Map<String, Integer> byId = new HashMap<>();
    for (Row r : stance.select("id", "cluster").collectAsList()) {
      byId.put(r.getString(0), r.getInt(1));
    }
    return byId;
  }
}
