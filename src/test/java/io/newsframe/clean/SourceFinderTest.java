package io.newsframe.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceFinderTest {
  private final SourceFinder finder = new SourceFinder();

  @Test
  void anAgencyDatelineAndATitlePrefixNameTheOutlet() {
    assertEquals(new SourceFinder.Found("Alliance News", "dateline"),
        finder.find(null, null, null, "ISLAMABAD, March 9 (Alliance News): The Kremlin said on Monday...", "Talks"));
    assertEquals(new SourceFinder.Found("TKS", "title_prefix"),
        finder.find(null, null, null, "TKS:\t Talks resume in Geneva\nThe Kremlin said...", "Talks resume in Geneva"));
    assertEquals(new SourceFinder.Found("example.org", "url_host"),
        finder.find(null, null, "https://www.example.org/a", "Talks resume in Geneva\nThe Kremlin said...",
            "Talks resume in Geneva"));
  }

  /** The test that lets the title-prefix pattern be skipped: only a colon and white space may stand before the title. */
  @Test
  void aTitleAfterAColonAndWhiteSpaceOnly() {
    assertTrue(SourceFinder.colonBefore("TKS: Talks", "Talks"));
    assertTrue(SourceFinder.colonBefore("TKS:\n \u000B\fTalks", "Talks"));
    assertTrue(SourceFinder.colonBefore("Talks\nTKS:Talks", "Talks"));
    assertFalse(SourceFinder.colonBefore("TKS: more Talks", "Talks"));
    assertFalse(SourceFinder.colonBefore("TKS:\u00A0Talks", "Talks"));
    assertFalse(SourceFinder.colonBefore("Talks", "Talks"));
    assertFalse(SourceFinder.colonBefore("TKS: Other", "Talks"));
  }
}
