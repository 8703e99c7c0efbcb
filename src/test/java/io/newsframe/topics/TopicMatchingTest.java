package io.newsframe.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A retrained model's topics find the earlier topics they continue. */
class TopicMatchingTest {
  /** Two topics over four terms, from word-topic counts laid out term by term. */
  private static TopicModel model(String[] terms, int[][] countsByTopic) {
    int topics = countsByTopic.length;
    int[] wordTopic = new int[terms.length * topics];
    for (int k = 0; k < topics; k++) {
      for (int w = 0; w < terms.length; w++) {
        wordTopic[w * topics + k] = countsByTopic[k][w];
      }
    }
    return new TopicModel(terms, topics, wordTopic, new double[topics], 0.01);
  }

  @Test
  void topicsAreMatchedByTheirTermsWhateverTheirNumbers() {
    TopicModel before = model(new String[] {"sanction", "oil", "summit", "talk"},
        new int[][] {{50, 40, 0, 0}, {0, 0, 60, 30}});
    // The same two subjects, numbered the other way round, over a vocabulary in another order.
    TopicModel after = model(new String[] {"talk", "summit", "oil", "sanction", "gas"},
        new int[][] {{30, 50, 0, 0, 1}, {0, 0, 35, 45, 20}});
    List<TopicMatching.Match> matches = TopicMatching.match(after, before);
    assertEquals(1, matches.get(0).previousTopic());
    assertEquals(0, matches.get(1).previousTopic());
  }

  @Test
  void aTopicUnlikeAnyEarlierOneContinuesNone() {
    List<TopicMatching.Match> matches = TopicMatching.greedy(new double[][] {{0.9, 0.1}, {0.8, 0.05}});
    assertEquals(0, matches.get(0).previousTopic());
    assertEquals(-1, matches.get(1).previousTopic(), "topic 0 of the old model is taken, topic 1 too unlike");
  }
}
