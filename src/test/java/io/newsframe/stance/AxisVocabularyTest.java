package io.newsframe.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The indexed lookup finds what {@link FramingAxes#terms} finds, filtered to the idf's terms, in
 * the same order, and so the same sums to the bit.
 */
class AxisVocabularyTest {
  private static final String[] WORDS = {"kremlin", "sanctions", "talks", "grain", "deal", "troops", "border",
      "said", "the", "new", "peace", "plan", "aid", "shelling", "backers"};

  @Test
  void theTermsTheirOrderAndTheNormAreThoseOfTheTermMapFilteredToTheIdf() {
    Random random = new Random(3);
    Map<String, Double> idf = new HashMap<>();
    for (String w : WORDS) {
      if (random.nextInt(3) > 0) {
        idf.put(w, 0.5 + random.nextDouble() * 3);
      }
    }
    idf.put("peace plan", 2.5);
    idf.put("grain deal", 1.7);
    idf.put("the border", 0.9);
    List<Map<String, Double>> axes = List.of(Map.of("peace plan", 0.8, "troops", -1.2, "talks", 0.3),
        Map.of("grain deal", -0.4, "sanctions", 1.1));
    AxisVocabulary vocabulary = new AxisVocabulary(new FramingAxes.Weights(idf, axes));
    for (int article = 0; article < 500; article++) {
      StringBuilder text = new StringBuilder();
      int sentences = 1 + random.nextInt(4);
      for (int s = 0; s < sentences; s++) {
        int words = 1 + random.nextInt(12);
        for (int w = 0; w < words; w++) {
          text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        text.append(". ");
      }
      TextSpans spans = TextSpans.of(text.toString());
      Map<String, Integer> expected = new LinkedHashMap<>(FramingAxes.terms(spans, word -> true));
      expected.keySet().retainAll(idf.keySet());
      double squares = 0;
      for (String term : expected.keySet()) {
        squares += idf.get(term) * idf.get(term);
      }
      AxisVocabulary.Found found = vocabulary.find(spans);
      Map<String, Integer> actual = new LinkedHashMap<>();
      for (int i = 0; i < found.size(); i++) {
        actual.put(vocabulary.term(found.terms()[i]), found.firstWord()[i]);
      }
      assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(actual.entrySet()), text.toString());
      assertEquals(Math.sqrt(squares), found.norm(), 0.0, text.toString());
      for (int x = 0; x < axes.size(); x++) {
        double margin = 0;
        for (String term : expected.keySet()) {
          Double weight = axes.get(x).get(term);
          if (weight != null) {
            margin += weight / found.norm();
          }
        }
        double sum = 0;
        for (AxisVocabulary.Moved m : vocabulary.moved(x, found)) {
          sum += m.value();
        }
        assertEquals(margin, sum, 0.0, text.toString());
      }
    }
  }
}
