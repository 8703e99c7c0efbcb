package io.newsframe.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class LineRulesTest {
  @Test
  void chromeIsRecognisedByItsWording() {
    assertEquals(LineReason.ADS_TXT, LineRules.reasonFor(", pub-1075295645606918, DIRECT, f08c47fec0942fa0"));
    assertEquals(LineReason.ADS_TXT, LineRules.reasonFor("google.com, pub-123456789, RESELLER, f08c47fec0942fa0"));
    assertEquals(LineReason.COMMENT_FORM, LineRules.reasonFor("Please enter your comment!"));
    assertEquals(LineReason.COMMENT_FORM, LineRules.reasonFor("Your email address will not be published. Required fields are marked *"));
    assertEquals(LineReason.SHARE_PROMPT, LineRules.reasonFor("Exit mobile version"));
    assertEquals(LineReason.SHARE_PROMPT, LineRules.reasonFor("Back to top button"));
    assertEquals(LineReason.COOKIE_NOTICE, LineRules.reasonFor("We use cookies to improve your experience. Accept all cookies"));
    assertEquals(LineReason.COPYRIGHT, LineRules.reasonFor("(Copyright 2008 by The Associated Press. All Rights Reserved.)"));
    assertEquals(LineReason.BYLINE, LineRules.reasonFor("By Sara Novak | October 4, 2022"));
    assertEquals("Laurence Peter", LineRules.author("By Laurence Peter"));
    assertEquals(LineReason.CAPTION, LineRules.reasonFor("Image source, EPA"));
    assertEquals(LineReason.CAPTION, LineRules.reasonFor("Troops near the border on Monday (Reuters)"));
    assertEquals(LineReason.SHARE_PROMPT, LineRules.reasonFor("The Morning Briefing newsletter: the day's news"));
    assertEquals(LineReason.TIMESTAMP, LineRules.reasonFor("14 hours ago"));
    assertEquals(LineReason.NAVIGATION, LineRules.reasonFor("World | Politics | Business | Opinion"));
    assertEquals(LineReason.TEASER, LineRules.reasonFor("Officials said 24 civilians had been evacuated f..."));
    assertEquals(LineReason.TEASER, LineRules.reasonFor("When you walk into a store, you're overloaded with sights,… Read more Read more"));
    assertEquals(LineReason.MARKUP, LineRules.reasonFor("<div class=\"alertBox\"> <p>JavaScript is off</p>"));
    assertEquals(LineReason.MARKUP, LineRules.reasonFor("var googletag = googletag || {}; googletag.cmd = googletag.cmd || [];"));
  }

  @Test
  void markupRulesLeaveProseAboutCodeAlone() {
    assertNull(LineRules.reasonFor("The window of opportunity for a var deal is closing, the document said on Monday."));
    assertNull(LineRules.reasonFor("Peskov said Washington's offer was a function (of sorts) of the talks in Geneva."));
  }

  @Test
  void proseIsNotChrome() {
    assertNull(LineRules.reasonFor("Kremlin spokesman Dmitry Peskov said Russia is ready for dialogue."));
    assertNull(LineRules.reasonFor("The Kremlin said the talks on cookies and cream were a joke, Peskov told reporters at length on Monday in Moscow after the summit ended."));
  }

  @Test
  void endMarkersCloseTheBody() {
    assertTrue(LineRules.isStrongEndMarker("Source link") || LineRules.isWeakEndMarker("Source link"));
    assertTrue(LineRules.isStrongEndMarker("LATEST POSTS in this category") || LineRules.isWeakEndMarker("LATEST POSTS in this category"));
    assertTrue(LineRules.isStrongEndMarker("Leave a Reply") || LineRules.isWeakEndMarker("Leave a Reply"));
    assertTrue(LineRules.isStrongEndMarker("Reader comments (12)") || LineRules.isWeakEndMarker("Reader comments (12)"));
    assertTrue(LineRules.isStrongEndMarker("Have your say") || LineRules.isWeakEndMarker("Have your say"));
    assertTrue(LineRules.isStrongEndMarker("Comments are now closed for this story"));
    assertTrue(LineRules.isStrongEndMarker("Posted by: Sean | Jan 10, 2008 4:49:12 PM"));
    assertTrue(LineRules.isStrongEndMarker("Posted by: Brad, Glasgow on 11:16am Wed 9 Jan 08"));
    assertNull(LineRules.reasonFor("Posted by the Kremlin on its website, the statement said talks would resume."));
  }

  /** Lines each of the guarded patterns matches, beside the real ones. */
  private static final List<String> GUARDED_CHROME = List.of(
      "We use cookies to improve your experience. Accept all cookies", "Privacy Policy | Terms of Use",
      "Please enable JavaScript to view the comments", "© 2023 Atlantic Ledger", "(C) Reuters 2021",
      "Copyright 2008 The Associated Press", "Reuters. All Rights Reserved.", "This page was last edited on 3 May",
      "World | Politics | Business", "Home » News » Europe", "News • Sport • Weather", "A · B",
      "Officials said 24 civilians had been evacuated f...", "Continue reading… more",
      "12 comments so far", "Click here to view comments", "Sign up to our free weekly newsletter",
      "The Morning Briefing newsletter: the day's news", "Troops near the border on Monday (Reuters)",
      "A view of the Kremlin (AFP via Getty Images).");

  @Test
  void everyQuickTestHoldsForTheLinesItsPatternMatches() throws java.io.IOException {
    List<String> lines = new java.util.ArrayList<>(GUARDED_CHROME);
    java.nio.file.Path shared = io.newsframe.SharedSpark.shared();
    if (shared != null) {
      com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
      for (String page : java.nio.file.Files.readAllLines(shared.resolve("corpora/boilerplate/pages.jsonl"))) {
        for (String line : io.newsframe.text.TextNormalizer.normalize(json.readTree(page).path("raw_text").asText("")).split("\n")) {
          lines.add(line.strip());
        }
      }
    }
    Map<java.util.regex.Pattern, Predicate<String>> guards = Map.of(
        LineRules.COOKIE, LineRules::mayBeCookieNotice, LineRules.COPYRIGHT, LineRules::mayBeCopyright,
        LineRules.MENU, LineRules::mayBeMenu, LineRules.TRUNCATED, LineRules::mayBeTeaser,
        LineRules.COMMENT_COUNT, LineRules::mayBeCommentCount, LineRules.NEWSLETTER, LineRules::mayBeNewsletter,
        LineRules.AGENCY_CREDIT, LineRules::mayBeAgencyCredit);
    guards.forEach((pattern, guard) -> {
      String name = pattern.pattern().substring(0, Math.min(30, pattern.pattern().length()));
      long matched = 0;
      for (String line : lines) {
        if (pattern.matcher(line).matches()) {
          matched++;
          assertTrue(guard.test(line), "the quick test of " + name + " misses: " + line);
        }
      }
      assertTrue(matched >= 2, "lines matched by " + name + ": " + matched);
    });
    assertTrue(shared == null || lines.size() > 20_000, "lines: " + lines.size());
  }
}
