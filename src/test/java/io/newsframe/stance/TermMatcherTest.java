package io.newsframe.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.stance.TermMatcher.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermMatcherTest {
  private final TermMatcher matcher = TermMatcher.builder()
      .add("US", Kind.NAME, 1)
      .add("U.S.", Kind.NAME, 1)
      .add("Kiev", Kind.NAME, 2)
      .add("Kiev", Kind.FRAMING, 0)
      .add("special military operation", Kind.FRAMING, 1)
      .add("Russia", Kind.NAME, 0)
      .build();

  @Test
  void capitalsMatchExactlyOtherPhrasesIgnoreCase() {
    List<TermMatcher.Hit> hits = matcher.find("Let us see: the US and the U.S. said the Special Military Operation");
    assertEquals(List.of("US", "U.S.", "Special Military Operation"), hits.stream().map(TermMatcher.Hit::text).toList());
  }

  @Test
  void onlyWholeWordsAndEveryRoleOfAPhrase() {
    List<TermMatcher.Hit> hits = matcher.find("Russian troops near Kiev; Russia's envoy");
    assertEquals(List.of("Kiev", "Russia"), hits.stream().map(TermMatcher.Hit::text).toList());
    assertEquals(2, hits.get(0).roles().size());
    assertEquals(20, hits.get(0).start());
    assertEquals(24, hits.get(0).end());
  }

  @Test
  void capitalsAreTwoOrMoreCapitalsAndNoLowerCase() {
    assertTrue(TermMatcher.isCapitals("NATO"));
    assertTrue(TermMatcher.isCapitals("U.S."));
    assertFalse(TermMatcher.isCapitals("Kremlin"));
    assertFalse(TermMatcher.isCapitals("I"));
  }
}
