package io.newsframe.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Independent pieces of driver-side work that each start Spark jobs, run a few at a time. A small
 * job keeps the cluster's cores busy for less time than the driver spends planning, scheduling
 * and committing it, so jobs from a few threads overlap where one thread's would queue. The
 * results come back in the order of the work, whatever order it ends in.
 */
public final class Concurrently {
  private Concurrently() {}

  /**
   * Runs every piece of {@code work}, at most {@code threads} at once, and returns when all have
   * ended: then their results in order, or the first failure in that order rethrown, so that
   * nothing is still running when the caller cleans up after it.
   */
  public static <T> List<T> all(List<Callable<T>> work, int threads) {
    if (work.isEmpty()) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(work.size(), threads));
    try {
      List<Future<T>> pending = new ArrayList<>();
      work.forEach(piece -> pending.add(pool.submit(piece)));
      List<T> results = new ArrayList<>();
      RuntimeException first = null;
      for (Future<T> future : pending) {
        try {
          results.add(await(future));
        } catch (RuntimeException e) {
          first = first == null ? e : first;
        }
      }
      if (first != null) {
        throw first;
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }

  /**
   * {@link #all} with one thread per core of this JVM: for work that only computes on the driver
   * (no Spark jobs), while the executors wait for its result.
   */
  public static <T> List<T> onDriverCores(List<Callable<T>> work) {
    return all(work, Runtime.getRuntime().availableProcessors());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for concurrent work", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime
          : new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
  }
}
