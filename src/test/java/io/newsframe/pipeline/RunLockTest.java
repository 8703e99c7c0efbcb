package io.newsframe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.config.OperationsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warehouse lock: one holder, a clear refusal, and takeover of dead or silent holders. */
class RunLockTest {
  private static final OperationsSettings.Lock SETTINGS =
      new OperationsSettings.Lock(Duration.ofMillis(200), Duration.ofSeconds(2));
  @TempDir Path dir;

  private FileSystem fs() throws Exception {
    return FileSystem.getLocal(new Configuration());
  }

  private org.apache.hadoop.fs.Path warehouse() {
    return new org.apache.hadoop.fs.Path(dir.toUri());
  }

  @Test
  void aSecondRunIsRefusedNamingTheHolder() throws Exception {
    try (RunLock first = RunLock.acquire(fs(), warehouse(), "run-one", SETTINGS)) {
      RunLock.HeldException refused = assertThrows(RunLock.HeldException.class,
          () -> RunLock.acquire(fs(), warehouse(), "run-two", SETTINGS));
      assertTrue(refused.getMessage().contains("locked by run run-one (host "), refused.getMessage());
      assertTrue(refused.getMessage().contains("pid " + ProcessHandle.current().pid()), refused.getMessage());
    }
  }

  @Test
  void aReleasedLockCanBeTakenAgain() throws Exception {
    RunLock.acquire(fs(), warehouse(), "run-one", SETTINGS).close();
    RunLock.acquire(fs(), warehouse(), "run-two", SETTINGS).close();
  }

  @Test
  void theHeartbeatKeepsALiveHolderFromBeingTakenOver() throws Exception {
    try (RunLock first = RunLock.acquire(fs(), warehouse(), "run-one", SETTINGS)) {
      Thread.sleep(3000);
      assertThrows(RunLock.HeldException.class, () -> RunLock.acquire(fs(), warehouse(), "run-two", SETTINGS));
    }
  }

  @Test
  void aSilentLockIsTakenOver() throws Exception {
    RunLock first = RunLock.acquire(fs(), warehouse(), "run-one", SETTINGS);
    first.abandon();
    Thread.sleep(2500);
    try (RunLock second = RunLock.acquire(fs(), warehouse(), "run-two", SETTINGS)) {
      assertEquals("run-two", RunLock.read(fs(), new org.apache.hadoop.fs.Path(warehouse(), RunLock.FILE)).runId());
    }
  }

  @Test
  void aHolderWhoseProcessIsGoneMayBeTakenOverAtOnce() {
    String host = hostName();
    RunLock.Holder gone = new RunLock.Holder("run-one", host, Long.MAX_VALUE / 2, Instant.now(), "t");
    assertNotNull(RunLock.takeOverReason(gone, Duration.ZERO, Duration.ofMinutes(5)));
    RunLock.Holder alive = new RunLock.Holder("run-one", host, ProcessHandle.current().pid(), Instant.now(), "t");
    assertNull(RunLock.takeOverReason(alive, Duration.ZERO, Duration.ofMinutes(5)));
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
