package io.newsframe.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class PartialCountsTest {
  private static final List<String> LINES = List.of("a b a", "c", "", "b b d e", "a e f g h", "c a");

  private static void words(String line, Consumer<String> keys) {
    Arrays.stream(line.split(" ")).filter(w -> !w.isEmpty()).forEach(keys);
  }

  private static List<Row> rows(int maxKeys) {
    List<Row> rows = new ArrayList<>();
    PartialCounts.of(LINES.iterator(), PartialCountsTest::words, PartialCounts::keyAndCount, maxKeys).forEachRemaining(rows::add);
    return rows;
  }

  private static Map<String, Long> summed(List<Row> rows) {
    Map<String, Long> sums = new TreeMap<>();
    rows.forEach(r -> sums.merge(r.getString(0), r.getLong(1), Long::sum));
    return sums;
  }

  @Test
  void aRoomyMapGivesEachKeyOnceWithItsCount() {
    List<Row> rows = rows(PartialCounts.MAX_KEYS);
    assertEquals(8, rows.size());
    assertEquals(Map.of("a", 4L, "b", 3L, "c", 2L, "d", 1L, "e", 2L, "f", 1L, "g", 1L, "h", 1L), summed(rows));
  }

  @Test
  void aFullMapIsHandedOnAndTheSumsStayTheSame() {
    Map<String, Long> expected = summed(rows(PartialCounts.MAX_KEYS));
    for (int maxKeys : new int[] {1, 2, 3, 5}) {
      List<Row> rows = rows(maxKeys);
      assertEquals(expected, summed(rows), "maxKeys " + maxKeys);
      // A line's keys go into the map it was read into, so a handed-on map holds at most a line's
      // keys more than the bound; more rows than keys shows it was handed on.
      assertTrue(rows.size() > expected.size(), "maxKeys " + maxKeys + ": " + rows.size() + " rows");
    }
    assertEquals(LINES.stream().mapToLong(l -> Arrays.stream(l.split(" ")).filter(w -> !w.isEmpty()).count()).sum(),
        rows(1).stream().mapToLong(r -> r.getLong(1)).sum());
  }

  @Test
  void noInputOrNoKeysGiveNoRows() {
    Iterator<Row> none = PartialCounts.of(Collections.<String>emptyIterator(), PartialCountsTest::words,
        PartialCounts::keyAndCount, 4);
    assertFalse(none.hasNext());
    assertThrows(NoSuchElementException.class, none::next);
    assertFalse(PartialCounts.of(List.of("", "").iterator(), PartialCountsTest::words,
        PartialCounts::keyAndCount, 4).hasNext());
  }
}
