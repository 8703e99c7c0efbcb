package io.newsframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.Jobs;
import io.newsframe.sample.SampleCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drivers killed as a scheduler's host kills them, in processes of their own: during ingest
 * (NEWSFRAME_CRASH_AT halts the JVM at a named point, as kill -9 does), in the middle of
 * publishing, and by a real SIGKILL during the clean stage. After each, the tables answer as before, or, after the next run's
 * recovery, agree with each other again; runs shows the killed attempts. A second run started
 * while one works is refused at once. The tests run in order on one warehouse, as nights do.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {
  @TempDir static Path dir;
  private static Jobs jobs;
  /** Counts that say what the tables hold, in one query (one JVM). */
  private static final String STATE = "SELECT 'raw' AS t, count(*) AS n FROM raw_articles"
      + " UNION ALL SELECT 'articles', count(*) FROM articles"
      + " UNION ALL SELECT 'ledger', coalesce(sum(records), 0) FROM ingest_ledger"
      + " UNION ALL SELECT 'rejects', count(*) FROM rejects"
      + " UNION ALL SELECT 'index', count(*) FROM dup_index";

  @BeforeAll
  static void firstNight() throws Exception {
    jobs = new Jobs(dir);
    Files.createDirectories(dir.resolve("incoming"));
    night("2026-12-01", 60, 21);
    Jobs.Result run = pipeline(Map.of(), "2026-12-01");
    assertEquals(0, run.exit(), run.stderr());
    night("2026-12-02", 40, 22);
  }

  /** A night's files in incoming/: the generated sample (LauncherIT runs its launcher). */
  private static void night(String date, int articles, long seed) throws IOException {
    Path sample = dir.resolve("sample-" + date);
    new SampleCorpus(articles, seed).write(sample);
    Files.move(SampleCorpus.corpusDir(sample), dir.resolve("incoming/" + date));
  }

  private static String[] args(String runDate) {
    return new String[] {"--input", "incoming", "--warehouse", "wh", "--run-date", runDate, "--until", "clean"};
  }

  private static Jobs.Result pipeline(Map<String, String> env, String runDate) throws Exception {
    return jobs.start(env, "pipeline", args(runDate)).await();
  }

  /**
   * The CSV results of the statements, run in one jobs/query session (a script and --out): each
   * launch is a JVM and a Spark session, the larger part of a small query's time.
   */
  private static List<String> query(String... statements) throws Exception {
    Path script = Files.createTempFile(dir, "query-", ".sql");
    Path out = Files.createTempDirectory(dir, "results-");
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < statements.length; i++) {
      sql.append("-- name: r").append(i).append('\n').append(statements[i]).append(";\n");
    }
    Files.writeString(script, sql);
    Jobs.Result result = jobs.run("query", "--warehouse", "wh", "--file", script.toString(), "--format", "csv",
        "--out", out.toString());
    assertEquals(0, result.exit(), result.stderr());
    List<String> results = new ArrayList<>();
    for (int i = 0; i < statements.length; i++) {
      results.add(Files.readString(out.resolve("r" + i + ".csv")));
    }
    return results;
  }

  private static void awaitLock() throws InterruptedException {
    Path lock = dir.resolve("wh/news/_lock");
    for (int i = 0; i < 600 && !Files.exists(lock); i++) {
      Thread.sleep(100);
    }
    assertTrue(Files.exists(lock), "the run took the lock");
  }

  /** Waits until the log of the day-3 run (named after its run id) says {@code text}. */
  private static void awaitLog(String text) throws Exception {
    for (int i = 0; i < 1200; i++) {
      try (var logs = Files.list(dir)) {
        for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("newsframe-pipeline-20261203-")).toList()) {
          if (Files.readString(log).contains(text)) {
            return;
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run's log never said: " + text);
  }

  @Test
  @Order(1)
  void aRunKilledDuringIngestLeavesTheTablesAsTheyWere() throws Exception {
    String before = query(STATE).get(0);
    // Halted with the stage's tables written on their branches, and its outcome not yet recorded.
    Jobs.Result crashed = pipeline(Map.of("NEWSFRAME_CRASH_AT", "ingest:written"), "2026-12-02");
    assertEquals(137, crashed.exit(), crashed.stderr());
    List<String> after = query(STATE, "SELECT attempt, status FROM runs WHERE run_date = DATE'2026-12-02'");
    assertEquals(before, after.get(0), "the tables answer as before the killed run");
    assertEquals("attempt,status\n1,running\n", after.get(1));
  }

  @Test
  @Order(2)
  void aRunKilledWhilePublishingIsCompletedByTheNextRun() throws Exception {
    Jobs.Result crashed = pipeline(Map.of("NEWSFRAME_CRASH_AT", "publish:3"), "2026-12-02");
    assertEquals(137, crashed.exit(), crashed.stderr());
    assertTrue(Files.exists(dir.resolve("wh/news/_publish.json")), "the journal of the interrupted publish");
    Jobs.Result refused = jobs.run("query", "--warehouse", "wh", "SELECT count(*) FROM raw_articles");
    assertEquals(1, refused.exit());
    assertTrue(refused.stderr().contains("was killed while it did"), refused.stderr());

    Jobs.Result next = pipeline(Map.of(), "2026-12-02");
    assertEquals(0, next.exit(), next.stderr());
    String day2 = " WHERE run_date = DATE'2026-12-02'";
    List<String> after = query(
        "SELECT attempt, status FROM runs" + day2 + " ORDER BY attempt",
        "SELECT coalesce(sum(records), 0) AS n FROM ingest_ledger" + day2,
        "SELECT (SELECT count(*) FROM raw_articles" + day2 + ") + (SELECT count(*) FROM rejects" + day2 + ") AS n",
        "SELECT count(*) AS n FROM raw_articles" + day2,
        "SELECT count(*) AS n FROM articles" + day2,
        "SELECT count(*) AS n FROM newsframe.news.raw_articles.refs WHERE name LIKE 'run_%'");
    assertEquals("attempt,status\n1,abandoned\n2,succeeded\n3,succeeded\n", after.get(0));
    assertEquals(after.get(1), after.get(2), "the ledger and the tables agree");
    assertEquals(after.get(3), after.get(4), "every raw article has its articles row");
    assertEquals("n\n0\n", after.get(5));
    assertTrue(Files.notExists(dir.resolve("wh/news/_publish.json")));
  }

  @Test
  @Order(3)
  void aSecondRunIsRefusedAndADriverKilledBySigkillLeavesTheTablesAsTheyWere() throws Exception {
    night("2026-12-03", 40, 23);
    String before = query(STATE).get(0);
    Jobs.Started run = jobs.start(Map.of(), "pipeline", args("2026-12-03"));
    awaitLock();
    long start = System.nanoTime();
    Jobs.Result second = pipeline(Map.of(), "2026-12-03");
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(1, second.exit(), second.stderr());
    String line = second.stderr().strip();
    assertTrue(line.startsWith("pipeline: error: the warehouse ") && line.contains(" is locked by run 20261203-"), line);
    assertEquals(1, line.lines().count(), line);
    assertTrue(seconds < 30, "refused in " + seconds + " s");

    awaitLog("stage clean starts");
    run.process().destroyForcibly();
    Jobs.Result killed = run.await();
    assertEquals(137, killed.exit(), killed.stderr());
    assertEquals(before, query(STATE).get(0));

    Jobs.Result next = pipeline(Map.of(), "2026-12-03");
    assertEquals(0, next.exit(), next.stderr());
    List<String> after = query("SELECT attempt, status FROM runs WHERE run_date = DATE'2026-12-03' ORDER BY attempt",
        "SELECT count(*) AS n FROM newsframe.news.runs.refs WHERE name LIKE 'run_%'");
    assertEquals("attempt,status\n1,abandoned\n2,succeeded\n", after.get(0));
    assertEquals("n\n0\n", after.get(1));
  }
}
