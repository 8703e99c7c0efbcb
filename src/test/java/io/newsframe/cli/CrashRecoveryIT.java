package io.newsframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.Jobs;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Jobs.Result day1 = jobs.run("generate-sample", "--articles", "60", "--out", "s1", "--seed", "21");
    assertEquals(0, day1.exit(), day1.stderr());
    Files.createDirectories(dir.resolve("incoming"));
    Files.move(dir.resolve("s1/corpus"), dir.resolve("incoming/2026-12-01"));
    Jobs.Result run = pipeline(Map.of(), "2026-12-01");
    assertEquals(0, run.exit(), run.stderr());
    Jobs.Result day2 = jobs.run("generate-sample", "--articles", "40", "--out", "s2", "--seed", "22");
    assertEquals(0, day2.exit(), day2.stderr());
    Files.move(dir.resolve("s2/corpus"), dir.resolve("incoming/2026-12-02"));
  }

  private static String[] args(String runDate) {
    return new String[] {"--input", "incoming", "--warehouse", "wh", "--run-date", runDate, "--until", "clean"};
  }

  private static Jobs.Result pipeline(Map<String, String> env, String runDate) throws Exception {
    return jobs.start(env, "pipeline", args(runDate)).await();
  }

  private static String query(String sql) throws Exception {
    Jobs.Result result = jobs.run("query", "--warehouse", "wh", "--format", "csv", sql);
    assertEquals(0, result.exit(), result.stderr());
    return result.stdout();
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
    String before = query(STATE);
    // Halted with raw_articles written on its branch and the rest of the stage still to do.
    Jobs.Result crashed = pipeline(Map.of("NEWSFRAME_CRASH_AT", "ingest:written"), "2026-12-02");
    assertEquals(137, crashed.exit(), crashed.stderr());
    assertEquals(before, query(STATE), "the tables answer as before the killed run");
    assertEquals("attempt,status\n1,running\n", query("SELECT attempt, status FROM runs WHERE run_date = DATE'2026-12-02'"));
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
    assertEquals("attempt,status\n1,abandoned\n2,succeeded\n3,succeeded\n",
        query("SELECT attempt, status FROM runs WHERE run_date = DATE'2026-12-02' ORDER BY attempt"));
    String day2 = " WHERE run_date = DATE'2026-12-02'";
    assertEquals(query("SELECT coalesce(sum(records), 0) AS n FROM ingest_ledger" + day2),
        query("SELECT (SELECT count(*) FROM raw_articles" + day2 + ") + (SELECT count(*) FROM rejects" + day2
            + ") AS n"), "the ledger and the tables agree");
    assertEquals(query("SELECT count(*) AS n FROM raw_articles" + day2),
        query("SELECT count(*) AS n FROM articles" + day2), "every raw article has its articles row");
    assertEquals("n\n0\n", query("SELECT count(*) AS n FROM newsframe.news.raw_articles.refs WHERE name LIKE 'run_%'"));
    assertTrue(Files.notExists(dir.resolve("wh/news/_publish.json")));
  }

  @Test
  @Order(3)
  void aSecondRunIsRefusedAndADriverKilledBySigkillLeavesTheTablesAsTheyWere() throws Exception {
    Jobs.Result day3 = jobs.run("generate-sample", "--articles", "40", "--out", "s3", "--seed", "23");
    assertEquals(0, day3.exit(), day3.stderr());
    Files.move(dir.resolve("s3/corpus"), dir.resolve("incoming/2026-12-03"));
    String before = query(STATE);
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
    assertEquals(before, query(STATE));

    Jobs.Result next = pipeline(Map.of(), "2026-12-03");
    assertEquals(0, next.exit(), next.stderr());
    assertEquals("attempt,status\n1,abandoned\n2,succeeded\n",
        query("SELECT attempt, status FROM runs WHERE run_date = DATE'2026-12-03' ORDER BY attempt"));
    assertEquals("n\n0\n", query("SELECT count(*) AS n FROM newsframe.news.runs.refs WHERE name LIKE 'run_%'"));
  }
}
