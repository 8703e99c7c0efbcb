package io.newsframe.pipeline;

import static org.apache.spark.sql.functions.col;

import io.newsframe.tables.TableSpec;
import io.newsframe.tables.Tables;
import io.newsframe.tables.Tables.Runs;
import io.newsframe.tables.Warehouse;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The {@code runs} table as a run found it on starting, read in one query: which attempts were
 * left running, the next attempt number, and the models earlier runs used. Each of these was a
 * Spark query of its own, a few tenths of a second apiece on a nightly run that has little else to
 * do. One row per attempt ever made (a few hundred a year), whatever the corpus.
 */
final class PastRuns {
  /** One attempt: its run, status, and the model folders its stages used ({@code runs.models}). */
  record Attempt(String runId, LocalDate runDate, int attempt, String status, Map<String, String> models) {}

  private final List<Attempt> attempts;

  PastRuns(List<Attempt> attempts) {
    this.attempts = List.copyOf(attempts);
  }

  static PastRuns read(Warehouse warehouse) {
    List<Row> rows = warehouse.current(Tables.RUNS)
        .select(col(TableSpec.RUN_ID), col(TableSpec.RUN_DATE), col(Runs.ATTEMPT), col(Runs.STATUS), col(Runs.MODELS))
        .collectAsList();
    return new PastRuns(rows.stream().map(row -> new Attempt(row.getString(0), row.getDate(1).toLocalDate(),
        row.getInt(2), row.getString(3), row.isNullAt(4) ? Map.of() : row.<String, String>getJavaMap(4))).toList());
  }

  /** The attempts still marked running: with the lock held, their drivers are dead. */
  List<Attempt> running() {
    return attempts.stream().filter(a -> RunHistory.RUNNING.equals(a.status())).toList();
  }

  /** One more than the attempts recorded for {@code runDate}. */
  int nextAttempt(LocalDate runDate) {
    return attempts.stream().filter(a -> a.runDate().equals(runDate)).mapToInt(Attempt::attempt).max().orElse(0) + 1;
  }

  /**
   * The model folder that the latest succeeded attempt dated before {@code runDate} used for
   * {@code stage} (latest by run date, then attempt), or null when there is none or it used none.
   */
  String latestModel(LocalDate runDate, String stage) {
    return attempts.stream()
        .filter(a -> RunHistory.SUCCEEDED.equals(a.status()) && a.runDate().isBefore(runDate))
        .max(Comparator.comparing(Attempt::runDate).thenComparingInt(Attempt::attempt))
        .map(a -> a.models().get(stage)).orElse(null);
  }

  /** For {@code stage}: each saved model that is a copy, and the saved model it was copied from. */
  Map<String, String> copiedFrom(String stage) {
    Map<String, String> copies = new HashMap<>();
    for (Attempt attempt : attempts) {
      String source = attempt.models().get(stage + ModelStore.REUSED_FROM);
      if (source != null) {
        copies.put(attempt.models().get(stage), source);
      }
    }
    return copies;
  }
}
