package io.newsframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.Jobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launchers, run as a user runs them: jobs/pipeline, jobs/query and jobs/report through real
 * spark-submit (Spark's SparkSubmit from Maven's jars), in separate processes.
 */
class LauncherIT {
  @TempDir static Path dir;

  static Jobs.Result run(String job, String... args) throws IOException, InterruptedException {
    return new Jobs(dir).run(job, args);
  }

  /** The log of the one pipeline run whose id starts with {@code runIdPrefix}. */
  private static String runLog(String runIdPrefix) throws IOException {
    try (var files = Files.list(dir)) {
      List<Path> logs = files.filter(p -> p.getFileName().toString().startsWith("newsframe-pipeline-" + runIdPrefix)).toList();
      assertEquals(1, logs.size(), logs.toString());
      return Files.readString(logs.get(0));
    }
  }

  @BeforeAll
  static void sample() throws Exception {
    Jobs.Result generated = run("generate-sample", "--articles", "150", "--out", "sample", "--seed", "11");
    assertEquals(0, generated.exit(), generated.stderr());
  }

  @Test
  void pipelineThenQueryThroughSparkSubmit() throws Exception {
    Jobs.Result pipeline = run("pipeline", "--input", "sample/corpus", "--warehouse", "wh", "--run-date", "2024-02-01");
    assertEquals(0, pipeline.exit(), pipeline.stderr());
    assertTrue(pipeline.stdout().contains("(run date 2024-02-01) succeeded"), pipeline.stdout());
    assertTrue(pipeline.stdout().contains("ingest"), pipeline.stdout());
    // A 150-article input is a small run: the launcher fixes its young generation (jobs/lib/common.sh).
    String log = runLog("20240201-");
    assertTrue(log.contains(", young generation 256 MB, JIT first tier only (C1)"), log);

    // Read-only unless told otherwise: the refusal is one line, and the table is still there.
    Jobs.Result drop = run("query", "--warehouse", "wh", "DROP TABLE raw_articles");
    assertEquals(1, drop.exit(), drop.stderr());
    assertEquals("query: error: the statement writes (DropTable): jobs/query only reads unless given --allow-writes",
        drop.stderr().strip());
    Jobs.Result csv = run("query", "--warehouse", "wh", "--format", "csv",
        "SELECT count(*) AS n FROM raw_articles");
    assertEquals(0, csv.exit(), csv.stderr());
    assertEquals("n\n151\n", csv.stdout());

    Jobs.Result jsonl = run("query", "--warehouse", "wh", "--format", "jsonl",
        "SELECT reason, count(*) AS n FROM rejects GROUP BY reason ORDER BY reason");
    assertEquals(0, jsonl.exit(), jsonl.stderr());
    assertEquals(6, jsonl.stdout().lines().count(), jsonl.stdout());
    assertTrue(jsonl.stdout().startsWith("{\"reason\":\"binary\",\"n\":1}"), jsonl.stdout());

    Jobs.Result text = run("query", "--warehouse", "wh", "SELECT status FROM runs");
    assertEquals(0, text.exit(), text.stderr());
    assertTrue(text.stdout().contains("succeeded"), text.stdout());

    // Out of heap (the launcher's 1g): the driver ends at once with status 3, whichever thread ran out.
    Jobs.Result outOfHeap = run("query", "--warehouse", "wh",
        "SELECT size(collect_list(repeat(string(id), 100000))) FROM range(20000)");
    assertEquals(3, outOfHeap.exit(), outOfHeap.stderr());
    // The JVM's own line, which it prints on stdout.
    assertTrue(outOfHeap.stdout().contains("Terminating due to java.lang.OutOfMemoryError"), outOfHeap.stdout());


    // The run's report from the same warehouse: one page, the accounting reconciled, topics and clusters drawn.
    Jobs.Result report = run("report", "--warehouse", "wh", "--out", "out/report.html");
    assertEquals(0, report.exit(), report.stderr());
    String html = Files.readString(dir.resolve("out/report.html"));
    // 151 articles and 7 bad inputs rejected.
    assertTrue(html.contains("<td class=\"num\">158</td><td class=\"muted\">every input record</td>"), html);
    assertTrue(html.contains("<td class=\"num\">151</td><td class=\"muted\">cleaned, one per record kept</td>"), html);
    assertTrue(html.contains("The counts reconcile"), html);
    assertTrue(html.contains("<h3>Topic ") && html.contains("<h3>Cluster 0 ("), html);
    Jobs.Result noRun = run("report", "--warehouse", "wh", "--run-date", "1999-01-01", "--out", "none.html");
    assertEquals("report: error: the warehouse has no succeeded run dated 1999-01-01", noRun.stderr().strip());
  }

  @Test
  void aJsonlInputWithARawTextField() throws Exception {
    Files.writeString(dir.resolve("pages.jsonl"),
        "{\"id\": \"p1\", \"raw_text\": \"Home\\nKremlin says talks continue.\"}\n"
            + "{\"id\": \"p2\", \"raw_text\": \"Second page.\"}\n{\"id\": \"p3\", \"text\": \"no raw_text\"}\n");
    Jobs.Result pipeline = run("pipeline", "--input", "pages.jsonl", "--input-format", "jsonl",
        "--text-field", "raw_text", "--warehouse", "wh-jsonl", "--run-date", "2024-02-02");
    assertEquals(0, pipeline.exit(), pipeline.stderr());
    assertTrue(pipeline.stdout().contains("rejected.missing_text: 1"), pipeline.stdout());
    Jobs.Result ids = run("query", "--warehouse", "wh-jsonl", "--format", "csv", "SELECT id FROM raw_articles ORDER BY id");
    assertEquals("id\np1\np2\n", ids.stdout());
  }

  @Test
  void failuresExitNonZeroWithOneLine() throws Exception {
    Jobs.Result missing = run("pipeline", "--input", "nowhere", "--warehouse", "wh-fail");
    assertEquals(1, missing.exit());
    assertEquals("pipeline: error: input not found: nowhere", missing.stderr().strip());

    Files.writeString(dir.resolve("a-file"), "not a folder");
    Jobs.Result broken = run("pipeline", "--input", "sample/corpus/txt/misc", "--warehouse", "a-file/wh");
    assertEquals(1, broken.exit());
    String last = broken.stderr().strip().lines().reduce((a, b) -> b).orElse("");
    assertTrue(last.startsWith("pipeline: error: "), broken.stderr());
    assertFalse(broken.stderr().contains("\tat "), broken.stderr());

    Jobs.Result usage = run("query", "--format", "xml", "SELECT 1");
    assertEquals(1, usage.exit());
    assertEquals("query: error: --format xml: expected text, csv or jsonl", usage.stderr().strip());

    // Maven's Spark jars hold Spark's local and standalone schedulers only, with or without the
    // Spark home laid out from them.
    if (System.getenv("SPARK_HOME") == null) {
      Jobs.Result yarn = run("pipeline", "--master", "yarn", "--input", "sample/corpus", "--warehouse", "wh-yarn");
      assertEquals(1, yarn.exit());
      assertEquals("pipeline: error: --master yarn needs Spark's YARN support (spark-yarn), not in the jars Maven "
          + "resolved (target/spark-jars): set SPARK_HOME to a Spark distribution built with it (e.g. "
          + "spark-4.1.0-bin-hadoop3), and HADOOP_CONF_DIR to the cluster's configuration", yarn.stderr().strip());
    }
    String home = Jobs.HOME.resolve("target/spark-home").toString();
    Jobs.Result k8s = new Jobs(dir).start(Map.of("SPARK_HOME", home), "query", "--master", "k8s://https://127.0.0.1:6443",
        "SELECT 1").await();
    assertEquals(1, k8s.exit());
    assertEquals("query: error: --master k8s://https://127.0.0.1:6443 needs Spark's Kubernetes support "
        + "(spark-kubernetes), not in the Spark at SPARK_HOME=" + home + ": set SPARK_HOME to a Spark "
        + "distribution built with it (e.g. spark-4.1.0-bin-hadoop3)", k8s.stderr().strip());
  }

  @Test
  void helpNamesTheOptions() throws Exception {
    Jobs.Result help = run("pipeline", "--help");
    assertEquals(0, help.exit(), help.stderr());
    for (String option : List.of("--conf", "--input", "--input-format", "--text-field", "--warehouse",
        "--run-date", "--master", "--until", "--set")) {
      assertTrue(help.stdout().contains(option), option + " in\n" + help.stdout());
    }
  }
}
