package io.newsframe.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsframe.SharedSpark;
import io.newsframe.config.ConfigLoader;
import io.newsframe.config.StanceSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class TopicClustersTest {
  private final SparkSession spark = SharedSpark.session();

  /**
   * Topic 0 (300 articles) and topic 1 (200) each hold two planted groups, placed around other
   * centres in each topic; topic 2 has 20 articles, under min-articles; a few articles are not
   * placed. Ids say the truth: "t{topic}g{group}-{n}".
   */
  private Dataset<Row> scored() {
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>();
    addTopic(rows, random, 0, 300, new double[][] {{-3, 0}, {3, 0}});
    addTopic(rows, random, 1, 200, new double[][] {{0, -3}, {0, 3}});
    addTopic(rows, random, 2, 20, new double[][] {{-3, -3}, {3, 3}});
    for (int i = 0; i < 10; i++) {
      rows.add(RowFactory.create("unplaced-" + i, 0, StanceStage.UNPLACED, Vectors.dense(0, 0)));
    }
    rows.add(RowFactory.create("no-topic", null, 1, Vectors.dense(1, 1)));
    StructType schema = new StructType().add("id", DataTypes.StringType).add("topic", DataTypes.IntegerType)
        .add("cluster", DataTypes.IntegerType).add(StanceClustering.SCALED, SQLDataTypes.VectorType());
    return spark.createDataFrame(rows, schema).repartition(3);
  }

  private static void addTopic(List<Row> rows, Random random, int topic, int n, double[][] groups) {
    for (int i = 0; i < n; i++) {
      int g = i % groups.length;
      rows.add(RowFactory.create("t" + topic + "g" + g + "-" + i, topic, g,
          Vectors.dense(groups[g][0] + random.nextGaussian() * 0.5, groups[g][1] + random.nextGaussian() * 0.5)));
    }
  }

  private static StanceSettings settings(Map<String, String> overrides) {
    Map<String, String> all = new HashMap<>(Map.of("stance.per-topic.min-articles", "100"));
    all.putAll(overrides);
    return ConfigLoader.load(null, all).stance();
  }

  /** Each id's topic_cluster. */
  private static Map<String, Integer> clusters(Dataset<Row> assigned) {
    Map<String, Integer> byId = new HashMap<>();
    for (Row r : assigned.select("id", TopicClusters.COLUMN).collectAsList()) {
      byId.put(r.getString(0), r.isNullAt(1) ? null : r.getInt(1));
    }
    return byId;
  }

  @Test
  void eachMajorTopicsPlantedGroupsAreItsClusters() {
    Map<String, Integer> byId = clusters(TopicClusters.assign(scored(), settings(Map.of()), 2));
    for (String prefix : List.of("t0", "t1")) {
      Integer first = byId.get(prefix + "g0-0");
      Integer second = byId.get(prefix + "g1-1");
      assertNotNull(first);
      assertNotEquals(first, second);
      byId.forEach((id, cluster) -> {
        if (id.startsWith(prefix + "g")) {
          assertEquals(id.startsWith(prefix + "g0") ? first : second, cluster, id);
        }
      });
    }
  }

  @Test
  void minorTopicsUnplacedArticlesAndArticlesWithoutTopicGetNone() {
    Map<String, Integer> byId = clusters(TopicClusters.assign(scored(), settings(Map.of()), 2));
    byId.forEach((id, cluster) -> {
      if (id.startsWith("t2") || id.startsWith("unplaced") || id.equals("no-topic")) {
        assertNull(cluster, id);
      }
    });
  }

  @Test
  void theMostTopicsAndEachTopicsKFollowTheSettings() {
    List<TopicClusters.MajorTopic> major = TopicClusters.majorTopics(scored(),
        settings(Map.of("stance.per-topic.max-topics", "1")), 50);
    assertEquals(List.of(new TopicClusters.MajorTopic(0, 300, 30)), major);
    assertEquals(List.of(new TopicClusters.MajorTopic(0, 300, 3), new TopicClusters.MajorTopic(1, 200, 3)),
        TopicClusters.majorTopics(scored(), settings(Map.of()), 3));
    // About ten articles a cluster, and never fewer than two clusters.
    assertEquals(List.of(new TopicClusters.MajorTopic(0, 300, 30), new TopicClusters.MajorTopic(1, 200, 20),
        new TopicClusters.MajorTopic(2, 20, 2)),
        TopicClusters.majorTopics(scored(), settings(Map.of("stance.per-topic.min-articles", "10")), 50));
  }

  /**
   * A topic's clusters learned from a draw of 40 of its articles (auto.sample) still separate its
   * groups, and the same batch draws the same articles however it is partitioned.
   */
  @Test
  void aDrawOfEachTopicSeparatesItsGroupsTheSameWayEveryTime() {
    StanceSettings sampled = settings(Map.of("stance.auto.sample", "40"));
    Map<String, Integer> once = clusters(TopicClusters.assign(scored(), sampled, 2));
    Map<String, Integer> again = clusters(TopicClusters.assign(scored().repartition(5), sampled, 2));
    assertEquals(once, again);
    assertNotEquals(once.get("t0g0-0"), once.get("t0g1-1"));
    once.forEach((id, cluster) -> {
      if (id.startsWith("t0g")) {
        assertEquals(id.startsWith("t0g0") ? once.get("t0g0-0") : once.get("t0g1-1"), cluster, id);
      }
    });
  }
}
