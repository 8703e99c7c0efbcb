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
import io.newsframe.tables.TableComparison;
import io.newsframe.tables.TableSpec;
import io.newsframe.tables.Tables;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run end to end on the generated sample: accounting, idempotent re-runs, failed runs. */
@Slow
class PipelineRunTest {
  private static final LocalDate DAY = LocalDate.of(2024, 5, 1);
  @TempDir static Path dir;
  private static Path corpus;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void sample() {
    new SampleCorpus(200, 7).write(dir.resolve("sample"));
    corpus = SampleCorpus.corpusDir(dir.resolve("sample"));
  }

  private static NewsframeConfig config(String namespace, Path input) {
    return ConfigLoader.load(null, Map.of("namespace", namespace, "input.uri", input.toString()));
  }

  private RunReport run(NewsframeConfig config, LocalDate day, List<Stage> stages) {
    return new PipelineRun(spark, config, "test", day).execute(stages);
  }

  private long count(String namespace, String table, LocalDate day) {
    return spark.sql("SELECT count(*) FROM newsframe." + namespace + "." + table
        + " WHERE run_date = DATE '" + day + "'").as(Encoders.LONG()).first();
  }

  @Test
  void everyInputEndsInRawArticlesOrRejectsAndTheLedgerSaysSo() {
    RunReport report = run(config("acc", corpus), DAY, Stages.all());
    // 200 sample articles, one more good record among the bad inputs, 7 bad records.
    assertEquals(201, count("acc", "raw_articles", DAY));
    assertEquals(7, count("acc", "rejects", DAY));
    StageOutcome ingest = report.stages().get(0).outcome();
    assertEquals(208, ingest.rowsIn());
    Row stage = spark.sql("SELECT rows_in, rows_out, rows_rejected FROM newsframe.acc.run_stages "
        + "WHERE stage = 'ingest'").first();
    assertEquals(208L, stage.getLong(0));
    assertEquals(201L, stage.getLong(1));
    assertEquals(7L, stage.getLong(2));
    Row runRow = spark.sql("SELECT status, run_id FROM newsframe.acc.runs").first();
    assertEquals("succeeded", runRow.getString(0));
    assertEquals(report.run().runId(), runRow.getString(1));
    List<String> reasons = spark.sql("SELECT reason FROM newsframe.acc.rejects ORDER BY reason")
        .as(Encoders.STRING()).collectAsList();
    assertEquals(List.of("binary", "duplicate_id", "empty", "empty", "invalid_utf8", "malformed_json",
        "missing_text"), reasons);
    // Every modelled article gets a topic mixture over the configured K topics.
    long modelled = spark.sql("SELECT count(*) FROM newsframe.acc.articles WHERE for_modelling")
        .as(Encoders.LONG()).first();
    assertEquals(modelled, count("acc", "article_tokens", DAY));
    assertEquals(modelled, count("acc", "article_topics", DAY));
    assertEquals(20, count("acc", "topics", DAY));
    Row mixtures = spark.sql("SELECT min(aggregate(topic_distribution, 0D, (a, x) -> a + x)), "
        + "max(aggregate(topic_distribution, 0D, (a, x) -> a + x)), min(size(topic_distribution)) "
        + "FROM newsframe.acc.article_topics").first();
    assertEquals(1.0, mixtures.getDouble(0), 1e-9);
    assertEquals(1.0, mixtures.getDouble(1), 1e-9);
    assertEquals(20, mixtures.getInt(2));
  }

  @Test
  void reRunningARunDateReplacesItsRowsExactly() {
    NewsframeConfig config = config("rerun", corpus);
    run(config, DAY, Stages.all());
    List<Row> first = spark.sql("SELECT * FROM newsframe.rerun.raw_articles ORDER BY id").collectAsList();
    run(config, DAY, Stages.all());
    List<Row> second = spark.sql("SELECT * FROM newsframe.rerun.raw_articles ORDER BY id").collectAsList();
    assertEquals(201, second.size());
    assertEquals(first, second);
    // Both attempts stay in the history, each with its stages.
    assertEquals(2, count("rerun", "runs", DAY));
    assertEquals(2L * Stages.all().size(), count("rerun", "run_stages", DAY));
    // The next day finds nothing new in the same folder; reprocessed, its records move to that day.
    run(config, DAY.plusDays(1), Stages.until("ingest"));
    assertEquals(201, spark.sql("SELECT count(*) FROM newsframe.rerun.raw_articles").as(Encoders.LONG()).first());
    assertEquals(0, count("rerun", "raw_articles", DAY.plusDays(1)));
    run(ConfigLoader.load(null, Map.of("namespace", "rerun", "input.uri", corpus.toString(), "ingest.mode", "all")),
        DAY.plusDays(2), Stages.until("ingest"));
    assertEquals(201, spark.sql("SELECT count(*) FROM newsframe.rerun.raw_articles").as(Encoders.LONG()).first());
    assertEquals(201, count("rerun", "raw_articles", DAY.plusDays(2)));
  }

  @Test
  void aFailedRunLeavesPublishedRowsAsTheyWereAndSaysWhy() {
    NewsframeConfig good = config("failing", corpus);
    // The published run need not model anything: what matters is that a later failure leaves it alone.
    run(good, DAY, Stages.until("ingest"));
    Stage broken = new Stage() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public StageOutcome run(RunContext context) {
        throw new IllegalStateException("stage exploded on purpose");
      }
    };
    NewsframeConfig other = config("failing", corpus.resolve("jsonl"));
    List<Stage> stages = List.of(Stages.all().get(0), broken);
    assertThrows(IllegalStateException.class, () -> run(other, DAY, stages));
    // The second run's ingest wrote its branch, but main still shows the first run.
    assertEquals(201, count("failing", "raw_articles", DAY));
    // The history keeps both attempts: the published one still says succeeded.
    Row runRow = spark.sql("SELECT status, error FROM newsframe.failing.runs WHERE attempt = 2").first();
    assertEquals("failed", runRow.getString(0));
    assertTrue(runRow.getString(1).contains("stage exploded on purpose"), runRow.getString(1));
    assertEquals("succeeded", spark.sql("SELECT status FROM newsframe.failing.runs WHERE attempt = 1")
        .as(Encoders.STRING()).first());
    long branches = spark.sql("SELECT * FROM newsframe.failing.raw_articles.refs WHERE name != 'main'").count();
    assertEquals(0, branches);
  }

  @Test
  void kIsChosenByCoherenceWhenAsked() {
    NewsframeConfig config = ConfigLoader.load(null, Map.of("namespace", "autok", "input.uri", corpus.toString(),
        "topics.topics", "0", "topics.auto.candidates", "[4, 8]", "topics.auto.iterations", "30",
        "topics.iterations", "60"));
    run(config, DAY, Stages.until("topics"));
    Map<String, Long> counts = spark.sql("SELECT counts FROM newsframe.autok.runs").first().getJavaMap(0);
    long chosen = counts.get("topics.topics");
    long four = counts.get("topics.auto_k.4.npmi_milli");
    long eight = counts.get("topics.auto_k.8.npmi_milli");
    assertTrue(chosen == 4 || chosen == 8, counts.toString());
    if (four != eight) {
      // Rounded to thousandths in the table; equal there, either may have won.
      assertEquals(four > eight ? 4 : 8, chosen, counts.toString());
    }
    assertEquals(chosen, count("autok", "topics", DAY));
  }

  @Test
  void untilStopsAfterTheNamedStageAndRejectsUnknownOnes() {
    assertEquals(List.of("ingest"), Stages.until("ingest").stream().map(Stage::name).toList());
    var error = assertThrows(io.newsframe.config.ConfigError.class, () -> Stages.until("topicz"));
    assertTrue(error.getMessage().contains("stages are ingest"), error.getMessage());
  }

  @Test
  void theTablesAreTheDocumentedOnes() {
    run(config("schema", corpus.resolve("txt/misc")), DAY, Stages.all());
    for (var table : Tables.ALL) {
      var actual = spark.table("newsframe.schema." + table.name()).schema().fieldNames();
      assertEquals(List.of(table.schema().fieldNames()), List.of(actual), table.name());
    }
  }

  @Test
  void aBatchAtTheTuningSizesHasItsQueriesCompiledAndAdaptiveAndWritesTheSameTables() {
    String configured = spark.conf().get(BatchTuning.FACTORY_MODE);
    String partitions = spark.conf().get(BatchTuning.SHUFFLE_PARTITIONS);
    assertFalse(configured.equalsIgnoreCase(BatchTuning.COMPILED), "the tests' session interprets, as conf/local.conf says");
    RunReport small = run(config("interpreted", corpus), DAY, Stages.all());
    RunReport large = run(ConfigLoader.load(null, Map.of("namespace", "compiled", "input.uri", corpus.toString(),
        "spark.compile-expressions-from", "1", "spark.adaptive-execution-from", "1")), DAY, Stages.all());
    Map<String, Long> smallIngest = small.stages().get(0).outcome().details();
    Map<String, Long> largeIngest = large.stages().get(0).outcome().details();
    assertEquals(List.of(0L, 0L), List.of(smallIngest.get("compiled_expressions"), smallIngest.get("adaptive_execution")));
    assertEquals(List.of(1L, 1L), List.of(largeIngest.get("compiled_expressions"), largeIngest.get("adaptive_execution")));
    long bytes = largeIngest.get("bytes_read");
    assertTrue(bytes > 200 * 200, "the sample's files hold more than 200 bytes an article: " + bytes);
    Row recorded = spark.sql("SELECT counts['ingest.compiled_expressions'], counts['ingest.adaptive_execution'] "
        + "FROM newsframe.compiled.runs").first();
    assertEquals(List.of(1L, 1L), List.of(recorded.getLong(0), recorded.getLong(1)));
    // The run's choice ends with it: the session interprets again, on its partitions.
    assertEquals(configured, spark.conf().get(BatchTuning.FACTORY_MODE));
    assertEquals(partitions, spark.conf().get(BatchTuning.SHUFFLE_PARTITIONS));
    for (TableSpec table : Tables.ALL) {
      if (table.equals(Tables.RUNS)) {
        continue; // its counts hold the choice itself
      }
      TableComparison.Result result = TableComparison.compare(spark, table,
          "newsframe.interpreted." + table.name(), "newsframe.compiled." + table.name(), 1e-6);
      assertTrue(result.same(), table.name() + ": " + result);
    }
  }

  @Test
  void stanceBesideFeaturesAndTopicsWritesWhatOneStageAfterTheOtherWrites() {
    RunReport beside = run(config("beside", corpus), DAY, Stages.all());
    RunReport inTurn = run(ConfigLoader.load(null, Map.of("namespace", "inturn", "input.uri", corpus.toString(),
        "operations.side-by-side-below", "0")), DAY, Stages.all());
    // The sample is far below the default limit: stance started before topics did, and before features ended.
    RunReport.StageReport features = stage(beside, "features");
    RunReport.StageReport stance = stage(beside, "stance");
    assertTrue(stance.started().isBefore(stage(beside, "topics").started()), beside.stages().toString());
    assertTrue(stance.started().isBefore(features.started().plusMillis(Math.round(features.seconds() * 1000))));
    RunReport.StageReport topics = stage(inTurn, "topics");
    // Topics' end to the millisecond below: rounded up, it could pass the next stage's start by less than one.
    assertFalse(stage(inTurn, "stance").started()
        .isBefore(topics.started().plusMillis((long) Math.floor(topics.seconds() * 1000))), inTurn.stages().toString());
    assertEquals(List.of("ingest", "clean", "features", "topics", "stance"),
        beside.stages().stream().map(RunReport.StageReport::name).toList());
    for (TableSpec table : Tables.ALL) {
      TableComparison.Result result = TableComparison.compare(spark, table,
          "newsframe.beside." + table.name(), "newsframe.inturn." + table.name(), 1e-6);
      assertTrue(result.same(), table.name() + ": " + result);
    }
  }

  private static RunReport.StageReport stage(RunReport report, String name) {
    return report.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theLogNamesTheDriversJitAndYoungGenerationAsTheJvmWasStarted() {
    List<String> arguments = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
    boolean firstTierOnly = arguments.contains("-XX:TieredStopAtLevel=1");
    String young = arguments.stream().filter(a -> a.startsWith("-Xmn")).reduce((a, b) -> b)
        .map(a -> "young generation " + (parseMemory(a.substring(4)) >> 20) + " MB")
        .orElse("young generation sized by the collector");
    String driver = PipelineRun.driverJvm();
    assertTrue(driver.startsWith("Java " + Runtime.version() + ", heap up to "
        + (Runtime.getRuntime().maxMemory() >> 20) + " MB, " + young + ", JIT "), driver);
    assertTrue(driver.endsWith(firstTierOnly ? "first tier only (C1)" : "tiered (C1 and C2)"), driver);
  }

  /** A JVM memory size as -Xmn takes it: bytes, or with k, m or g. */
  private static long parseMemory(String size) {
    char unit = Character.toLowerCase(size.charAt(size.length() - 1));
    int shift = unit == 'k' ? 10 : unit == 'm' ? 20 : unit == 'g' ? 30 : 0;
    return Long.parseLong(shift == 0 ? size : size.substring(0, size.length() - 1)) << shift;
  }
}
