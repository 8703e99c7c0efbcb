package io.newsframe.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which passages of a text are quoted: the writer's own voice is everything else. */
class QuotationsTest {
  private static List<String> quoted(String text) {
    return Quotations.of(text).stream().map(s -> text.substring(s.open() + 1, s.close())).toList();
  }

  @Test
  void curlyStraightAndGuillemetQuotationsAreFound() {
    assertEquals(List.of("illegal invasion of Ukraine", "Russian aggression", "invented story", "war"),
        quoted("London cited “illegal invasion of Ukraine”, statements about \"Russian aggression\", "
            + "an «invented story» and a 'war'."));
  }

  @Test
  void apostrophesNeitherOpenNorCloseAQuotation() {
    assertEquals(List.of(), quoted("Russia's war and Russia’s troops; don't say it, it's Kyiv's."));
    assertEquals(List.of("total blockade"), quoted("Taiwan braces for ‘total blockade’ – Russia’s view"));
    assertEquals(List.of("UK research is in jeopardy"), quoted("Nobel scientist says 'UK research is in jeopardy'"));
  }

  @Test
  void singleQuotesStayWithinALineAndAnUnclosedMarkOpensNothing() {
    assertEquals(List.of(), quoted("It was ‘the start\nof it’ and then \"nothing"));
    assertEquals(List.of("a\nb"), quoted("“a\nb”"));
  }

  @Test
  void insideTellsWhetherACharacterRangeIsQuoted() {
    String text = "He called it an “invasion”, not an invasion.";
    List<Quotations.Span> spans = Quotations.of(text);
    int quoted = text.indexOf("invasion");
    int own = text.lastIndexOf("invasion");
    assertTrue(Quotations.inside(spans, quoted, quoted + 8));
    assertFalse(Quotations.inside(spans, own, own + 8));
    assertFalse(Quotations.inside(spans, 0, 2));
  }
}
