package io.newsframe.clean;

import java.io.Serializable;

/**
 * The four lowest bits of each position of a MinHash signature, two positions to a byte: an eighth
 * of the signature, carried with its band rows so that a bucket's candidate pairs can be tested
 * where they are formed. Two positions that are equal have equal low bits, so the positions whose
 * bits agree are never fewer than the equal ones: a pair whose bits agree on less than the
 * threshold share cannot pass verification, and is dropped without it. Positions that differ agree
 * on their bits one time in sixteen (the values' low bits are uniform), so at a threshold of 0.6 a
 * pair of similarity 0.5 (about 53 of 100 agreeing) is dropped nearly always, and one of 0.58 (about
 * 59) passes on to verification about a third of the time. Of the 31.2 million distinct candidate
 * pairs of a million generated articles, 3.0 million pass (8.8 million with two bits a position),
 * and 2.3 million links are found either way.
 */
final class SignatureSketch implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int BITS = 4;
  private static final int PER_BYTE = Byte.SIZE / BITS;
  private static final int LOW_MASK = (1 << BITS) - 1;
  /** The low bit of each four-bit group of a byte. */
  private static final int LOW_BITS = 0x11;

  private final int positions;
  private final double threshold;

  /**
   * @param positions the signatures' length
   * @param threshold the share of equal positions verification asks for
   */
  SignatureSketch(int positions, double threshold) {
    this.positions = positions;
    this.threshold = threshold;
  }

  /** The sketch of a signature: position i in bits 4(i mod 2) and up of byte i / 2. */
  static byte[] of(int[] signature) {
    byte[] sketch = new byte[(signature.length + PER_BYTE - 1) / PER_BYTE];
    for (int i = 0; i < signature.length; i++) {
      sketch[i / PER_BYTE] |= (byte) ((signature[i] & LOW_MASK) << (BITS * (i % PER_BYTE)));
    }
    return sketch;
  }

  /** The positions whose low bits agree, of two sketches of signatures of the given length. */
  static int agreeing(byte[] a, byte[] b, int positions) {
    int differing = 0;
    for (int i = 0; i < a.length; i++) {
      int x = (a[i] ^ b[i]) & 0xFF;
      // A group differs when any of its bits does: fold its bits onto its lowest.
      int folded = x | x >>> 1;
      differing += Integer.bitCount((folded | folded >>> 2) & LOW_BITS);
    }
    return positions - differing;
  }

  /**
   * False only when the two signatures cannot agree on the threshold share of positions
   * ({@link MinHasher#similarity} below it): the test verification makes, on an upper bound.
   */
  boolean mayBeSimilar(byte[] a, byte[] b) {
    return (double) agreeing(a, b, positions) / positions >= threshold;
  }
}
