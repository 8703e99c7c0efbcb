package io.newsframe.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.config.ConfigLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityChecksTest {
  private final QualityChecks checks = new QualityChecks(ConfigLoader.defaults().clean().quality());

  @Test
  void anOrdinaryArticlePasses() {
    String text = ("Kremlin spokesman Dmitry Peskov said that Russia is ready to engage in dialogue with the "
        + "new administration as long as Washington wishes to narrow the differences between the two "
        + "countries. ").repeat(1) + "The talks would cover arms control, sanctions and the situation "
        + "around Ukraine, and they could begin as early as next month in Geneva, officials said.";
    assertEquals(List.of(), checks.flags(text));
  }

  @Test
  void failuresAreNamed() {
    assertTrue(checks.flags("Too short to be an article.").contains("too_few_words"));
    String repeated = "buy cheap pills ".repeat(30);
    List<String> flags = checks.flags(repeated);
    assertTrue(flags.contains("few_stop_words"), flags.toString());
    assertTrue(flags.stream().anyMatch(f -> f.startsWith("top_") || f.startsWith("duplicate_")), flags.toString());
  }
}
