package io.newsframe.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.config.ConfigLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each stance feature on sentences built to show it, with the default conf's lists. */
class ArticleScorerTest {
  private final FeatureSpace space = new FeatureSpace(ConfigLoader.defaults().stance());
  private final ArticleScorer scorer = new ArticleScorer(space,
      Map.of("brutal", -1.0, "good", 1.0, "constructive", 0.8), FramingAxes.Weights.none(space.settings().axes().size()));

  private double feature(ArticleScorer.Scores s, String name) {
    return s.features()[space.index(name)];
  }

  @Test
  void scareQuotesAroundChargedWordsAreCountedWithEvidence() {
    var s = scorer.score("The allies suspect Russia of preparing an “invasion” of Ukraine. Statements about "
        + "\"Russian aggression\" are an excuse. He said: \"We will defend every inch of our land whatever happens.\"");
    assertEquals(Math.log1p(2), feature(s, FeatureSpace.SCARE_QUOTES), 1e-9);
    assertTrue(s.evidence().stream().anyMatch(e -> e.feature().equals(FeatureSpace.SCARE_QUOTES)
        && e.term().equals("“invasion”") && e.sentence().contains("preparing an")));
  }

  /** Per axis, its words' weights: these on the naming axis, none on the others. */
  private List<Map<String, Double>> namingAxisWeights(Map<String, Double> naming) {
    return space.settings().axes().stream()
        .map(a -> a.name().equals("naming") ? naming : Map.<String, Double>of()).toList();
  }

  @Test
  void evidenceTakesEachFeaturesStrongestInTurnAndAxisWordsLast() {
    List<Map<String, Double>> weights = namingAxisWeights(Map.of("officials", 5.0));
    Map<String, Double> lexicon = Map.of("brutal", -1.0, "cruel", -0.9, "savage", -0.8, "vicious", -0.7,
        "reckless", -0.6, "hostile", -0.5, "harsh", -0.4, "grim", -0.3, "stern", -0.2);
    ArticleScorer scorer = new ArticleScorer(space, lexicon,
        new FramingAxes.Weights(Map.of("officials", 1.0), weights));
    // Nine polarity words around Russia, one hedge, and an axis word carrying the largest weight.
    var s = scorer.score("Officials allegedly met. Grim, stern, harsh, hostile Russia was brutal, cruel, savage, "
        + "vicious and reckless.");
    List<String> chosen = s.evidence().stream().map(e -> e.feature() + ":" + e.term()).toList();
    String polarity = FeatureSpace.POLARITY + "russia:";
    // Round one: the strongest of each feature, the larger weight first (a tie by feature name),
    // the axis word after the direct evidence; then the polarity words alone, strongest first, up
    // to stance.evidence (8). "reckless" is past the six-word window around the mention.
    assertEquals(List.of(FeatureSpace.HEDGES + ":allegedly", polarity + "brutal",
        FeatureSpace.AXIS + "naming:officials", polarity + "cruel", polarity + "savage", polarity + "vicious",
        polarity + "hostile", polarity + "harsh"), chosen);
  }

  @Test
  void plainUseOfALoadedTermIsFramingNotScareQuotes() {
    var s = scorer.score("Despite tensions caused by Russia's ongoing war in Ukraine, talks went on.");
    assertEquals(0, feature(s, FeatureSpace.SCARE_QUOTES));
    assertTrue(feature(s, FeatureSpace.FRAMING + "invasion") > 0);
  }

  @Test
  void aLoadedTermQuotedFromSomeoneElseIsNotTheWritersFraming() {
    var quoted = scorer.score("The Foreign Office spoke of “the illegal invasion of Ukraine” on Monday.");
    assertEquals(0, feature(quoted, FeatureSpace.FRAMING + "invasion"));
    var own = scorer.score("The Foreign Office spoke on Monday of the illegal invasion of Ukraine.");
    assertEquals(Math.log1p(1), feature(own, FeatureSpace.FRAMING + "invasion"), 1e-9);
  }

  @Test
  void anAxisPositionIsTheMarginOfItsWordsPlusItsOwnLoadedTerms() {
    // Weights are coefficient x idf: "backers" leans to side a (Kiev), "shelling" to side b.
    List<Map<String, Double>> weights = namingAxisWeights(Map.of("backers", 2.0, "shelling", -1.0));
    var axes = new FramingAxes.Weights(Map.of("backers", 2.0, "shelling", 1.0, "officials", 2.0), weights);
    ArticleScorer withAxes = new ArticleScorer(space, Map.of(), axes);
    String name = FeatureSpace.AXIS + "naming";
    // Distinct known words backers, shelling, officials: idf vector length sqrt(4 + 1 + 4) = 3.
    var s = withAxes.score("Officials blamed the backers for the shelling. The backers denied it.");
    assertEquals((2.0 - 1.0) / 3.0, feature(s, name), 1e-9);
    assertTrue(s.evidence().stream().anyMatch(e -> e.feature().equals(name) && e.term().equals("backers")));
    var kiev = withAxes.score("Officials in Kiev blamed the backers.");
    assertEquals(2.0 / Math.sqrt(8) + Math.log1p(1), feature(kiev, name), 1e-9);
    assertEquals(0, feature(withAxes.score("Nothing known here."), name));
  }

  @Test
  void theWordsThatMovedAnAxisMostAreTheFirstOfTheSortedList() {
    String[] words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"};
    Map<String, Double> idf = new java.util.HashMap<>();
    for (String w : words) {
      idf.put(w, 1.0);
    }
    List<Map<String, Double>> none = new java.util.ArrayList<>();
    for (int x = 0; x < space.settings().axes().size(); x++) {
      none.add(Map.of());
    }
    ArticleScorer withWords = new ArticleScorer(space, Map.of(), new FramingAxes.Weights(idf, none));
    AxisVocabulary vocabulary = new AxisVocabulary(new FramingAxes.Weights(idf, none));
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 2_000; round++) {
      List<Integer> terms = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, words.length).boxed().toList());
      java.util.Collections.shuffle(terms, random);
      List<AxisVocabulary.Moved> moved = new java.util.ArrayList<>();
      for (int t : terms.subList(0, random.nextInt(words.length + 1))) {
        // Few distinct magnitudes, both signs: ties on |value| are common and settled by the term.
        moved.add(new AxisVocabulary.Moved(t, t, (random.nextInt(3) + 1) * (random.nextBoolean() ? 0.5 : -0.5)));
      }
      int n = random.nextInt(4) + 1;
      List<AxisVocabulary.Moved> sorted = moved.stream()
          .sorted(java.util.Comparator.comparingDouble((AxisVocabulary.Moved m) -> -Math.abs(m.value()))
              .thenComparing(m -> vocabulary.term(m.term())))
          .limit(n).toList();
      assertEquals(sorted, withWords.mostMoving(moved, n), "round " + round);
    }
  }

  @Test
  void quoteAttributionCountsVoicesOncePerSentence() {
    var s = scorer.score("Kremlin spokesman Dmitry Peskov said Moscow was open. According to the White House, "
        + "no talks are planned. The Russian Foreign Ministry noted the remarks. Russia is large.");
    int russia = settingsIndex("russia");
    int us = settingsIndex("united_states");
    assertEquals(2, s.voices()[russia]);
    assertEquals(1, s.voices()[us]);
    assertEquals(Math.log1p(2), feature(s, FeatureSpace.VOICE + "russia"), 1e-9);
  }

  @Test
  void polarityAroundMentionsWithNegation() {
    int russia = settingsIndex("russia");
    assertTrue(scorer.score("Russia's brutal campaign went on.").polarity()[russia] < 0);
    assertTrue(scorer.score("Russia was not brutal at all.").polarity()[russia] > 0);
    assertEquals(0, scorer.score("Brutal weather hit Britain. Russia is far away and cold today, said nobody here at all.")
        .polarity()[russia], 1e-9);
  }

  @Test
  void cooperationAndConflictOnlyBetweenTwoTargets() {
    var s = scorer.score("Russia and the United States agreed to hold talks. The talks in Geneva were long. "
        + "NATO warned China of sanctions.");
    assertEquals(Math.log1p(1), feature(s, FeatureSpace.COOPERATION), 1e-9);
    assertEquals(Math.log1p(1), feature(s, FeatureSpace.CONFLICT), 1e-9);
  }

  @Test
  void titlesAndNestedNamesCountOnce() {
    var s = scorer.score("Vladimir Putin met the Russian president's aides.");
    assertEquals(2, s.mentions()[settingsIndex("russia")]);
  }

  private int settingsIndex(String key) {
    var targets = space.settings().targets();
    for (int i = 0; i < targets.size(); i++) {
      if (targets.get(i).key().equals(key)) {
        return i;
      }
    }
    throw new AssertionError(key);
  }
}
