package io.newsframe.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Count changes travel sparsely and arrive exactly as they left. */
class CountChangeTest {

  private static byte[] serialize(CountChange change) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(change);
    }
    return bytes.toByteArray();
  }

  private static CountChange deserialize(byte[] bytes) throws Exception {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (CountChange) in.readObject();
    }
  }

  @Test
  void aSparseChangeRoundTripsInAFractionOfItsDenseSize() throws Exception {
    int[] cells = new int[500_000];
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 25_000; i++) {
      cells[random.nextInt(cells.length)] = random.nextInt(-300, 300);
    }
    cells[0] = Integer.MIN_VALUE;
    cells[cells.length - 1] = Integer.MAX_VALUE;
    cells[1] = -1;
    byte[] bytes = serialize(new CountChange(cells.clone(), Map.of(42L, 3L)));
    CountChange back = deserialize(bytes);
    assertArrayEquals(cells, back.wordTopic());
    assertEquals(Map.of(42L, 3L), back.histograms());
    assertTrue(bytes.length < cells.length * 4 / 10, "serialized size " + bytes.length);
  }

  @Test
  void noChangeRoundTripsToZeros() throws Exception {
    CountChange back = deserialize(serialize(CountChange.none(1000)));
    assertArrayEquals(new int[1000], back.wordTopic());
  }

  @Test
  void changesAddCellByCellAndHistogramsMerge() {
    CountChange a = new CountChange(new int[] {1, -2, 0}, Map.of(1L, 2L));
    CountChange b = new CountChange(new int[] {0, 2, 5}, Map.of(1L, 1L, 7L, 1L));
    CountChange sum = a.plus(b);
    assertArrayEquals(new int[] {1, 0, 5}, sum.wordTopic());
    assertEquals(Map.of(1L, 3L, 7L, 1L), sum.histograms());
    assertArrayEquals(new int[] {1, -2, 0}, a.wordTopic(), "the operands stay as they were");
  }
}
