package io.newsframe.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs an attempt's stages in their order, each when the stage before it has ended; a stage that
 * names an earlier one in {@link Stage#startsAfter} starts when that one has ended instead, beside
 * the stages in between, if the run allows it by then ({@code sideBySide}, asked with the reports
 * of the stages that have ended). Such a stage waits for a stage in between with {@link #await}
 * before it reads that stage's tables.
 *
 * <p>Why: a small batch's stages are mostly the driver planning, scheduling and committing small
 * Spark jobs, one after the other, while the cores wait; two stages side by side fill the gaps.
 * A large batch's stages keep both cores busy on their own, and two at once would hold both
 * stages' cached data at the same time.
 *
 * <p>When a stage fails, the stages after it are not started, those running are let end (a
 * stage's failure handling must not run while another still writes), and the first failure in
 * stage order is rethrown, ahead of failures that only report an awaited stage's.
 */
final class StageSchedule implements AutoCloseable {
  /** Thrown by {@link #await} when the awaited stage failed or never ran: not the run's first cause. */
  static final class AwaitedStageFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AwaitedStageFailed(String stage, Throwable cause) {
      super("stage " + stage + " did not complete: " + PipelineRun.oneLine(cause), cause);
    }
  }

  private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "newsframe-stage");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, CompletableFuture<RunReport.StageReport>> ends = new LinkedHashMap<>();
  private final Set<String> running = new LinkedHashSet<>();
  private final Consumer<String> onRunningChange;

  /** {@code onRunningChange} is told the names of the stages running, joined, whenever they change. */
  StageSchedule(Consumer<String> onRunningChange) {
    this.onRunningChange = onRunningChange;
  }

  /**
   * Runs {@code stages} with {@code runOne} and returns their reports in stage order once every
   * stage started has ended; rethrows the first failure (see the class comment).
   */
  List<RunReport.StageReport> run(List<Stage> stages, Function<Stage, RunReport.StageReport> runOne,
      Predicate<List<RunReport.StageReport>> sideBySide) {
    CompletableFuture<?> previous = CompletableFuture.completedFuture(null);
    for (Stage stage : stages) {
      CompletableFuture<RunReport.StageReport> end = startOf(stage, previous, sideBySide)
          .thenApplyAsync(ready -> runTracked(stage, runOne), threads);
      synchronized (ends) {
        ends.put(stage.name(), end);
      }
      previous = end;
    }
    return collect();
  }

  /**
   * When {@code stage} may start: once the stage it names in {@link Stage#startsAfter} has ended, if
   * the run allows it then; otherwise once the stage before it ({@code previous}) has ended.
   */
  private CompletableFuture<Void> startOf(Stage stage, CompletableFuture<?> previous,
      Predicate<List<RunReport.StageReport>> sideBySide) {
    CompletableFuture<?> early;
    synchronized (ends) {
      early = stage.startsAfter() == null ? null : ends.get(stage.startsAfter());
    }
    if (early == null) {
      return previous.thenRun(() -> { });
    }
    return early.thenCompose(ignored -> (sideBySide.test(ended()) ? early : previous).thenRun(() -> { }));
  }

  /**
   * Blocks until {@code stage} of this schedule has ended; returns at once for a stage the
   * schedule does not run. Throws {@link AwaitedStageFailed} when it failed or was not started.
   */
  void await(String stage) {
    CompletableFuture<RunReport.StageReport> end;
    synchronized (ends) {
      end = ends.get(stage);
    }
    if (end == null) {
      return;
    }
    try {
      end.join();
    } catch (CompletionException e) {
      throw new AwaitedStageFailed(stage, e.getCause() == null ? e : e.getCause());
    }
  }

  private RunReport.StageReport runTracked(Stage stage, Function<Stage, RunReport.StageReport> runOne) {
    changeRunning(() -> running.add(stage.name()));
    try {
      return runOne.apply(stage);
    } finally {
      changeRunning(() -> running.remove(stage.name()));
    }
  }

  private void changeRunning(Runnable change) {
    String label;
    synchronized (running) {
      change.run();
      label = String.join(" + ", running);
    }
    if (!label.isEmpty()) {
      onRunningChange.accept(label);
    }
  }

  /** The reports of the stages that have ended well so far, in stage order. */
  private List<RunReport.StageReport> ended() {
    List<RunReport.StageReport> reports = new ArrayList<>();
    synchronized (ends) {
      for (CompletableFuture<RunReport.StageReport> end : ends.values()) {
        if (end.isDone() && !end.isCompletedExceptionally()) {
          reports.add(end.join());
        }
      }
    }
    return reports;
  }

  /** Waits for every stage; the reports in stage order, or the first failure (own failures first). */
  private List<RunReport.StageReport> collect() {
    List<RunReport.StageReport> reports = new ArrayList<>();
    RuntimeException first = null;
    RuntimeException firstAwaited = null;
    for (CompletableFuture<RunReport.StageReport> end : List.copyOf(ends.values())) {
      try {
        reports.add(end.join());
      } catch (CompletionException e) {
        RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
            : new IllegalStateException(PipelineRun.oneLine(e.getCause()), e.getCause());
        if (cause instanceof AwaitedStageFailed) {
          firstAwaited = firstAwaited == null ? cause : firstAwaited;
        } else if (first == null) {
          // A stage that did not start because one before it failed ends with that same failure.
          first = cause;
        }
      }
    }
    if (first != null || firstAwaited != null) {
      throw new StagesFailed(first != null ? first : firstAwaited, reports);
    }
    return reports;
  }

  /** The run's first failure, with the reports of the stages that ended well. */
  static final class StagesFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<RunReport.StageReport> completed;

    StagesFailed(RuntimeException cause, List<RunReport.StageReport> completed) {
      super(cause.getMessage(), cause);
      this.completed = completed;
    }

    RuntimeException firstFailure() {
      return (RuntimeException) getCause();
    }

    List<RunReport.StageReport> completed() {
      return completed;
    }
  }

  @Override
  public void close() {
    threads.shutdown();
  }
}
