package io.newsframe.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import io.newsframe.config.ConfigLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Axis word weights learned from the articles that use one side's terms in their own voice. */
class FramingAxesTest {
  private final SparkSession spark = SharedSpark.session();
  private final FeatureSpace space = new FeatureSpace(ConfigLoader.load(null,
      Map.of("stance.axis-terms.min-docs", "2")).stance());

  private Dataset<Row> texts(List<String> texts) {
    return spark.createDataset(texts, Encoders.STRING()).toDF("text");
  }

  /** Twelve articles of each kind, numbered. */
  private Dataset<Row> texts(IntFunction<String> first, IntFunction<String> second) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      texts.add(first.apply(i));
      texts.add(second.apply(i));
    }
    return texts(texts);
  }

  private int axis(String name) {
    return space.settings().axes().stream().map(a -> a.name()).toList().indexOf(name);
  }

  @Test
  void wordsThatKeepCompanyWithASidesTermsLeanToThatSide() {
    FramingAxes.Weights weights = FramingAxes.induce(texts(
        i -> "Officials in Kiev and their donors met on day " + i + ". Donors pledged weapons.",
        i -> "Shelling hit Kyiv again on day " + i + ". Residents sheltered from the shelling."), space);
    Map<String, Double> naming = weights.axes().get(axis("naming"));
    assertTrue(naming.get("donors") > 0, "donors: " + naming.get("donors"));
    assertTrue(naming.get("shelling") < 0, "shelling: " + naming.get("shelling"));
    // The sides' own terms define the sides: they are never weighted themselves.
    assertFalse(weights.idf().containsKey("kiev") || weights.idf().containsKey("kyiv"));
    // Unlabelled text is placed by its words.
    ArticleScorer scorer = new ArticleScorer(space, Map.of(), weights);
    double a = scorer.score("Donors of the government met.").features()[space.axisIndex(axis("naming"))];
    double b = scorer.score("The shelling went on.").features()[space.axisIndex(axis("naming"))];
    assertTrue(a > 0 && b < 0, a + " " + b);
  }

  @Test
  void aQuotedTermDoesNotPutAnArticleOnASide() {
    // Kyiv only in a quotation: those articles are on no side, so "shelling" learns nothing.
    FramingAxes.Weights weights = FramingAxes.induce(texts(
        i -> "Officials in Kiev and their donors met on day " + i + ".",
        i -> "A resident said: “Shelling hit Kyiv again.” Shelling went on, day " + i + "."), space);
    // One side only: the naming axis has nothing to learn from.
    assertEquals(Map.of(), weights.axes().get(axis("naming")));
  }

  @Test
  void tooFewArticlesOnEitherSideWeighNoWord() {
    FramingAxes.Weights weights = FramingAxes.induce(texts(List.of("Kiev said so.", "Kyiv said so.")), space);
    assertEquals(Map.of(), weights.idf());
    weights.axes().forEach(axis -> assertEquals(Map.of(), axis));
  }

  @Test
  void sidesWithoutASharedWordWeighNoWord() {
    // Two articles on each side, enough for min-docs 2, but no word is in two of them.
    FramingAxes.Weights weights = FramingAxes.induce(texts(List.of("Kiev alpha.", "Kiev bravo.", "Kyiv charlie.",
        "Kyiv delta.")), space);
    assertEquals(Map.of(), weights.idf());
    weights.axes().forEach(axis -> assertEquals(Map.of(), axis));
  }

  @Test
  void theAxesLearnFromAboutMaxTrainingArticles() {
    assertEquals(1.0, FramingAxes.trainingShare(100, 100), "every article up to max-training");
    assertEquals(0.25, FramingAxes.trainingShare(400, 100), 1e-12, "a quarter of four times max-training");
  }

  @Test
  void aDrawOfTheLabelledArticlesStillTellsTheSidesApart() {
    FeatureSpace drawn = new FeatureSpace(ConfigLoader.load(null,
        Map.of("stance.axis-terms.min-docs", "2", "stance.axis-terms.max-training", "12")).stance());
    // A word of its own per article: the draw hashes an article's words, and numbers are none.
    IntFunction<String> kiev = i -> "Officials in Kiev and their donors met in room" + (char) ('a' + i)
        + ". Donors pledged weapons.";
    IntFunction<String> kyiv = i -> "Shelling hit Kyiv again near hall" + (char) ('a' + i)
        + ". Residents sheltered from the shelling.";
    FramingAxes.Weights weights = FramingAxes.induce(texts(kiev, kyiv), drawn);
    Map<String, Double> naming = weights.axes().get(axis("naming"));
    assertTrue(naming.get("donors") > 0 && naming.get("shelling") < 0, naming.toString());
    // The same batch draws the same articles.
    assertEquals(weights, FramingAxes.induce(texts(kiev, kyiv), drawn));
    assertTrue(!weights.equals(FramingAxes.induce(texts(kiev, kyiv), space)), "12 of 24 learn other weights than 24");
  }

  @Test
  void aSideTheDrawLeavesTooFewArticlesWeighsNoWord() {
    FeatureSpace drawn = new FeatureSpace(ConfigLoader.load(null,
        Map.of("stance.axis-terms.min-docs", "2", "stance.axis-terms.max-training", "4")).stance());
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      texts.add("Officials in Kiev and their donors met in room" + (char) ('a' + i) + ".");
    }
    texts.add("Shelling hit Kyiv near the donors' hall.");
    texts.add("Shelling hit Kyiv again, the donors said.");
    // Two of 26 on side b, a share of 4/26 drawn: side b keeps fewer than min-docs.
    FramingAxes.Weights weights = FramingAxes.induce(texts(texts), drawn);
    assertEquals(Map.of(), weights.axes().get(axis("naming")));
  }
}
