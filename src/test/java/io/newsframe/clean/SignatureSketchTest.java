package io.newsframe.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class SignatureSketchTest {
  private static final int POSITIONS = 100;
  private static final double THRESHOLD = 0.6;

  /** A signature equal to {@code base} at {@code equal} random positions, elsewhere different. */
  private static int[] withEqual(int[] base, int equal, SplittableRandom random) {
    int[] other = new int[base.length];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < base.length; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, new java.util.Random(random.nextLong()));
    for (int k = 0; k < base.length; k++) {
      int i = order.get(k);
      int different = random.nextInt(Integer.MAX_VALUE);
      other[i] = k < equal ? base[i] : (different == base[i] ? different + 1 : different);
    }
    return other;
  }

  private static int[] randomSignature(SplittableRandom random, int length) {
    int[] sig = new int[length];
    for (int i = 0; i < length; i++) {
      sig[i] = random.nextInt(Integer.MAX_VALUE);
    }
    return sig;
  }

  @Test
  void neverRulesOutAPairVerificationWouldKeep() {
    SplittableRandom random = new SplittableRandom(3);
    SignatureSketch sketch = new SignatureSketch(POSITIONS, THRESHOLD);
    for (int trial = 0; trial < 20_000; trial++) {
      int[] a = randomSignature(random, POSITIONS);
      int[] b = withEqual(a, random.nextInt(POSITIONS + 1), random);
      int agreeing = SignatureSketch.agreeing(SignatureSketch.of(a), SignatureSketch.of(b), POSITIONS);
      int equal = (int) Math.round(MinHasher.similarity(a, b) * POSITIONS);
      assertTrue(agreeing >= equal, "the low bits of equal positions agree: " + agreeing + " < " + equal);
      if (MinHasher.similarity(a, b) >= THRESHOLD) {
        assertTrue(sketch.mayBeSimilar(SignatureSketch.of(a), SignatureSketch.of(b)), "trial " + trial);
      }
    }
  }

  @Test
  void countsAgreeingPositionsExactlyWhateverTheLength() {
    // 7 positions: the last byte holds one, its unused bits must not count.
    int[] a = {0b0000, 0b0001, 0b0100, 0b1000, 0x10, 5, 6};
    int[] b = {0b0000, 0b1001, 0b0110, 0b0000, 0x20, 5, 7};
    // Positions 0 and 5 are equal; 4 (0x10 and 0x20: low bits 0000 and 0000) agrees on its bits
    // only; 1, 2, 3 and 6 differ in one bit each, the highest, a middle one or the lowest.
    assertEquals(3, SignatureSketch.agreeing(SignatureSketch.of(a), SignatureSketch.of(b), a.length));
    assertEquals(4, SignatureSketch.of(a).length);
  }

  @Test
  void rulesOutNearlyEveryPairFarBelowTheThreshold() {
    SplittableRandom random = new SplittableRandom(5);
    SignatureSketch sketch = new SignatureSketch(POSITIONS, THRESHOLD);
    int trials = 5_000;
    int keptAtFifty = 0;
    int keptAtFiftyEight = 0;
    for (int trial = 0; trial < trials; trial++) {
      int[] a = randomSignature(random, POSITIONS);
      if (sketch.mayBeSimilar(SignatureSketch.of(a), SignatureSketch.of(withEqual(a, 50, random)))) {
        keptAtFifty++;
      }
      if (sketch.mayBeSimilar(SignatureSketch.of(a), SignatureSketch.of(withEqual(a, 58, random)))) {
        keptAtFiftyEight++;
      }
    }
    // Expected agreeing positions: 50 + 50 / 16 = 53.1 (sd 1.7) and 58 + 42 / 16 = 60.6 (sd 1.6).
    assertTrue(keptAtFifty < trials / 500, "pairs of similarity 0.5 passed on: " + keptAtFifty);
    assertTrue(keptAtFiftyEight > trials / 10, "pairs of similarity 0.58 passed on: " + keptAtFiftyEight);
  }

  @Test
  void bucketPairsLeaveOutPairsTheSketchesRuleOut() {
    SplittableRandom random = new SplittableRandom(11);
    int[] a = randomSignature(random, POSITIONS);
    int[] near = withEqual(a, 80, random);
    int[] far = withEqual(a, 10, random);
    // Far agrees with both on its low bits at few positions (a sixth or so): none of its pairs passes.
    List<Row> bucket = List.of(RowFactory.create(1L, "a", true, SignatureSketch.of(a)),
        RowFactory.create(1L, "far", true, SignatureSketch.of(far)),
        RowFactory.create(1L, "near", true, SignatureSketch.of(near)));
    List<String> pairs = new ArrayList<>();
    Iterator<Row> formed = new BucketPairs(bucket.iterator(), 50, new SignatureSketch(POSITIONS, THRESHOLD));
    formed.forEachRemaining(pair -> pairs.add(pair.getString(0) + "-" + pair.getString(1)));
    assertEquals(List.of("a-near"), pairs);
    List<String> unsketched = new ArrayList<>();
    new BucketPairs(bucket.stream().map(r -> RowFactory.create(r.get(0), r.get(1), r.get(2))).iterator(), 50)
        .forEachRemaining(pair -> unsketched.add(pair.getString(0) + "-" + pair.getString(1)));
    assertEquals(List.of("a-far", "a-near", "far-near"), unsketched);
  }
}
