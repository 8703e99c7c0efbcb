package io.newsframe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteLinesTest {
  private static List<String> lines(String text, int max) throws IOException {
    ByteLines lines = new ByteLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    List<String> out = new ArrayList<>();
    while (lines.next()) {
      out.add((lines.tooLong() ? "LONG:" : "") + new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Test
  void splitsOnLfAndCrLfAndKeepsALastLineWithoutNewline() throws IOException {
    assertEquals(List.of("a", "b", "", "c"), lines("a\r\nb\n\nc", 100));
  }

  @Test
  void aTrailingNewlineMakesNoExtraLine() throws IOException {
    assertEquals(List.of("a", "b"), lines("a\nb\n", 100));
  }

  @Test
  void aLineOverTheLimitIsFlaggedAndTheNextLineIsIntact() throws IOException {
    List<String> out = lines("x".repeat(200_000) + "\nnext\n", 1000);
    assertEquals(2, out.size());
    assertTrue(out.get(0).startsWith("LONG:xxx"));
    assertTrue(out.get(0).length() <= 1000 + 5);
    assertEquals("next", out.get(1));
  }

  @Test
  void linesLongerThanTheReadChunkAreWhole() throws IOException {
    String big = "y".repeat(150_000);
    List<String> out = lines(big + "\nz", 1_000_000);
    assertEquals(big, out.get(0));
    assertFalse(out.get(0).startsWith("LONG:"));
  }
}
