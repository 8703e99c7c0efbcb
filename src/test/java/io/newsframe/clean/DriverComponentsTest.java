package io.newsframe.clean;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import io.newsframe.config.CleanSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The driver's duplicate graph gives every article the component the Spark path gives it, on
 * signature rows made to collide: exact copies, edited copies, buckets larger than max-bucket,
 * earlier articles among the rows, an id both in the batch and in the index, non-ASCII ids.
 */
class DriverComponentsTest {
  private static final StructType ROWS = new StructType().add("id", "string").add("exact", "long")
      .add("sig", DataTypes.createArrayType(DataTypes.IntegerType, false))
      .add("bands", DataTypes.createArrayType(DataTypes.LongType, false)).add("fresh", "boolean");

  private final SparkSession spark = SharedSpark.session();

  /** Signatures of 20 values in 4 bands of 5: families of copies, each member changing a few values. */
  private static List<Row> collidingRows(long seed, boolean withEarlier) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Row> rows = new ArrayList<>();
    for (int family = 0; family < 40; family++) {
      int[] base = random.ints(20, 0, 1_000_000).toArray();
      int members = 1 + random.nextInt(family % 7 == 0 ? 9 : 4);
      for (int m = 0; m < members; m++) {
        int[] sig = base.clone();
        for (int change = random.nextInt(m == 0 ? 1 : 12); change > 0; change--) {
          sig[random.nextInt(20)] = random.nextInt(1_000_000);
        }
        String id = (family % 5 == 0 ? "é" : "a") + family + "-" + m;
        boolean fresh = !withEarlier || random.nextInt(3) > 0;
        long exact = m > 0 && random.nextInt(4) == 0 ? family : 1_000_000L + rows.size();
        rows.add(RowFactory.create(id, exact, box(sig), bands(sig), fresh));
        if (withEarlier && fresh && random.nextInt(10) == 0) {
          rows.add(RowFactory.create(id, exact, box(sig), bands(sig), false)); // the same id in the index
        }
      }
    }
    rows.add(RowFactory.create("no-text", 42L, List.of(), List.of(), true));
    return rows;
  }

  private static List<Integer> box(int[] sig) {
    return java.util.Arrays.stream(sig).boxed().toList();
  }

  private static List<Long> bands(int[] sig) {
    List<Long> out = new ArrayList<>();
    for (int band = 0; band < 4; band++) {
      out.add((long) java.util.Arrays.hashCode(java.util.Arrays.copyOfRange(sig, band * 5, band * 5 + 5)));
    }
    return out;
  }

  private static Map<String, String> asMap(Dataset<Row> labels) {
    Map<String, String> out = new TreeMap<>();
    for (Row row : labels.collectAsList()) {
      out.put(row.getString(0), row.getString(1));
    }
    return out;
  }

  @Test
  void theDriverAndSparkFindTheSameComponents() {
    for (boolean withEarlier : new boolean[] {false, true}) {
      for (long seed = 1; seed <= 3; seed++) {
        // max-bucket 3: the larger families' buckets become stars.
        CleanSettings.Dedup settings = new CleanSettings.Dedup(5, 4, 5, 0.6, 3, 7);
        Dataset<Row> all = spark.createDataFrame(collidingRows(seed, withEarlier), ROWS);
        Map<String, String> onDriver = asMap(DriverComponents.of(all, settings, withEarlier));
        // Seed 1 as if the batch were too large to send its signatures to every task: joined by sorting.
        long rows = seed == 1 ? DuplicateClusters.MAX_BROADCAST_SIGNATURES + 1 : all.count();
        Map<String, String> inSpark = asMap(DuplicateClusters.sparkComponents(all, rows, settings, withEarlier));
        assertTrue(inSpark.size() > 20, "the rows link some articles: " + inSpark.size());
        assertEquals(inSpark, onDriver, "seed " + seed + (withEarlier ? " with earlier articles" : ""));
      }
    }
  }

  /**
   * The most links between an id and its component's smallest id: how many rounds label
   * propagation needs to bring that label to every id.
   */
  private static int chainLength(Dataset<Row> links) {
    Map<String, List<String>> next = new java.util.HashMap<>();
    for (Row link : links.collectAsList()) {
      next.computeIfAbsent(link.getString(0), v -> new ArrayList<>()).add(link.getString(1));
      next.computeIfAbsent(link.getString(1), v -> new ArrayList<>()).add(link.getString(0));
    }
    Map<String, Integer> distance = new java.util.HashMap<>();
    List<String> ids = new ArrayList<>(next.keySet());
    ids.sort(DriverComponents.SPARK_ORDER);
    int longest = 0;
    for (String start : ids) {
      // In Spark's order, the first id met of a component is its smallest.
      if (distance.containsKey(start)) {
        continue;
      }
      java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>(List.of(start));
      distance.put(start, 0);
      while (!queue.isEmpty()) {
        String id = queue.poll();
        for (String other : next.get(id)) {
          if (distance.putIfAbsent(other, distance.get(id) + 1) == null) {
            longest = Math.max(longest, distance.get(other));
            queue.add(other);
          }
        }
      }
    }
    return longest;
  }

  /** Random stars, chains and cliques, ids in an order that differs from their numbers' order and some non-ASCII. */
  private static List<Row> randomLinks(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Row> links = new ArrayList<>();
    for (int group = 0; group < 60; group++) {
      int size = 2 + random.nextInt(group % 10 == 0 ? 12 : 6);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        ids.add((random.nextInt(4) == 0 ? "é" : "") + random.nextInt(1_000_000) + "-" + group);
      }
      for (int i = 1; i < size; i++) {
        // A chain, a star on the first id, or a link to any earlier member (a random tree).
        String other = switch (group % 3) {
          case 0 -> ids.get(i - 1);
          case 1 -> ids.get(0);
          default -> ids.get(random.nextInt(i));
        };
        links.add(random.nextBoolean() ? RowFactory.create(ids.get(i), other) : RowFactory.create(other, ids.get(i)));
      }
    }
    return links;
  }

  @Test
  void theDriverSplitsAGraphAsLabelPropagationDoes() {
    StructType linkType = new StructType().add("src", "string").add("dst", "string");
    for (long seed = 1; seed <= 2; seed++) {
      Dataset<Row> links = spark.createDataFrame(randomLinks(seed), linkType);
      Map<String, String> onDriver = asMap(DriverComponents.ofLinks(links));
      Map<String, String> inSpark = asMap(DuplicateClusters.components(links));
      assertTrue(onDriver.size() > 200, "the links hold many ids: " + onDriver.size());
      assertTrue(new java.util.HashSet<>(onDriver.values()).size() >= 55, "and many components");
      assertEquals(inSpark, onDriver, "seed " + seed);
    }
  }

  /**
   * The links turned into stars within several tasks join the same ids, and every way
   * componentsOf may take (the driver, stars then the driver, stars then label propagation) labels
   * them as the driver does.
   */
  @Test
  void starsWithinTasksKeepTheComponents() {
    StructType linkType = new StructType().add("src", "string").add("dst", "string");
    for (long seed = 1; seed <= 2; seed++) {
      List<Row> random = randomLinks(seed);
      // The same links again, reversed, and a clique of copies (66 links) whose links spread over the tasks.
      List<Row> all = new ArrayList<>(random);
      random.forEach(link -> all.add(RowFactory.create(link.getString(1), link.getString(0))));
      for (int a = 0; a < 12; a++) {
        for (int b = a + 1; b < 12; b++) {
          all.add(RowFactory.create("c" + (a * 7919 % 12), "c" + (b * 7919 % 12)));
        }
      }
      Dataset<Row> links = spark.createDataFrame(all, linkType);
      Map<String, String> onDriver = asMap(DriverComponents.ofLinks(links));
      Dataset<Row> stars = DuplicateClusters.asStars(links, 4, least(col("src"), col("dst")));
      // A tree's links are already as few as its ids allow; the clique's 66 become at most 11 per task.
      assertTrue(stars.count() <= random.size() + 4 * 11, "fewer links as stars: " + stars.count());
      assertEquals(onDriver, asMap(DriverComponents.ofLinks(stars)), "seed " + seed);
      Dataset<Row> again = DuplicateClusters.asStars(stars, 4, col("src"));
      assertEquals(onDriver, asMap(DriverComponents.ofLinks(again)), "stars by the linked id, seed " + seed);
      assertTrue(chainLength(again) < chainLength(stars),
          "shorter paths to the smallest id: " + chainLength(stars) + " then " + chainLength(again));
      long n = links.count();
      assertEquals(onDriver, asMap(DuplicateClusters.componentsOf(links, n)), "on the driver, seed " + seed);
      assertEquals(onDriver, asMap(DuplicateClusters.componentsOf(links, n - 1)), "stars, seed " + seed);
      assertEquals(onDriver, asMap(DuplicateClusters.componentsOf(links, 3)), "propagated stars, seed " + seed);
    }
  }

  @Test
  void labelPropagationJoinsAChainLongerThanItsRoundCap() {
    // 100 links, the smallest id at the far end: moving a label one link a round, 40 rounds left
    // the chain in pieces.
    List<Row> chain = new ArrayList<>();
    for (int i = 100; i > 0; i--) {
      chain.add(RowFactory.create(String.format("c%03d", i), String.format("c%03d", i - 1)));
    }
    Dataset<Row> links = spark.createDataFrame(chain, new StructType().add("src", "string").add("dst", "string"));
    Map<String, String> inSpark = asMap(DuplicateClusters.components(links));
    assertEquals(101, inSpark.size());
    assertEquals(java.util.Set.of("c000"), new java.util.HashSet<>(inSpark.values()));
    assertEquals(asMap(DriverComponents.ofLinks(links)), inSpark);
  }
}
