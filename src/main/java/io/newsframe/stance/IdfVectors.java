package io.newsframe.stance;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * An article's set of words as the axes' regressions read it: the vector MLlib's binary
 * CountVectorizerModel, IDFModel and Normalizer (p = 2) make of it, its zeros dropped (as
 * {@code toSparse}), computed with the same arithmetic in the same order, so the same to the bit
 * ({@code IdfVectorsTest} holds it to the three transformers).
 *
 * <p>Why not the transformers themselves: they are three nested UDFs, each converting its input
 * from Spark's rows (the word array to a Scala sequence, element by element in interpreted code,
 * and each vector through its UDT), and the training set is about axis-terms.max-training
 * articles: at 100,000 generated articles that pass took 4.2 s of executor CPU and 3 s of the stance
 * stage's wall time, most of it in those conversions. Here the words are looked up as Spark holds them
 * (UTF-8 bytes), and each article is packed into bytes for the driver.
 */
final class IdfVectors implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<UTF8String, Integer> index;
  private final double[] idf;

  /** @param vocabulary the count vectorizer's terms, in its order; @param idf each term's idf, in that order */
  IdfVectors(String[] vocabulary, double[] idf) {
    if (vocabulary.length != idf.length) {
      throw new IllegalArgumentException(vocabulary.length + " terms but " + idf.length + " idf weights");
    }
    this.index = new HashMap<>(vocabulary.length * 2);
    for (int i = 0; i < vocabulary.length; i++) {
      index.put(UTF8String.fromString(vocabulary[i]), i);
    }
    this.idf = idf.clone();
  }

  /** A vector's non-zero entries: term indices ascending, and their values. */
  record Entries(int[] indices, double[] values) {}

  /** The vector of a set of distinct words (a word outside the vocabulary adds nothing). */
  Entries of(ArrayData words) {
    int[] found = new int[words.numElements()];
    int n = 0;
    for (int w = 0; w < found.length; w++) {
      Integer i = words.isNullAt(w) ? null : index.get(words.getUTF8String(w));
      if (i != null) {
        found[n++] = i;
      }
    }
    int[] indices = Arrays.copyOf(found, n);
    Arrays.sort(indices);
    double[] values = new double[n];
    // Binary counts (1.0) times idf, as IDFModel scales a sparse vector's values.
    for (int k = 0; k < n; k++) {
      values[k] = 1.0 * idf[indices[k]];
    }
    // Normalizer: the values divided by their L2 norm, summed in index order; left as they are at norm 0.
    double sum = 0;
    for (double v : values) {
      sum += v * v;
    }
    double norm = Math.sqrt(sum);
    if (norm != 0.0) {
      for (int k = 0; k < n; k++) {
        values[k] /= norm;
      }
    }
    return withoutZeros(indices, values);
  }

  private static Entries withoutZeros(int[] indices, double[] values) {
    int kept = 0;
    for (double v : values) {
      kept += v != 0 ? 1 : 0;
    }
    if (kept == values.length) {
      return new Entries(indices, values);
    }
    int[] i2 = new int[kept];
    double[] v2 = new double[kept];
    for (int k = 0, j = 0; k < values.length; k++) {
      if (values[k] != 0) {
        i2[j] = indices[k];
        v2[j++] = values[k];
      }
    }
    return new Entries(i2, v2);
  }

  /** An article's vector and its side on each axis, packed for the trip to the driver. */
  static byte[] pack(Entries vector, ArrayData sides) {
    int n = vector.indices().length;
    ByteBuffer out = ByteBuffer.allocate(Integer.BYTES * (2 + n + sides.numElements()) + Double.BYTES * n);
    out.putInt(n);
    for (int k = 0; k < n; k++) {
      out.putInt(vector.indices()[k]).putDouble(vector.values()[k]);
    }
    out.putInt(sides.numElements());
    for (int x = 0; x < sides.numElements(); x++) {
      out.putInt(sides.getInt(x));
    }
    return out.array();
  }

  /** What {@link #pack} packed: the vector, then the sides. */
  record Unpacked(Entries vector, int[] sides) {}

  static Unpacked unpack(byte[] packed) {
    ByteBuffer in = ByteBuffer.wrap(packed);
    int n = in.getInt();
    int[] indices = new int[n];
    double[] values = new double[n];
    for (int k = 0; k < n; k++) {
      indices[k] = in.getInt();
      values[k] = in.getDouble();
    }
    int[] sides = new int[in.getInt()];
    for (int x = 0; x < sides.length; x++) {
      sides[x] = in.getInt();
    }
    return new Unpacked(new Entries(indices, values), sides);
  }
}
