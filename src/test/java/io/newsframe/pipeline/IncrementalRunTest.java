package io.newsframe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import io.newsframe.Slow;
import io.newsframe.config.ConfigLoader;
import io.newsframe.config.NewsframeConfig;
import io.newsframe.sample.SampleCorpus;
import io.newsframe.tables.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled runs over one growing input tree: each day reads only its new files (the ingest
 * ledger), ids never collide across days, a copy of an earlier day's article joins its duplicate
 * cluster, a re-run gives the same tables, a changed file replaces its earlier records, and a
 * second run is refused while one holds the lock; each published run marks what it listed, and the
 * launchers count the next day's new bytes from that mark. The tests run in order on one warehouse
 * namespace, as the days of a schedule do; ingest and clean are the stages these behaviours live in.
 */
@Slow
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalRunTest {
  private static final String NS = "incremental";
  private static final LocalDate DAY1 = LocalDate.of(2026, 12, 1);
  private static final LocalDate DAY2 = LocalDate.of(2026, 12, 2);
  private static final LocalDate DAY3 = LocalDate.of(2026, 12, 3);
  @TempDir static Path dir;
  private static Path incoming;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void dayOne() {
    incoming = dir.resolve("incoming");
    writeSample(incoming.resolve("2026-12-01"), 100, 1);
  }

  private static void writeSample(Path day, int articles, long seed) {
    Path sample = day.getParent().getParent().resolve("sample-" + seed);
    new SampleCorpus(articles, seed).write(sample);
    try {
      Files.createDirectories(day.getParent());
      Files.move(SampleCorpus.corpusDir(sample), day);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static NewsframeConfig config() {
    return ConfigLoader.load(null, Map.of("namespace", NS, "input.uri", incoming.toString(),
        "operations.maintenance.enabled", "false"));
  }

  private RunReport run(LocalDate day) {
    return new PipelineRun(spark, config(), "test", day).execute(Stages.until("clean"));
  }

  private long count(String sql) {
    return spark.sql(sql.replace("{ns}", "newsframe." + NS)).as(Encoders.LONG()).first();
  }

  private static long filesUnder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count();
    }
  }

  private void assertTheCountsReconcile(String where) {
    long ledger = count("SELECT coalesce(sum(records), 0) FROM {ns}.ingest_ledger" + where);
    long raw = count("SELECT count(*) FROM {ns}.raw_articles" + where);
    long rejects = count("SELECT count(*) FROM {ns}.rejects" + (where.isEmpty() ? " WHERE" : where + " AND")
        + " stage = 'ingest'");
    assertEquals(ledger, raw + rejects, "ledger records = raw_articles + rejects" + where);
  }

  @Test
  @Order(1)
  void theFirstDayTakesInEveryFileAndAccountsForEveryRecord() throws IOException {
    long started = System.currentTimeMillis();
    RunReport report = run(DAY1);
    assertTheInputIsMarked(DAY1, started, System.currentTimeMillis());
    assertEquals(filesUnder(incoming), report.stages().get(0).outcome().details().get("files_read"));
    assertEquals(filesUnder(incoming), count("SELECT count(*) FROM {ns}.ingest_ledger"));
    assertTheCountsReconcile("");
    assertTheLedgerHoldsEachFilesHash();
  }

  /** The launchers' mark holds the input the last run listed, a time within the run, and every file under the input. */
  private void assertTheInputIsMarked(LocalDate runDate, long runStarted, long runEnded) throws IOException {
    Warehouse warehouse = new Warehouse(spark, "newsframe", NS);
    java.util.Properties mark = InputWatermark.read(warehouse.fileSystem(), warehouse.namespaceDir());
    assertEquals("file:" + incoming, mark.getProperty(InputWatermark.INPUT));
    assertEquals(runDate.toString(), mark.getProperty(InputWatermark.RUN_DATE));
    long listedAt = Long.parseLong(mark.getProperty(InputWatermark.LISTED_AT_MS));
    assertTrue(runStarted <= listedAt && listedAt <= runEnded, listedAt + " within the run");
    assertEquals(String.valueOf(filesUnder(incoming)), mark.getProperty(InputWatermark.FILES));
  }

  /** What the launcher counts as this day's new input, from the mark (jobs/lib/common.sh). */
  private static long newBytesTheLauncherCounts(LocalDate day) throws Exception {
    return Long.parseLong(io.newsframe.Jobs.shell(dir, Map.of(), "nf_new_input_bytes \"$@\"", incoming.toString(),
        "--warehouse", SharedSpark.warehouse().toString(), "--set", "namespace=" + NS, "--run-date", day.toString()));
  }

  /** Text files are hashed as they are read, the others by the plan: the ledger has the bytes' SHA-256 either way. */
  private void assertTheLedgerHoldsEachFilesHash() throws IOException {
    List<Row> rows = spark.sql("SELECT path, content_hash FROM newsframe." + NS + ".ingest_ledger").collectAsList();
    java.util.Set<String> kinds = new java.util.TreeSet<>();
    for (Row row : rows) {
      Path file = Path.of(java.net.URI.create(row.getString(0).replace("file:/", "file:///")));
      assertEquals(sha256(file), row.getString(1), file.toString());
      kinds.add(file.getFileName().toString().replaceAll(".*\\.", ""));
    }
    assertTrue(kinds.containsAll(List.of("txt", "jsonl")), "the sample has both kinds: " + kinds);
  }

  private static String sha256(Path file) throws IOException {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(2)
  void theNextDayReadsOnlyItsNewFiles() throws Exception {
    long dayOneFiles = filesUnder(incoming);
    writeSample(incoming.resolve("2026-12-02"), 60, 2);
    // The longest modelled page: its copy is cleaned in another batch, whose repeated lines (the
    // chrome learned from a batch) differ, and on a long body they weigh least against the
    // near-duplicate threshold. Chosen by length, not id: ids hash the file's path, here a
    // temporary folder, so the first id was another page on every run, and on one CI run its
    // copy stayed a cluster of its own.
    Row original = spark.sql("SELECT source_path, dup_cluster FROM newsframe." + NS + ".articles WHERE for_modelling"
        + " AND source_path LIKE '%.txt' ORDER BY words DESC, source_path LIMIT 1").first();
    Files.copy(Path.of(java.net.URI.create(original.getString(0))), incoming.resolve("2026-12-02/copy-of-day-one.txt"));
    long dayTwoBytes;
    try (Stream<Path> files = Files.walk(incoming.resolve("2026-12-02"))) {
      dayTwoBytes = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()
          * (file.toString().endsWith(".gz") || file.toString().endsWith(".parquet") ? 5 : 1)).sum();
    }
    assertEquals(dayTwoBytes, newBytesTheLauncherCounts(DAY2), "the day's files, and none of the day before");

    long started = System.currentTimeMillis();
    RunReport report = run(DAY2);
    assertTheInputIsMarked(DAY2, started, System.currentTimeMillis());
    Map<String, Long> ingest = report.stages().get(0).outcome().details();
    assertEquals(filesUnder(incoming) - dayOneFiles, ingest.get("files_read"));
    assertEquals(dayOneFiles, ingest.get("files_skipped"));
    assertTheCountsReconcile(" WHERE run_date = DATE'" + DAY2 + "'");
    assertTheCountsReconcile("");

    Row copy = spark.sql("SELECT dup_cluster, is_canonical, for_modelling FROM newsframe." + NS + ".articles"
        + " WHERE source_path LIKE '%copy-of-day-one.txt'").first();
    assertEquals(original.getString(1), copy.getString(0), "the copy joins the day-one article's cluster");
    assertFalse(copy.getBoolean(1));
    assertFalse(copy.getBoolean(2), "a copy of an article modelled before is not modelled again");
  }

  @Test
  @Order(3)
  void noIdIsSharedAcrossDays() {
    assertEquals(count("SELECT count(*) FROM {ns}.raw_articles"), count("SELECT count(DISTINCT id) FROM {ns}.raw_articles"));
    // The samples of both days use the same file names (alliance-a0000004.txt ...).
    assertTrue(count("SELECT count(*) FROM (SELECT regexp_extract(source_path, '[^/]+$', 0) AS name"
        + " FROM {ns}.raw_articles GROUP BY name HAVING count(DISTINCT run_date) > 1)") > 0);
  }

  private List<Row> dayTwoArticles() {
    return spark.sql("SELECT id, dup_cluster, is_canonical, for_modelling, text FROM newsframe." + NS
        + ".articles WHERE run_date = DATE'" + DAY2 + "' ORDER BY id").collectAsList();
  }

  @Test
  @Order(4)
  void reRunningADayReadsTheSameFilesAndGivesTheSameTables() {
    List<Row> before = dayTwoArticles();
    long ledgerBefore = count("SELECT count(*) FROM {ns}.ingest_ledger");
    run(DAY2);
    assertEquals(before, dayTwoArticles());
    assertEquals(ledgerBefore, count("SELECT count(*) FROM {ns}.ingest_ledger"));
    assertEquals(2, count("SELECT count(*) FROM {ns}.runs WHERE run_date = DATE'" + DAY2
        + "' AND status = 'succeeded'"), "both attempts are in the run history");
  }

  @Test
  @Order(5)
  void aChangedFileIsReadWholeAndReplacesItsEarlierRecords() throws IOException {
    Path feed;
    try (Stream<Path> files = Files.walk(incoming.resolve("2026-12-01"))) {
      feed = files.filter(p -> p.toString().endsWith("northern-00000.jsonl")).findFirst().orElseThrow();
    }
    String uri = feed.toUri().toString().replace("file:///", "file:/");
    long before = count("SELECT count(*) FROM {ns}.raw_articles WHERE source_path = '" + uri + "'");
    assertTrue(before > 0, "the feed was read on day one");
    Files.writeString(feed, "{\"text\": \"A late correction to the feed, about the summit in Geneva.\"}\n",
        StandardOpenOption.APPEND);

    RunReport report = run(DAY3);
    assertEquals(1L, report.stages().get(0).outcome().details().get("files_read"));
    assertEquals(1L, report.stages().get(0).outcome().details().get("files_replaced"));
    assertEquals(0, count("SELECT count(*) FROM {ns}.raw_articles WHERE source_path = '" + uri
        + "' AND run_date <> DATE'" + DAY3 + "'"));
    assertEquals(before + 1, count("SELECT count(*) FROM {ns}.raw_articles WHERE source_path = '" + uri + "'"));
    assertEquals(0, count("SELECT count(*) FROM {ns}.articles a LEFT ANTI JOIN {ns}.raw_articles r ON a.id = r.id"),
        "no article outlives its raw record");
    assertTheCountsReconcile("");
  }

  @Test
  @Order(6)
  void aTouchedTextFileIsNotReadAgain() throws IOException {
    // Its day-one ledger hash was taken as it was read; the plan hashes it now, and the two agree.
    Path text;
    try (Stream<Path> files = Files.walk(incoming.resolve("2026-12-01"))) {
      text = files.filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow();
    }
    Files.setLastModifiedTime(text, java.nio.file.attribute.FileTime.fromMillis(
        Files.getLastModifiedTime(text).toMillis() + 60_000));

    RunReport report = run(DAY3.plusDays(1));
    assertEquals(0L, report.stages().get(0).outcome().details().get("files_read"));
    assertTheCountsReconcile("");
  }

  @Test
  @Order(7)
  void aSecondRunIsRefusedWhileTheLockIsHeld() {
    Warehouse warehouse = new Warehouse(spark, SharedSpark.CATALOG, NS);
    try (RunLock held = RunLock.acquire(warehouse.fileSystem(), warehouse.namespaceDir(), "someone-else",
        config().operations().lock())) {
      long start = System.nanoTime();
      RunLock.HeldException refused = assertThrows(RunLock.HeldException.class, () -> run(DAY3));
      assertTrue(refused.getMessage().contains("locked by run someone-else"), refused.getMessage());
      assertTrue((System.nanoTime() - start) / 1e9 < 5, "refused at once");
    }
  }
}
