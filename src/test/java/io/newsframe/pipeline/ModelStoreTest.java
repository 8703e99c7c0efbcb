package io.newsframe.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import io.newsframe.topics.TopicModel;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a saved model through the one place stages read them. */
class ModelStoreTest {
  @Test
  void readsAModelWithItsSparkMlReader(@TempDir Path dir) throws java.io.IOException {
    SharedSpark.session();
    TopicModel model = new TopicModel(new String[] {"kremlin", "wheat"}, 2, new int[] {3, 0, 0, 4},
        new double[] {0.1, 0.1}, 0.01);
    model.write().save(dir.resolve("topics").toString());
    TopicModel loaded = ModelStore.load(TopicModel.read(), dir.resolve("topics").toString(), "topics.model");
    assertArrayEquals(model.topicTotals(), loaded.topicTotals());
  }

  /** A folder in an older format (no Spark ML metadata) names the setting and what to do. */
  @Test
  void aFolderWithoutMetadataSaysToRefit(@TempDir Path dir) {
    var spark = SharedSpark.session();
    String path = dir.resolve("old").toString();
    spark.createDataset(List.of(1, 2), Encoders.INT()).write().parquet(path + "/priors");
    var e = assertThrows(IllegalStateException.class, () -> ModelStore.load(TopicModel.read(), path, "topics.model"));
    assertTrue(e.getMessage().startsWith("topics.model: cannot load a saved model from " + path), e.getMessage());
    assertTrue(e.getMessage().endsWith("set topics.model = fit to fit a new one"), e.getMessage());
  }
}
