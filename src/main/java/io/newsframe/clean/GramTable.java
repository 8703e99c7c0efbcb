package io.newsframe.clean;

/**
 * A map from an n-gram's 64-bit hash to an int, for the n-grams of one article: open addressing in
 * two flat arrays, emptied between passes by a new generation rather than cleared or reallocated.
 *
 * <p>Why not a {@code HashMap<Long, Integer>}: the quality checks make nine passes over every
 * article's words (2- to 4-grams counted, 5- to 10-grams' first places), and boxing each key and
 * count cost more than the checks' own arithmetic (4.2 s of CPU at 100,000 articles).
 */
final class GramTable {
  private final long[] keys;
  private final int[] values;
  /** The pass a slot was filled in; a slot of an earlier pass is empty. */
  private final int[] filledIn;
  private final int bits;
  private int pass = 1;

  /** A table for passes of at most {@code grams} distinct keys. */
  GramTable(int grams) {
    bits = 32 - Integer.numberOfLeadingZeros(Math.max(4, 2 * grams - 1));
    keys = new long[1 << bits];
    values = new int[1 << bits];
    filledIn = new int[1 << bits];
  }

  /** Starts a pass: the table is empty. */
  void clear() {
    pass++;
  }

  /** Adds one to the key's count and returns the new count. */
  int increment(long key) {
    int slot = slotOf(key);
    if (filledIn[slot] != pass) {
      fill(slot, key, 1);
      return 1;
    }
    return ++values[slot];
  }

  /** The key's value if it has one; else sets it to {@code value} and returns -1. */
  int putIfAbsent(long key, int value) {
    int slot = slotOf(key);
    if (filledIn[slot] != pass) {
      fill(slot, key, value);
      return -1;
    }
    return values[slot];
  }

  private void fill(int slot, long key, int value) {
    filledIn[slot] = pass;
    keys[slot] = key;
    values[slot] = value;
  }

  /** The key's slot, or the empty slot where it goes (the table is never more than half full). */
  private int slotOf(long key) {
    int mask = (1 << bits) - 1;
    int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - bits));
    while (filledIn[slot] == pass && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }
}
