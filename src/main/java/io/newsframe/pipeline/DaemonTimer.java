package io.newsframe.pipeline;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task repeated at a fixed rate on a daemon thread of its own: the lock's heartbeat, the
 * progress reports. Daemon, so that a driver that ends without closing it is not kept alive.
 */
final class DaemonTimer implements AutoCloseable {
  private final ScheduledExecutorService executor;

  DaemonTimer(String name, Duration every, Runnable task) {
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    });
    long millis = every.toMillis();
    executor.scheduleAtFixedRate(task, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
