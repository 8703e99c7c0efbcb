package io.newsframe.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved model reloads exactly and infers the mixture of new documents. */
class TopicModelTest {
  /** Two topics over four terms: topic 0 uses kremlin and peskov, topic 1 wheat and harvest. */
  private static TopicModel model() {
    String[] terms = {"kremlin", "peskov", "wheat", "harvest"};
    int[] counts = {
        50, 0,
        40, 1,
        0, 60,
        1, 45};
    return new TopicModel(terms, 2, counts, new double[] {0.1, 0.1}, 0.01);
  }

  @Test
  void infersTheTopicOfANewDocument() {
    TopicModel model = model();
    double[] kremlin = model.infer(model.termIds(List.of("kremlin", "peskov", "kremlin", "unknown")), 1);
    double[] grain = model.infer(model.termIds(List.of("harvest", "wheat", "wheat")), 1);
    assertEquals(1.0, Arrays.stream(kremlin).sum(), 1e-9);
    assertTrue(kremlin[0] > 0.8, Arrays.toString(kremlin));
    assertTrue(grain[1] > 0.8, Arrays.toString(grain));
    assertArrayEquals(new int[] {0, 1}, model.topTerms(0, 2));
  }

  @Test
  void savesAndLoadsExactly(@TempDir Path dir) {
    TopicModel model = model();
    model.save(SharedSpark.session(), dir.resolve("topics").toString());
    TopicModel loaded = TopicModel.load(SharedSpark.session(), dir.resolve("topics").toString());
    assertArrayEquals(model.terms(), loaded.terms());
    assertArrayEquals(model.alpha(), loaded.alpha());
    assertEquals(model.beta(), loaded.beta());
    assertArrayEquals(model.topicTotals(), loaded.topicTotals());
    double[] doc = model.infer(new int[] {0, 1, 2}, 3);
    assertArrayEquals(doc, loaded.infer(new int[] {0, 1, 2}, 3), 1e-12);
  }
}
