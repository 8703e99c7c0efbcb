package io.newsframe.topics;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * What the partitions' sweeps changed in one synchronisation: the word-topic count changes and,
 * when hyperparameters are due, the document-topic histograms.
 *
 * <p>Serialized sparsely: after the first sweeps only a few percent of the V×K cells change
 * between synchronisations, so the changes travel as varint gaps and zigzag varint values (about
 * 0.1 MB instead of 2.3 MB for V = 11,738, K = 50), which keeps each task's result small enough
 * to go straight back to the driver.
 */
final class CountChange implements Serializable {
  private static final long serialVersionUID = 1L;
  private transient int[] wordTopic;
  /** See {@link AdLdaTrainer} for the keys. */
  private final Map<Long, Long> histograms;

  CountChange(int[] wordTopic, Map<Long, Long> histograms) {
    this.wordTopic = wordTopic;
    this.histograms = histograms;
  }

  static CountChange none(int cells) {
    return new CountChange(new int[cells], Map.of());
  }

  int[] wordTopic() {
    return wordTopic;
  }

  Map<Long, Long> histograms() {
    return histograms;
  }

  /** The sum of two changes; neither is modified. */
  CountChange plus(CountChange other) {
    int[] sum = wordTopic.clone();
    for (int i = 0; i < sum.length; i++) {
      sum[i] += other.wordTopic[i];
    }
    Map<Long, Long> merged = new HashMap<>(histograms);
    other.histograms.forEach((key, value) -> merged.merge(key, value, Long::sum));
    return new CountChange(sum, merged);
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    VarintBuffer buffer = new VarintBuffer();
    int previous = -1;
    for (int i = 0; i < wordTopic.length; i++) {
      if (wordTopic[i] != 0) {
        buffer.put(i - previous);
        buffer.put((wordTopic[i] << 1) ^ (wordTopic[i] >> 31));
        previous = i;
      }
    }
    out.writeInt(wordTopic.length);
    out.writeInt(buffer.size);
    out.write(buffer.bytes, 0, buffer.size);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    wordTopic = new int[in.readInt()];
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    int position = 0;
    int cell = -1;
    while (position < bytes.length) {
      int gap = 0;
      int value = 0;
      for (int shift = 0, b = 0x80; (b & 0x80) != 0; shift += 7) {
        b = bytes[position++];
        gap |= (b & 0x7f) << shift;
      }
      for (int shift = 0, b = 0x80; (b & 0x80) != 0; shift += 7) {
        b = bytes[position++];
        value |= (b & 0x7f) << shift;
      }
      cell += gap;
      wordTopic[cell] = (value >>> 1) ^ -(value & 1);
    }
  }

  /** Unsigned LEB128 varints in a growing byte array. */
  private static final class VarintBuffer {
    private byte[] bytes = new byte[1 << 16];
    private int size;

    void put(int value) {
      if (size + 5 > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
      }
      while ((value & ~0x7f) != 0) {
        bytes[size++] = (byte) ((value & 0x7f) | 0x80);
        value >>>= 7;
      }
      bytes[size++] = (byte) value;
    }
  }
}
