package io.newsframe.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsframe.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;

/** Site names learned from the ends of a batch's titles, and taken off them. */
class TitleSitesTest {

  private static TitleSites learn(List<String> titles, int minDocs) {
    var titlesFrame = SharedSpark.session().createDataset(titles, Encoders.STRING()).toDF("title");
    return TitleSites.learn(titlesFrame, "title", minDocs, 1000);
  }

  @Test
  void recurringEndingsAreSitesButASpeakerWrittenAboutInHeadlinesIsNot() {
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      titles.add("Sanctions round " + i + " takes effect — RT World News");
      titles.add("Summit " + i + " ends without a deal | CNN Politics");
      titles.add("Talks on grain corridor " + i + " stall – Kremlin");
      titles.add("Kremlin rejects offer number " + i);
      titles.add("Kremlin says envoy " + i + " was expelled - People's Daily Online");
    }
    titles.add("Two-day visit ends - report");
    titles.add("Half-time: no news yet");
    TitleSites sites = learn(titles, 3);
    // "kremlin" ends four titles but opens eight headlines: a speaker, not a site.
    assertEquals(Set.of("rt world news", "cnn politics", "peoples daily online"), sites.keys());
    TitleSites.Split rt = sites.split("Sanctions round 9 takes effect — RT World News");
    assertEquals("Sanctions round 9 takes effect", rt.headline());
    assertEquals("RT World News", rt.site());
    assertEquals("Talks on grain corridor 9 stall – Kremlin", sites.split("Talks on grain corridor 9 stall – Kremlin").headline());
  }

  @Test
  void nestedSiteSegmentsComeOffAndHyphenatedWordsStay() {
    TitleSites sites = new TitleSites(Set.of("world", "rt"));
    TitleSites.Split split = sites.split("Ceasefire ‘unacceptable’ – White House - World - RT");
    assertEquals("Ceasefire ‘unacceptable’ – White House", split.headline());
    assertEquals("RT", split.site());
    TitleSites.Split none = sites.split("Pro-Kremlin hard-liners gain ground in world-wide poll");
    assertEquals("Pro-Kremlin hard-liners gain ground in world-wide poll", none.headline());
    assertNull(none.site());
    // Segments come off while a headline is left: a title that is only site names keeps the first.
    assertEquals("World", sites.split("World - RT").headline());
    assertEquals("RT", sites.split("RT").headline());
  }

  @Test
  void endingsInFewerThanMinDocsTitlesAreNotLearned() {
    TitleSites sites = learn(List.of("One - Daily Bugle", "Two - Daily Bugle", "Three - Gazette"), 3);
    assertEquals(Set.of(), sites.keys());
    assertEquals("Two - Daily Bugle", sites.split("Two - Daily Bugle").headline());
  }
}
