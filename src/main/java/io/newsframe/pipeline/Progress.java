package io.newsframe.pipeline;

import java.io.PrintStream;
import java.time.Duration;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.JavaSparkStatusTracker;
import org.apache.spark.sql.SparkSession;

/**
 * Reports on stderr what a run is doing while a stage works: the pipeline stage, the Spark tasks
 * done of those known so far, their rate and the time left at that rate. On a terminal the line is
 * redrawn in place every second; otherwise (a scheduler's log) one line is written per interval.
 * The counts come from Spark's status tracker, which sees every job of the session.
 */
final class Progress implements AutoCloseable {
  private final JavaSparkStatusTracker tracker;
  private final PrintStream out;
  private final boolean terminal;
  private final DaemonTimer timer;
  private volatile String stage = "";
  private volatile long stageStartNanos = System.nanoTime();
  private long lastLength;

  private Progress(SparkSession spark, Duration interval, boolean terminal, PrintStream out) {
    this.tracker = JavaSparkContext.fromSparkContext(spark.sparkContext()).statusTracker();
    this.out = out;
    this.terminal = terminal;
    this.timer = new DaemonTimer("newsframe-progress", terminal ? Duration.ofSeconds(1) : interval, this::report);
  }

  /** Starts reporting; an interval of zero reports nothing. */
  static Progress start(SparkSession spark, Duration interval) {
    if (interval.isZero() || interval.isNegative()) {
      return new Progress(spark, Duration.ofDays(3650), false, System.err);
    }
    return new Progress(spark, interval, System.console() != null, System.err);
  }

  void stage(String name) {
    clearLine();
    stage = name;
    stageStartNanos = System.nanoTime();
  }

  /** Tasks done and in all, over the running Spark stages, and for how long they have run. */
  record Tasks(long done, long total, double seconds) {
    static Tasks of(JavaSparkStatusTracker tracker) {
      long done = 0;
      long total = 0;
      long firstSubmitted = Long.MAX_VALUE;
      for (int id : tracker.getActiveStageIds()) {
        SparkStageInfo info = tracker.getStageInfo(id);
        if (info != null) {
          done += info.numCompletedTasks();
          total += info.numTasks();
          if (info.submissionTime() > 0) {
            firstSubmitted = Math.min(firstSubmitted, info.submissionTime());
          }
        }
      }
      double seconds = firstSubmitted == Long.MAX_VALUE ? 0 : (System.currentTimeMillis() - firstSubmitted) / 1e3;
      return new Tasks(done, total, seconds);
    }
  }

  private synchronized void report() {
    Tasks tasks = Tasks.of(tracker);
    double seconds = (System.nanoTime() - stageStartNanos) / 1e9;
    String line = line(stage, tasks, seconds);
    if (terminal) {
      out.print("\r" + line + " ".repeat((int) Math.max(0, lastLength - line.length())));
      lastLength = line.length();
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** "stance: 35/64 tasks of the running Spark stages, 2.1 tasks/s, about 14 s left (1m 05s in the stage)". */
  static String line(String stage, Tasks tasks, double seconds) {
    StringBuilder line = new StringBuilder("newsframe: ").append(stage).append(": ");
    if (tasks.total() == 0) {
      line.append("working on the driver");
    } else {
      double rate = tasks.done() / Math.max(tasks.seconds(), 1e-3);
      line.append(tasks.done()).append('/').append(tasks.total()).append(" tasks of the running Spark stages");
      if (tasks.done() > 0) {
        long left = Math.round((tasks.total() - tasks.done()) / rate);
        line.append(String.format(java.util.Locale.ROOT, ", %.1f tasks/s, about %s left", rate, duration(left)));
      }
    }
    return line.append(" (").append(duration(Math.round(seconds))).append(" in the stage)").toString();
  }

  static String duration(long seconds) {
    return seconds < 60 ? seconds + " s" : String.format(java.util.Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
  }

  private synchronized void clearLine() {
    if (terminal && lastLength > 0) {
      out.print("\r" + " ".repeat((int) lastLength) + "\r");
      out.flush();
      lastLength = 0;
    }
  }

  @Override
  public void close() {
    timer.close();
    clearLine();
  }
}
