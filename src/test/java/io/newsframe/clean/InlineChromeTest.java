package io.newsframe.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InlineChromeTest {

  private static String cutText(String line) {
    return InlineChrome.find(line).stream().map(c -> line.substring(c.start(), c.end()))
        .collect(Collectors.joining(" | "));
  }

  @Test
  void storyHeaderIsCutWithItsAuthor() {
    String line = "Three weapons that changed the war By Ivana Kottasová and Yulia Kesaieva, CNN Updated 2:46 AM"
        + " EST, Mon March 6, 2023 Link Copied! A High Mobility Artillery Rocket System is fired.";
    List<InlineChrome.Cut> cuts = InlineChrome.find(line);
    assertEquals(2, cuts.size(), cutText(line));
    assertEquals("By Ivana Kottasová and Yulia Kesaieva, CNN Updated 2:46 AM EST, Mon March 6, 2023",
        line.substring(cuts.get(0).start(), cuts.get(0).end()));
    assertEquals(LineReason.BYLINE, cuts.get(0).reason());
    assertEquals("Ivana Kottasová and Yulia Kesaieva", cuts.get(0).author());
    assertEquals(LineReason.SHARE_PROMPT, cuts.get(1).reason());
  }

  @Test
  void proseThatOpensWithByIsKept() {
    assertEquals("", cutText("By June last year, at least 320,000 Mariupol citizens had fled, the mayor said."));
    assertEquals("", cutText("He was updated on the talks by 5:30 pm, officials said."));
  }

  @Test
  void playerItemsAreCut() {
    String line = "Video Ad FeedbackNew videos show Russian negotiations at steel plant 03:44Now playing"
        + " - Source:CNNVideo Ad FeedbackUS Marine testifies 02:30Now playing - Source:CNN";
    List<InlineChrome.Cut> cuts = InlineChrome.find(line);
    assertEquals(2, cuts.size(), cutText(line));
    assertTrue(cuts.stream().allMatch(c -> c.reason() == LineReason.TEASER));
    assertEquals(line.length(), cuts.get(1).end());
    assertEquals("09:53 - Source:CNN", cutText("Watch the full speech 09:53 - Source:CNNCNN Get the news").replace("CNNCNN", "CNN"));
  }

  @Test
  void imageLabelsEndAtTheJointOrTheLineEnd() {
    assertEquals("Image source, Getty Images | By James Landale & Becky MortonBBC News",
        cutText("Image source, Getty ImagesBy James Landale & Becky MortonBBC NewsFormer Prime Minister Liz Truss spoke."));
    assertEquals("Image source, AFP", cutText("Germany agreed to send them tanks. Image source, AFP"));
    assertEquals("Image caption, Relatives of Ukrainian POWs wait",
        cutText("Image caption, Relatives of Ukrainian POWs waitThe exchange took place on Monday."));
    assertEquals("Image caption, Mr Guo and Mr Bannon pictured together in 2018",
        cutText("Image caption, Mr Guo and Mr Bannon pictured together in 2018Last year, Mr Guo's firm paid $539m."));
  }

  @Test
  void photoCreditsAreCutAndTheCaptionKept() {
    assertEquals("Agencia Press South/Getty ImagesCNN",
        cutText("First lady Jill Biden visits Quito in this file photo.Agencia Press South/Getty ImagesCNN Jill Biden will travel"));
    assertEquals("Al Drago/Bloomberg/Getty Images", cutText("Jake Sullivan.Al Drago/Bloomberg/Getty ImagesUS says China will pay"));
    assertEquals("Natalia Kolesnikova/AFP/Getty Images", cutText("Natalia Kolesnikova/AFP/Getty Images"));
    assertEquals("(Photo by Liu Yilin/Xinhua)", cutText("People pose with tulips in Los Angeles. (Photo by Liu Yilin/Xinhua)People"));
    assertEquals("[Photo/Xinhua]", cutText("Graduates attend the ceremony in Beijing. [Photo/Xinhua]Chinese institutions"));
    assertEquals("© Global Look Press Nir Alon", cutText("Reservists are boycotting a drill FILE PHOTO. © Global Look Press Nir Alon"));
    assertEquals("PA Images via Getty Images", cutText("PA Images via Getty Images"));
    // Slashes between words that end in no picture desk are prose.
    assertEquals("", cutText("The AC/DC concert and the Paris/Berlin route reopened on Monday."));
  }

  @Test
  void sourceStampsAndEditorsCreditsAreCut() {
    assertEquals("(Xinhua) 11:10, March 07, 2023",
        cutText("(Xinhua) 11:10, March 07, 2023BEIJING, March 7 (Xinhua) -- China hopes for talks."));
    assertEquals("(Compiled by Wang Qingxiu)", cutText("The baby was saved in Guangdong Province.(Compiled by Wang Qingxiu)"));
    assertEquals("", cutText("The minister (who was edited out of the film) spoke at 11:10."));
  }

  @Test
  void aVideoCarouselGluedIntoOneLineIsAList() {
    assertTrue(InlineChrome.isGluedList("Read descriptionExplore moreImprove your chances of seeing the northern"
        + " lights. Video, 00:00:58Improve your chances of seeing the northern lightsPublished27 FebruarySubsection"
        + "Norfolk0:58Up Next. Watch: Skies sparkle as northern lights seen from UK. Video, 00:00:30Watch: Skies"
        + " sparkle as northern lights seen from UKPublished27 FebruarySubsectionNorfolk0:30"));
    assertTrue(!InlineChrome.isGluedList("The DeSantis campaign said on Monday that the governor, who met McDonald"
        + " executives and YouTube creators in Miami, will announce his plans after the legislative session ends."));
    assertTrue(!InlineChrome.isGluedList("Officials said the talks in Geneva were constructive.The next round"
        + " starts in March, when both sides will bring proposals on arms control and prisoner exchanges."));
  }

  @Test
  void gluedEndMarkerIsCut() {
    assertEquals("Related Topics", cutText("Russia's warnings did \"give reasons for serious concerns\".Related Topics"));
    assertEquals("", cutText("Related Topics of the summit were trade and climate."));
  }
}
