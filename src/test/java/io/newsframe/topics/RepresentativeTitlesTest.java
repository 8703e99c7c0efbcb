package io.newsframe.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsframe.SharedSpark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class RepresentativeTitlesTest {
  private static final StructType ARTICLE_TOPICS = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("topic_distribution", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
  private static final StructType TITLES = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("title", DataTypes.StringType, true);

  /** The definition: every (article, topic) pair of a titled article ranked by share, then id, within its topic. */
  private static Map<Integer, List<String>> byWindow(Dataset<Row> articleTopics, Dataset<Row> titles, int perTopic) {
    Dataset<Row> ranked = articleTopics.select(col("id"), posexplode(col("topic_distribution")).as(new String[] {"topic", "share"}))
        .join(titles.where(col("title").isNotNull()), "id")
        .withColumn("rank", row_number().over(Window.partitionBy("topic").orderBy(col("share").desc(), col("id"))))
        .where(col("rank").leq(perTopic));
    Map<Integer, List<String>> out = new HashMap<>();
    for (Row r : ranked.orderBy("topic", "rank").select("topic", "title").collectAsList()) {
      out.computeIfAbsent(r.getInt(0), t -> new ArrayList<>()).add(r.getString(1));
    }
    return out;
  }

  @Test
  void theBestTitledArticlesOfEachTopicAsAWindowRanksThemTiesIncluded() {
    SparkSession spark = SharedSpark.session();
    Random random = new Random(7);
    int topics = 6;
    List<Row> articles = new ArrayList<>();
    List<Row> titles = new ArrayList<>();
    for (int a = 0; a < 400; a++) {
      // Ids of several lengths and scripts, so that Spark's byte order of strings decides ties.
      String id = switch (a % 4) {
        case 0 -> "a" + a;
        case 1 -> "b-" + (1000 - a);
        case 2 -> "é" + a;
        default -> "\uD83D\uDE00" + a;
      };
      List<Double> shares = new ArrayList<>();
      for (int t = 0; t < topics; t++) {
        shares.add(random.nextInt(8) / 8.0); // few distinct shares: many ties
      }
      articles.add(RowFactory.create(id, shares));
      if (a % 7 != 3) { // some articles have no title row, others a null title
        titles.add(RowFactory.create(id, a % 11 == 5 ? null : "title " + a));
      }
    }
    Dataset<Row> articleTopics = spark.createDataFrame(articles, ARTICLE_TOPICS).repartition(5);
    Dataset<Row> titled = spark.createDataFrame(titles, TITLES).repartition(3);
    for (int perTopic : new int[] {1, 3, 50}) {
      assertEquals(byWindow(articleTopics, titled, perTopic), RepresentativeTitles.of(articleTopics, titled, perTopic),
          "per topic " + perTopic);
    }
  }

  @Test
  void tiesGoToTheSmallerIdInUtf8ByteOrderAsSparkSortsStrings() {
    SparkSession spark = SharedSpark.session();
    // U+FF21 sorts before a surrogate pair by UTF-8 bytes (EF.. < F0..), after it by UTF-16 chars.
    String fullwidth = "\uFF21";
    String emoji = "\uD83D\uDE00";
    Dataset<Row> articleTopics = spark.createDataFrame(List.of(
        RowFactory.create(emoji, List.of(0.5)),
        RowFactory.create(fullwidth, List.of(0.5))), ARTICLE_TOPICS);
    Dataset<Row> titles = spark.createDataFrame(List.of(
        RowFactory.create(emoji, "emoji"),
        RowFactory.create(fullwidth, "fullwidth")), TITLES);
    assertEquals(Map.of(0, List.of("fullwidth")), byWindow(articleTopics, titles, 1));
    assertEquals(Map.of(0, List.of("fullwidth")), RepresentativeTitles.of(articleTopics, titles, 1));
  }

  @Test
  void anUntitledArticleNeverLabelsATopicHoweverMuchOfItItIs() {
    SparkSession spark = SharedSpark.session();
    Dataset<Row> articleTopics = spark.createDataFrame(List.of(
        RowFactory.create("x", List.of(1.0, 0.0)),
        RowFactory.create("y", List.of(0.0, 1.0))), ARTICLE_TOPICS);
    Dataset<Row> titles = spark.createDataFrame(List.of(
        RowFactory.create("x", "only x"),
        RowFactory.create("y", null)), TITLES);
    assertEquals(Map.of(0, List.of("only x"), 1, List.of("only x")), RepresentativeTitles.of(articleTopics, titles, 3));
  }
}
