package io.newsframe.topics;

import org.apache.spark.util.AccumulatorV2;

/**
 * Sums the partitions' word-topic count changes and hyperparameter histograms of one
 * synchronisation. An accumulator rather than a second job over the swept documents: the job
 * that keeps the new state brings the changes back with its task results.
 */
final class ChangeAccumulator extends AccumulatorV2<CountChange, CountChange> {
  private static final long serialVersionUID = 1L;
  private CountChange sum;

  @Override
  public boolean isZero() {
    return sum == null;
  }

  @Override
  public ChangeAccumulator copy() {
    ChangeAccumulator copy = new ChangeAccumulator();
    copy.sum = sum;
    return copy;
  }

  @Override
  public void reset() {
    sum = null;
  }

  @Override
  public void add(CountChange change) {
    sum = sum == null ? change : sum.plus(change);
  }

  @Override
  public void merge(AccumulatorV2<CountChange, CountChange> other) {
    CountChange theirs = other.value();
    if (theirs != null) {
      add(theirs);
    }
  }

  /** The summed changes; null while no partition has reported. */
  @Override
  public CountChange value() {
    return sum;
  }
}
