package io.newsframe.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The write-ahead record of a publish: for each table, the snapshot its main branch had before
 * and the run's branch snapshot it is to show after. A Hadoop catalog commits one table at a time,
 * so a driver killed between two commits leaves tables that disagree; the journal lets the next
 * run (or any reader through the project's tools) see that and finish the publish. It is written
 * before the first table moves and deleted after the last one has.
 */
public record PublishJournal(String runId, LocalDate runDate, int attempt, List<Entry> entries) {
  static final String FILE = "_publish.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One table's move: main from {@code before} to {@code target}, the head of {@code branch}. */
  public record Entry(String table, String branch, long before, long target) {}

  public static Path path(Path warehouse) {
    return new Path(warehouse, FILE);
  }

  /** Writes the journal where a reader finds it: to a side file first, then renamed into place. */
  void write(FileSystem fs, Path warehouse) {
    ObjectNode root = JSON.createObjectNode().put("run_id", runId).put("run_date", runDate.toString())
        .put("attempt", attempt);
    ArrayNode tables = root.putArray("tables");
    for (Entry e : entries) {
      tables.addObject().put("table", e.table()).put("branch", e.branch()).put("before", e.before())
          .put("target", e.target());
    }
    Path target = path(warehouse);
    Path side = new Path(warehouse, FILE + ".writing");
    try {
      try (OutputStream out = fs.create(side, true)) {
        out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
      }
      if (!fs.rename(side, target)) {
        throw new IOException("rename to " + target + " failed (is a journal already there?)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the publish journal " + target + ": " + e.getMessage(), e);
    }
  }

  /** The journal left in {@code warehouse}, or null when no publish is in progress. */
  public static PublishJournal read(FileSystem fs, Path warehouse) {
    Path path = path(warehouse);
    try {
      if (!fs.exists(path)) {
        return null;
      }
      try (InputStream in = fs.open(path)) {
        JsonNode root = JSON.readTree(in);
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : root.path("tables")) {
          entries.add(new Entry(e.path("table").asText(), e.path("branch").asText(), e.path("before").asLong(),
              e.path("target").asLong()));
        }
        return new PublishJournal(root.path("run_id").asText(), LocalDate.parse(root.path("run_date").asText()),
            root.path("attempt").asInt(), List.copyOf(entries));
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("the publish journal " + path + " cannot be read (" + e.getMessage()
          + "); it records a publish that did not finish", e);
    }
  }

  static void delete(FileSystem fs, Path warehouse) {
    try {
      fs.delete(path(warehouse), false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the publish journal in " + warehouse, e);
    }
  }
}
