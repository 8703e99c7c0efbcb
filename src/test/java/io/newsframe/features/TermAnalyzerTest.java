package io.newsframe.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Words become stems, lemmas or lower-case words; sentence boundaries and surfaces stay. */
class TermAnalyzerTest {
  private static final String TEXT = "The negotiations were held in Geneva. Officials said the U.S. delegation "
      + "is meeting Russia's envoys; others criticized the meetings.";

  private static List<String> terms(TermAnalyzer.Form form) {
    return new TermAnalyzer(form).terms(TEXT).stream().map(TermAnalyzer.Term::term).toList();
  }

  @Test
  void stemsCutWordsToTheirSnowballStems() {
    assertEquals(List.of("negoti", "held", "geneva", ".", "offici", "u.s", ".", "deleg", "meet", "russia",
        "envoy", ".", "other", "critic", "meet", "."), terms(TermAnalyzer.Form.STEM));
  }

  @Test
  void stemsAreTheSameOnceTheirCacheHasBeenEmptied() {
    TermAnalyzer used = new TermAnalyzer(TermAnalyzer.Form.STEM);
    StringBuilder many = new StringBuilder();
    for (int i = 0; i <= TermAnalyzer.MAX_CACHED_STEMS; i++) {
      many.append("word").append(Integer.toString(i, 26).replace('0', 'z')).append("ings ");
    }
    used.terms(many.toString());
    List<TermAnalyzer.Term> fresh = new TermAnalyzer(TermAnalyzer.Form.STEM).terms(TEXT);
    assertEquals(fresh, used.terms(TEXT));
    assertEquals(fresh, used.terms(TEXT), "and again, from the cache");
  }

  @Test
  void lemmasFollowEachWordsPartOfSpeech() {
    List<String> lemmas = terms(TermAnalyzer.Form.LEMMA);
    // Nouns to the singular, verbs to the infinitive ("meeting" the verb is "meet", the noun stays);
    // the lemma "other" is a stop word and goes. ("said" is one too; "U.S." before a space reads
    // as "U.S" ending a sentence, in every form.)
    assertEquals(List.of("negotiation", "hold", "geneva", ".", "official", "u.s", ".", "delegation", "meet",
        "russia", "envoy", ".", "criticize", "meeting", "."), lemmas);
  }

  @Test
  void wordsStayWholeInLowerCase() {
    assertEquals(List.of("negotiations", "held", "geneva", ".", "officials", "u.s", ".", "delegation",
        "meeting", "russia", "envoys", ".", "others", "criticized", "meetings", "."), terms(TermAnalyzer.Form.WORD));
  }

  @Test
  void eachTermKeepsTheWordItCameFrom() {
    List<TermAnalyzer.Term> terms = new TermAnalyzer(TermAnalyzer.Form.LEMMA).terms(TEXT);
    assertEquals(new TermAnalyzer.Term("negotiation", "negotiations"), terms.get(0));
    assertEquals(new TermAnalyzer.Term("meet", "meeting"), terms.get(8));
  }
}
