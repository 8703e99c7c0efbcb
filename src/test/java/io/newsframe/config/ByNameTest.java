package io.newsframe.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ByNameTest {
  private static ByName<FeaturesSettings.Phrases> phrases() {
    return ByName.of(FeaturesSettings.Phrases.class).set("passes", 2).set("minCount", 5).set("threshold", 0.4);
  }

  @Test
  void componentsOfOneTypeLandWhereTheirNamesSay() {
    var built = phrases().set("max", 300).build();
    assertEquals(new FeaturesSettings.Phrases(2, 5, 0.4, 300), built);
  }

  @Test
  void setOrderDoesNotMatter() {
    var built = ByName.of(FeaturesSettings.Phrases.class)
        .set("max", 300).set("threshold", 0.4).set("minCount", 5).set("passes", 2).build();
    assertEquals(new FeaturesSettings.Phrases(2, 5, 0.4, 300), built);
  }

  @Test
  void aMissingComponentIsNamed() {
    var e = assertThrows(IllegalArgumentException.class, () -> phrases().build());
    assertEquals("Phrases.max is not set", e.getMessage());
  }

  @Test
  void anUnknownNameIsNamed() {
    var e = assertThrows(IllegalArgumentException.class, () -> phrases().set("max", 3).set("maxx", 3).build());
    assertEquals("Phrases has no component [maxx]", e.getMessage());
  }

  @Test
  void aValueOfAnotherTypeIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> phrases().set("max", 3L).build());
    assertEquals("Phrases.max is a int, given Long", e.getMessage());
  }

  @Test
  void aNameSetTwiceIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> phrases().set("passes", 3));
    assertTrue(e.getMessage().contains("passes is set twice"), e.getMessage());
  }

  @Test
  void aCopyChangesOnlyWhatItReplaces() {
    var original = new FeaturesSettings.Phrases(2, 5, 0.4, 300);
    assertEquals(new FeaturesSettings.Phrases(2, 9, 0.4, 300), ByName.from(original).replace("minCount", 9).build());
    assertThrows(IllegalArgumentException.class, () -> ByName.from(original).replace("minimum", 9));
  }
}
