package io.newsframe.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/** The distributed sampler finds planted topics and keeps its counts consistent. */
class AdLdaTrainerTest {
  private static final int TOPICS = 4;
  private static final int WORDS_PER_TOPIC = 10;

  /** Documents of 40 tokens, each drawn from one or two of four disjoint 10-word topics. */
  private static List<TopicDocument> planted(int documents, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<TopicDocument> out = new ArrayList<>();
    for (int d = 0; d < documents; d++) {
      int first = random.nextInt(TOPICS);
      int second = random.nextInt(TOPICS);
      int[] words = new int[40];
      for (int i = 0; i < words.length; i++) {
        int topic = i % 3 == 0 ? second : first;
        words[i] = topic * WORDS_PER_TOPIC + random.nextInt(WORDS_PER_TOPIC);
      }
      out.add(new TopicDocument("d" + d, words, new int[0]));
    }
    return out;
  }

  private static AdLdaTrainer.Result train(long seed) {
    return train(seed, 0);
  }

  /** @param driverMaxTokens 0: swept on the executors; 12,000 or more: on the driver */
  private static AdLdaTrainer.Result train(long seed, long driverMaxTokens) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(SharedSpark.session().sparkContext());
    var settings = new AdLdaTrainer.Settings(TOPICS, 60, 10, 5, 20, 10, 1.0, 0.01, seed, driverMaxTokens);
    return AdLdaTrainer.train(sc, sc.parallelize(planted(300, 3), 2), TOPICS * WORDS_PER_TOPIC, settings);
  }

  @Test
  void recoversPlantedTopicsAndKeepsCountsConsistent() {
    AdLdaTrainer.Result result = train(11);
    int[] counts = result.wordTopic();
    assertEquals(300 * 40, Arrays.stream(counts).sum());
    Set<Integer> planted = new HashSet<>();
    for (int k = 0; k < TOPICS; k++) {
      // The topic's ten most frequent words all come from one planted topic.
      int kk = k;
      Integer[] order = new Integer[TOPICS * WORDS_PER_TOPIC];
      for (int w = 0; w < order.length; w++) {
        order[w] = w;
      }
      Arrays.sort(order, (a, b) -> counts[b * TOPICS + kk] - counts[a * TOPICS + kk]);
      Set<Integer> sources = new HashSet<>();
      for (int j = 0; j < WORDS_PER_TOPIC; j++) {
        sources.add(order[j] / WORDS_PER_TOPIC);
      }
      assertEquals(1, sources.size(), "topic " + k + " mixes planted topics " + sources);
      planted.addAll(sources);
    }
    assertEquals(TOPICS, planted.size(), "each planted topic found once");
    long assigned = result.documents().map(d -> d.topics().length).reduce(Integer::sum);
    assertEquals(300 * 40, assigned);
    assertTrue(result.beta() > 0 && Arrays.stream(result.alpha()).allMatch(a -> a >= Dirichlet.MIN_ALPHA));
  }

  @Test
  void onTheDriverTheModelIsTheSameBitForBit() {
    AdLdaTrainer.Result executors = train(5, 0);
    AdLdaTrainer.Result driver = train(5, 12_000);
    assertArrayEquals(executors.wordTopic(), driver.wordTopic());
    assertArrayEquals(executors.alpha(), driver.alpha());
    assertEquals(executors.beta(), driver.beta());
    assertEquals(executors.documents().map(d -> d.id() + Arrays.toString(d.topics())).collect(),
        driver.documents().map(d -> d.id() + Arrays.toString(d.topics())).collect());
    executors.release();
    driver.release();
  }

  @Test
  void onlyACorpusWithinTheBoundIsSweptOnTheDriver() {
    // The planted corpus has 12,000 tokens. Blocks swept on the driver come back as a collection
    // handed to Spark; blocks swept on the executors are the last merge's cached state.
    assertTrue(sweptOnDriver(train(5, 12_000)));
    assertFalse(sweptOnDriver(train(5, 11_999)));
    assertFalse(sweptOnDriver(train(5, 0)));
  }

  private static boolean sweptOnDriver(AdLdaTrainer.Result result) {
    boolean driver = result.blocks().rdd() instanceof org.apache.spark.rdd.ParallelCollectionRDD;
    result.release();
    return driver;
  }

  @Test
  void theSameSeedGivesTheSameModel() {
    assertEquals(Arrays.hashCode(train(5).wordTopic()), Arrays.hashCode(train(5).wordTopic()));
  }
}
