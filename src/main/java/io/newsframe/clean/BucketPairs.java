package io.newsframe.clean;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The candidate pairs of MinHash band buckets, read from (bucket, id, fresh) rows sorted by bucket:
 * each bucket's members ordered by id as Spark orders strings, then all pairs of them, or a star on
 * the smallest id when the bucket holds more than {@code maxBucket}; a pair of two earlier articles
 * (fresh false) is left out. One bucket's members are held at a time, and its pairs are handed out
 * as they are asked for, so a task's memory is that of its largest bucket.
 *
 * <p>Given a {@link SignatureSketch}, the rows carry each member's sketch as a fourth column, and a
 * pair whose sketches show it cannot pass verification is left out too.
 */
final class BucketPairs implements Iterator<Row> {
  private static final Comparator<Member> MEMBER_ORDER =
      Comparator.comparing(Member::id, DriverComponents.SPARK_ORDER).thenComparing(Member::fresh);

  private record Member(String id, boolean fresh, byte[] sketch) {}

  private final Iterator<Row> sorted;
  private final int maxBucket;
  private final SignatureSketch sketch;
  private final List<Member> members = new ArrayList<>();
  private Row lookahead;
  private int i;
  private int j;
  private Row next;

  /**
   * @param sorted rows of (bucket long, id string, fresh boolean), a bucket's rows next to each other
   */
  BucketPairs(Iterator<Row> sorted, int maxBucket) {
    this(sorted, maxBucket, null);
  }

  /**
   * @param sorted rows of (bucket long, id string, fresh boolean, sketch binary), a bucket's rows
   *     next to each other
   * @param sketch the test of the members' sketches a pair must pass
   */
  BucketPairs(Iterator<Row> sorted, int maxBucket, SignatureSketch sketch) {
    this.sorted = sorted;
    this.maxBucket = maxBucket;
    this.sketch = sketch;
    this.lookahead = sorted.hasNext() ? sorted.next() : null;
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (!advancePair() && !readBucket()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row out = next;
    next = null;
    return out;
  }

  /** Moves to the bucket's next pair, setting {@code next} when it is one to emit; false past the last. */
  private boolean advancePair() {
    int firsts = members.size() > maxBucket ? 1 : members.size();
    while (i < firsts) {
      if (++j >= members.size()) {
        i++;
        j = i;
        continue;
      }
      Member a = members.get(i);
      Member b = members.get(j);
      if ((a.fresh() || b.fresh()) && (sketch == null || sketch.mayBeSimilar(a.sketch(), b.sketch()))) {
        next = RowFactory.create(a.id(), b.id());
      }
      return true;
    }
    return false;
  }

  /** Reads the next bucket's members, sorted; false when the rows are used up. */
  private boolean readBucket() {
    members.clear();
    if (lookahead == null) {
      return false;
    }
    long bucket = lookahead.getLong(0);
    while (lookahead != null && lookahead.getLong(0) == bucket) {
      members.add(new Member(lookahead.getString(1), lookahead.getBoolean(2),
          sketch == null ? null : (byte[]) lookahead.get(3)));
      lookahead = sorted.hasNext() ? sorted.next() : null;
    }
    members.sort(MEMBER_ORDER);
    i = 0;
    j = 0;
    return true;
  }
}
