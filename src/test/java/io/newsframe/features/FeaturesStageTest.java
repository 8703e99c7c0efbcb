package io.newsframe.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import io.newsframe.config.FeaturesSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesStageTest {
  private static final FeaturesSettings SETTINGS = new FeaturesSettings(true, false,
      new FeaturesSettings.Phrases(2, 5, 0.5, 100), new FeaturesSettings.Vocabulary(3, 0.9, 1000), "fit");
  private final SparkSession spark = SharedSpark.session();

  private Dataset<Row> articles() {
    List<Row> rows = new ArrayList<>();
    String[] subjects = {"sanctions", "grain exports", "arms control", "gas prices"};
    String[] verbs = {"warned", "announced", "insisted", "claimed", "argued"};
    String[] places = {"Moscow", "Kyiv", "Brussels", "Geneva", "Ankara", "Beijing", "Paris"};
    for (int i = 0; i < 40; i++) {
      String subject = subjects[i % subjects.length];
      String actor = i % 2 == 0 ? "The White House " + verbs[i % verbs.length] : "Washington " + verbs[i % verbs.length];
      String event = i % 3 == 0 ? "the special military operation in " + places[i % places.length]
          : "the fighting near " + places[(i + 3) % places.length];
      rows.add(RowFactory.create("a" + i, "Talks on " + subject,
          actor + " that " + event + " had changed the talks on " + subject + ". Officials in "
              + places[(i + 1) % places.length] + " wrote about " + subject + " again, and 2024 figures were published."));
    }
    StructType schema = new StructType().add("id", "string").add("title", "string").add("text", "string");
    return spark.createDataFrame(rows, schema);
  }

  @Test
  void termsArePhrasedPrunedAndShownAsWords(@TempDir Path dir) throws Exception {
    Dataset<Row> documents = FeaturesStage.documents(articles());
    PipelineModel model = FeaturesStage.fitTokenized(SETTINGS, FeaturesStage.tokenize(SETTINGS, documents), 40);
    List<String> vocabulary = List.of(FeaturesStage.vocabulary(model));
    assertTrue(vocabulary.contains("white_hous"), vocabulary.toString());
    assertTrue(vocabulary.contains("special_militari_oper"), vocabulary.toString());
    assertFalse(vocabulary.contains("the"), "stop words out");
    assertFalse(vocabulary.contains("2024"), "numbers out");
    // "talk" is in all 40 articles: above max-doc-share 0.9.
    assertFalse(vocabulary.contains("talk"), vocabulary.toString());

    Row first = FeaturesStage.transform(model, documents).where("id = 'a0'").first();
    List<String> tokens = first.getList(first.fieldIndex("tokens"));
    assertEquals(tokens.size(), first.getInt(first.fieldIndex("token_count")));
    assertFalse(tokens.contains(TermAnalyzer.BOUNDARY));
    assertTrue(tokens.containsAll(List.of("white_hous", "special_militari_oper")), tokens.toString());

    Map<String, String> display = FeaturesStage.vocabularyRows(spark, model, documents).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(1), r -> r.getString(2)));
    assertEquals("white house", display.get("white_hous"));
    assertEquals("sanctions", display.get("sanction"));

    // The saved pipeline gives the same vocabulary and tokens on reload.
    model.write().overwrite().save(dir.resolve("features").toString());
    PipelineModel loaded = PipelineModel.load(dir.resolve("features").toString());
    assertEquals(vocabulary, List.of(FeaturesStage.vocabulary(loaded)));
    Row again = FeaturesStage.transform(loaded, documents).where("id = 'a0'").first();
    assertEquals(tokens, again.getList(again.fieldIndex("tokens")));
  }
}
