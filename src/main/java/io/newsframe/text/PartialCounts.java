package io.newsframe.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Counts keys within one task, for a {@code mapPartitions} whose rows Spark then sums by
 * key. Handing Spark one row per occurrence (tens of millions of words and word pairs at 100k
 * articles) made its aggregation, encoding each occurrence as a row, most of a counting pass's CPU;
 * a plain hash map counts them first. The map is handed on and emptied whenever it holds
 * {@code maxKeys} keys, so a task's memory stays bounded whatever it reads; the sums are the same
 * however often that happens.
 */
public final class PartialCounts {
  /** Rows of a string key and its count, as {@link #keyAndCount} makes them. */
  public static final StructType SCHEMA = new StructType().add("key", DataTypes.StringType, false)
      .add("count", DataTypes.LongType, false);

  /** Keys a task holds before it hands its counts on: some tens of megabytes of short strings. */
  public static final int MAX_KEYS = 1 << 18;

  private PartialCounts() {}

  /** A row of {@link #SCHEMA}. */
  public static Row keyAndCount(String key, long count) {
    return RowFactory.create(key, count);
  }

  /**
   * @param keysOf gives each key an input row holds, once per occurrence
   * @param toRow a key and its count as a row
   * @return a row per key counted, a key in more than one of them when the map filled up in between
   */
  public static <T, K> Iterator<Row> of(Iterator<T> input, BiConsumer<T, Consumer<K>> keysOf,
      BiFunction<K, Long, Row> toRow, int maxKeys) {
    return new Iterator<>() {
      private Iterator<Row> counted = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!counted.hasNext() && input.hasNext()) {
          counted = countUntilFull();
        }
        return counted.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return counted.next();
      }

      private Iterator<Row> countUntilFull() {
        Map<K, long[]> counts = new HashMap<>();
        Consumer<K> add = key -> counts.computeIfAbsent(key, k -> new long[1])[0]++;
        while (input.hasNext() && counts.size() < maxKeys) {
          keysOf.accept(input.next(), add);
        }
        List<Row> rows = new ArrayList<>(counts.size());
        counts.forEach((key, n) -> rows.add(toRow.apply(key, n[0])));
        return rows.iterator();
      }
    };
  }
}
