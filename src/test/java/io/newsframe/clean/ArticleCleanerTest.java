package io.newsframe.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.config.CleanSettings;
import io.newsframe.text.LineKeys;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArticleCleanerTest {
  private static final String BODY = "A High Mobility Artillery Rocket System of the Ukrainian army is fired close to the"
      + " front line in the north of the region, officials said on Friday, as the fighting went on for a third week.";
  private static final String CNN_PAGE = "Three weapons that changed the war | CNN Three weapons that changed the war"
      + " By Brad Lendon, CNN Published 6:58 PM EST, Sat February 25, 2023 Link Copied! " + BODY + "\n\n"
      + "The rocket system has a range of about 80 kilometers, and the army has used it against depots and command"
      + " posts far behind the lines, which forced a change in how supplies are moved to the front.";

  private static ArticleCleaner cleaner(boolean inlineChrome) {
    return new ArticleCleaner(new CleanSettings.Boilerplate(50, 150, 0.20, 300, 200, inlineChrome),
        new TitleSites(Set.of(LineKeys.key("CNN"))), RepeatedPassages.none());
  }

  @Test
  void headlineBylineAndShareButtonLeaveTheFirstParagraph() {
    CleanedText c = cleaner(true).clean(CNN_PAGE, "Three weapons that changed the war | CNN", line -> false);
    assertEquals("Three weapons that changed the war", c.title());
    assertTrue(c.text().startsWith(BODY), c.text());
    assertEquals("Brad Lendon", c.author());
    assertEquals(java.util.List.of("title", "byline", "share_prompt"),
        c.removed().stream().map(CleanedText.RemovedLine::reason).toList());
  }

  @Test
  void aLeadSentenceThatOpensWithTheHeadlineIsKept() {
    String lead = "Putin says Russia will respond to the new sanctions with measures of its own, the Kremlin"
        + " spokesman told reporters in Moscow on Monday, without giving any details of what they would be.";
    CleanedText c = cleaner(true).clean(lead + "\n\n" + BODY, "Putin says Russia will respond", line -> false);
    assertTrue(c.text().startsWith(lead), c.text());
  }

  @Test
  void withTheRuleOffTheLineStaysWhole() {
    CleanedText c = cleaner(false).clean(CNN_PAGE, "Three weapons that changed the war | CNN", line -> false);
    assertTrue(c.text().startsWith("Three weapons that changed the war | CNN"), c.text());
    assertTrue(c.removed().isEmpty(), c.removed().toString());
  }

  /**
   * The caption is cut after the lines are judged: cut first, the paragraph it was glued to would be
   * a line too short to anchor the body, and the story's first paragraphs would be lost with it.
   */
  @Test
  void aParagraphGluedToACaptionStaysBody() {
    String page = "Image caption, Geoff Banks began writing to Celesta Byrne after getting her details in 1938"
        + "Two people who have been pen pals since the 1930s are still corresponding and embracing technology.\n"
        + "Geoff Banks, from Devon, began writing to American Celesta Byrne after being given her details in 1938.\n"
        + "Communication, which began in their 20s, is still going strong between Honiton and Texas.\n"
        + "To play this video you need to enable JavaScript in your browser.\n"
        + "Their correspondence began when they were in their 20s as part of an educational project to put British"
        + " and American students in contact, and the letters kept crossing the Atlantic for decades.";
    CleanedText c = cleaner(true).clean(page, "Devon and USA pen pals still in touch after both reaching 100",
        line -> false);
    assertTrue(c.text().startsWith("Two people who have been pen pals"), c.text());
    assertTrue(c.text().contains("Geoff Banks, from Devon"), c.text());
    assertTrue(!c.text().contains("Image caption"), c.text());
  }

  /** The cheap test before the headline's pattern is compiled turns away only lines the pattern cannot open. */
  @Test
  void theHeadlineTestTurnsAwayOnlyLinesThePatternCannotOpen() {
    java.util.List<TitleSites.Split> titles = java.util.List.of(
        new TitleSites.Split("Putin says Russia will respond", null),
        new TitleSites.Split("«Kremlin» rejects the U.S. offer, again", "RT"),
        new TitleSites.Split("ÉTATS-UNIS : la Russie répond aux sanctions", null),
        new TitleSites.Split("2023 talks on arms control end without a deal", "CNN"),
        new TitleSites.Split("\u041a\u0440\u0435\u043c\u043b\u044c \u043e\u0442\u0432\u0435\u0442\u0438\u043b \u043d\u0430 \u0441\u0430\u043d\u043a\u0446\u0438\u0438 \u0421\u0428\u0410", null));
    java.util.List<String> lines = java.util.List.of(
        "Putin says Russia will respond to the sanctions, the Kremlin said.",
        "PUTIN SAYS RUSSIA WILL RESPOND | Moscow, Monday",
        "  — putin says russia will respond",
        "Putins says Russia will respond",
        "Russia will respond, Putin says",
        "«Kremlin» rejects the U.S. offer, again | RT The Kremlin on Monday ...",
        "\"Kremlin rejects the U.S. offer again\" was the headline.",
        "états-unis : la russie répond aux sanctions de Washington",
        "2023 talks on arms control end without a deal - CNN Talks ended",
        "½ 2023 talks on arms control end without a deal",
        "\u041a\u0420\u0415\u041c\u041b\u042c \u043e\u0442\u0432\u0435\u0442\u0438\u043b \u043d\u0430 \u0441\u0430\u043d\u043a\u0446\u0438\u0438 \u0421\u0428\u0410 \u0432 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a",
        "",
        "...");
    int opened = 0;
    for (TitleSites.Split title : titles) {
      java.util.regex.Pattern prefix = ArticleCleaner.titlePrefix(title);
      for (String line : lines) {
        boolean opens = prefix != null && prefix.matcher(line).lookingAt();
        opened += opens ? 1 : 0;
        assertTrue(!opens || ArticleCleaner.mayOpenWithHeadline(line, title), title + " / " + line);
      }
    }
    assertEquals(8, opened);
    assertTrue(!ArticleCleaner.mayOpenWithHeadline("Russia will respond, Putin says", titles.get(0)));
  }
}
