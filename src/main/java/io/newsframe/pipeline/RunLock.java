package io.newsframe.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsframe.config.OperationsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run at a time per warehouse namespace: {@code <warehouse>/<namespace>/_lock}, created
 * atomically ({@code FileSystem.create(path, overwrite = false)} on HDFS, an exclusive create on a
 * local disk).
 * It holds who took it; a heartbeat thread refreshes its modification time. A lock whose heartbeat
 * is older than {@code operations.lock.stale-after}, or whose holder was a process on this host that
 * no longer exists, is taken over: first renamed aside (only one taker's rename succeeds), then
 * created anew.
 */
public final class RunLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String FILE = "_lock";

  private final FileSystem fs;
  private final Path path;
  private final String token;
  private final DaemonTimer heartbeat;

  private RunLock(FileSystem fs, Path path, String token, Duration every) {
    this.fs = fs;
    this.path = path;
    this.token = token;
    this.heartbeat = new DaemonTimer("newsframe-lock-heartbeat", every, this::beat);
  }

  /** Who holds a lock, as its file says. */
  public record Holder(String runId, String host, long pid, Instant since, String token) {
    String describe() {
      return "run " + runId + " (host " + host + ", pid " + pid + ") since " + since;
    }
  }

  /** The lock is held by a live run: the message is the one line a second run prints. */
  public static final class HeldException extends RuntimeException {
    HeldException(String message) {
      super(message);
    }
  }

  /** Takes the lock of {@code warehouse} for {@code runId}, or throws {@link HeldException} at once. */
  public static RunLock acquire(FileSystem fs, Path warehouse, String runId, OperationsSettings.Lock settings) {
    Path path = new Path(warehouse, FILE);
    Holder me = new Holder(runId, hostName(), ProcessHandle.current().pid(), Instant.now(), UUID.randomUUID().toString());
    try {
      fs.mkdirs(warehouse);
      if (tryCreate(fs, path, me)) {
        return new RunLock(fs, path, me.token(), settings.heartbeat());
      }
      FileStatus status = fs.getFileStatus(path);
      Holder holder = read(fs, path);
      Duration silent = Duration.between(Instant.ofEpochMilli(status.getModificationTime()), Instant.now());
      String why = takeOverReason(holder, silent, settings.staleAfter());
      if (why == null) {
        throw new HeldException("the warehouse " + warehouse + " is locked by "
            + (holder == null ? "a run whose lock is being written" : holder.describe())
            + ", last heartbeat " + silent.toSeconds() + " s ago; wait for it to end (a lock silent for "
            + settings.staleAfter().toSeconds() + " s is taken over)");
      }
      Path aside = new Path(warehouse, FILE + ".stale-" + me.token());
      if (!fs.rename(path, aside) || !tryCreate(fs, path, me)) {
        throw new HeldException("the warehouse " + warehouse + " is locked: another run took over the stale lock of "
            + holder.describe() + " first");
      }
      fs.delete(aside, false);
      LOG.warn("took over the lock of " + holder.describe() + ": " + why);
      return new RunLock(fs, path, me.token(), settings.heartbeat());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the lock " + path + ": " + e.getMessage(), e);
    }
  }

  /** Why a held lock may be taken over, or null when its holder is alive. */
  static String takeOverReason(Holder holder, Duration silent, Duration staleAfter) {
    if (silent.compareTo(staleAfter) > 0) {
      return "no heartbeat for " + silent.toSeconds() + " s (operations.lock.stale-after is "
          + staleAfter.toSeconds() + " s)";
    }
    if (holder == null) {
      // Being written by its holder right now (create and write are two steps), or left
      // half-written by a killed one: only its age tells.
      return null;
    }
    boolean here = holder.host().equals(hostName());
    if (here && ProcessHandle.of(holder.pid()).map(p -> !p.isAlive()).orElse(true)) {
      return "its process " + holder.pid() + " on this host is gone";
    }
    return null;
  }

  private static boolean tryCreate(FileSystem fs, Path path, Holder me) throws IOException {
    ObjectNode node = JSON.createObjectNode().put("run_id", me.runId()).put("host", me.host()).put("pid", me.pid())
        .put("since", me.since().toString()).put("token", me.token());
    if ("file".equals(fs.getUri().getScheme())) {
      // Hadoop's local file system checks, then creates: two steps. The JVM's CREATE_NEW is one
      // (O_EXCL), as HDFS's create is at the NameNode.
      try {
        java.nio.file.Files.write(java.nio.file.Path.of(fs.makeQualified(path).toUri()), JSON.writeValueAsBytes(node),
            java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        return true;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        return false;
      }
    }
    try (OutputStream out = fs.create(path, false)) {
      out.write(JSON.writeValueAsBytes(node));
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      // Some file systems report a taken name with another IOException; the file is there either way.
      if (fs.exists(path)) {
        return false;
      }
      throw e;
    }
  }

  /** The holder the lock file names, or null when it cannot be read (a half-written file). */
  static Holder read(FileSystem fs, Path path) {
    try (InputStream in = fs.open(path)) {
      JsonNode node = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return new Holder(node.path("run_id").asText(), node.path("host").asText(), node.path("pid").asLong(),
          Instant.parse(node.path("since").asText()), node.path("token").asText());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private void beat() {
    try {
      fs.setTimes(path, System.currentTimeMillis(), -1);
    } catch (IOException e) {
      LOG.warn("cannot refresh the lock " + path + ": " + e.getMessage());
    }
  }

  /** Stops the heartbeat and removes the lock, if it is still this run's. */
  @Override
  public void close() {
    heartbeat.close();
    Holder holder = read(fs, path);
    try {
      if (holder != null && token.equals(holder.token())) {
        fs.delete(path, false);
      }
    } catch (IOException e) {
      LOG.warn("cannot remove the lock " + path + ": " + e.getMessage());
    }
  }

  /** Stops the heartbeat and leaves the file, as a killed driver would (crash tests). */
  void abandon() {
    heartbeat.close();
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
