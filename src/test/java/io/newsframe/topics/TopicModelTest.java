package io.newsframe.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model infers the mixture of new documents, as a Spark ML transformer too, and reloads exactly. */
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
    double[] kremlin = model.infer(new int[] {0, 1, 0}, 1);
    double[] grain = model.infer(new int[] {3, 2, 2}, 1);
    assertEquals(1.0, Arrays.stream(kremlin).sum(), 1e-9);
    assertTrue(kremlin[0] > 0.8, Arrays.toString(kremlin));
    assertTrue(grain[1] > 0.8, Arrays.toString(grain));
    assertArrayEquals(new int[] {0, 1}, model.topTerms(0, 2));
  }

  /** A Spark ML transformer: the mixture column from the terms, unknown terms ignored, seeded per id. */
  @Test
  void transformsTermsIntoMixtures() {
    var spark = SharedSpark.session();
    Dataset<Row> docs = spark.createDataFrame(List.of(
        RowFactory.create("a", List.of("kremlin", "peskov", "kremlin", "unknown")),
        RowFactory.create("b", List.of("harvest", "wheat", "wheat")),
        RowFactory.create("c", List.of("unknown"))), new StructType().add("id", "string")
        .add("tokens", DataTypes.createArrayType(DataTypes.StringType)));
    TopicModel model = model().setSeed(7);
    Map<String, List<Double>> mixtures = new TreeMap<>();
    for (Row r : model.transform(docs).collectAsList()) {
      mixtures.put(r.getString(0), r.getList(2));
    }
    double[] expected = model.infer(new int[] {0, 1, 0}, 7 ^ "a".hashCode());
    assertArrayEquals(expected, mixtures.get("a").stream().mapToDouble(Double::doubleValue).toArray(), 1e-12);
    assertTrue(mixtures.get("b").get(1) > 0.8, mixtures.toString());
    // No known term: the prior's mixture.
    assertEquals(List.of(0.5, 0.5), mixtures.get("c"));
    var missing = assertThrows(IllegalArgumentException.class, () -> model.transform(docs.drop("tokens")));
    assertTrue(missing.getMessage().contains("needs a column tokens"), missing.getMessage());
  }

  /** Saved and read with Spark ML persistence, alone and as a stage of a PipelineModel. */
  @Test
  void savesAndLoadsExactly(@TempDir Path dir) throws java.io.IOException {
    SharedSpark.session();
    TopicModel model = model().setSeed(11);
    model.write().save(dir.resolve("topics").toString());
    TopicModel loaded = TopicModel.read().load(dir.resolve("topics").toString());
    assertEquals(model.uid(), loaded.uid());
    assertArrayEquals(model.terms(), loaded.terms());
    assertArrayEquals(model.alpha(), loaded.alpha());
    assertEquals(model.beta(), loaded.beta());
    assertEquals(Long.valueOf(11), loaded.getOrDefault(loaded.seed()));
    assertArrayEquals(model.topicTotals(), loaded.topicTotals());
    double[] doc = model.infer(new int[] {0, 1, 2}, 3);
    assertArrayEquals(doc, loaded.infer(new int[] {0, 1, 2}, 3), 1e-12);

    PipelineModel pipeline = new PipelineModel("p", new Transformer[] {model});
    pipeline.write().save(dir.resolve("pipeline").toString());
    var stage = PipelineModel.load(dir.resolve("pipeline").toString()).stages()[0];
    assertEquals(TopicModel.class, stage.getClass());
    assertArrayEquals(model.terms(), ((TopicModel) stage).terms());
  }
}
