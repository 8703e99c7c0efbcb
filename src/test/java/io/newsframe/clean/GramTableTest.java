package io.newsframe.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GramTableTest {
  /**
   * Against a HashMap over many passes of one table: keys drawn from a small set (so that they
   * repeat and crowd the slots), a few extreme values among them, counts and first values both.
   */
  @Test
  void countsAndFirstValuesAreAHashMapsOverManyPasses() {
    Random random = new Random(7);
    long[] pool = new long[40];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = random.nextLong();
    }
    pool[0] = 0;
    pool[1] = Long.MIN_VALUE;
    pool[2] = -1;
    GramTable table = new GramTable(pool.length);
    for (int pass = 0; pass < 200; pass++) {
      table.clear();
      Map<Long, Integer> counts = new HashMap<>();
      Map<Long, Integer> first = new HashMap<>();
      boolean counting = pass % 2 == 0;
      int keys = random.nextInt(pool.length + 1);
      for (int i = 0; i < 3 * keys; i++) {
        long key = pool[random.nextInt(Math.max(1, keys))];
        if (counting) {
          assertEquals(counts.merge(key, 1, Integer::sum), table.increment(key), "pass " + pass);
        } else {
          Integer before = first.putIfAbsent(key, i);
          assertEquals(before == null ? -1 : before, table.putIfAbsent(key, i), "pass " + pass);
        }
      }
    }
  }

  @Test
  void aNewPassForgetsTheLastOne() {
    GramTable table = new GramTable(2);
    assertEquals(1, table.increment(5));
    assertEquals(2, table.increment(5));
    table.clear();
    assertEquals(1, table.increment(5));
    assertEquals(-1, table.putIfAbsent(9, 3));
    assertEquals(3, table.putIfAbsent(9, 4));
  }
}
