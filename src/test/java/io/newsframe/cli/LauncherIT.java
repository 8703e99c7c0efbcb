package io.newsframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launchers, run as a user runs them: jobs/pipeline and jobs/query through real
 * spark-submit (Spark's SparkSubmit from Maven's jars), in separate processes.
 */
class LauncherIT {
  private static final Path HOME = Path.of(System.getProperty("newsframe.home", ".")).toAbsolutePath();
  @TempDir static Path dir;

  record Result(int exit, String stdout, String stderr) {}

  static Result run(String job, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(HOME.resolve("jobs").resolve(job).toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("NEWSFRAME_LOG_DIR", dir.toString());
    builder.environment().put("NEWSFRAME_DRIVER_MEMORY", "1g");
    Path out = Files.createTempFile(dir, job, ".out");
    Path err = Files.createTempFile(dir, job, ".err");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(job + " did not finish in 5 minutes");
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void sample() throws Exception {
    Result generated = run("generate-sample", "--articles", "150", "--out", "sample", "--seed", "11");
    assertEquals(0, generated.exit(), generated.stderr());
  }

  @Test
  void pipelineThenQueryThroughSparkSubmit() throws Exception {
    Result pipeline = run("pipeline", "--input", "sample/corpus", "--warehouse", "wh", "--run-date", "2024-02-01");
    assertEquals(0, pipeline.exit(), pipeline.stderr());
    assertTrue(pipeline.stdout().contains("(run date 2024-02-01) succeeded"), pipeline.stdout());
    assertTrue(pipeline.stdout().contains("ingest"), pipeline.stdout());

    Result csv = run("query", "--warehouse", "wh", "--format", "csv",
        "SELECT count(*) AS n FROM raw_articles");
    assertEquals(0, csv.exit(), csv.stderr());
    assertEquals("n\n151\n", csv.stdout());

    Result jsonl = run("query", "--warehouse", "wh", "--format", "jsonl",
        "SELECT reason, count(*) AS n FROM rejects GROUP BY reason ORDER BY reason");
    assertEquals(0, jsonl.exit(), jsonl.stderr());
    assertEquals(6, jsonl.stdout().lines().count(), jsonl.stdout());
    assertTrue(jsonl.stdout().startsWith("{\"reason\":\"binary\",\"n\":1}"), jsonl.stdout());

    Result text = run("query", "--warehouse", "wh", "SELECT status FROM runs");
    assertEquals(0, text.exit(), text.stderr());
    assertTrue(text.stdout().contains("succeeded"), text.stdout());
  }

  @Test
  void aJsonlInputWithARawTextField() throws Exception {
    Files.writeString(dir.resolve("pages.jsonl"),
        "{\"id\": \"p1\", \"raw_text\": \"Home\\nKremlin says talks continue.\"}\n"
            + "{\"id\": \"p2\", \"raw_text\": \"Second page.\"}\n{\"id\": \"p3\", \"text\": \"no raw_text\"}\n");
    Result pipeline = run("pipeline", "--input", "pages.jsonl", "--input-format", "jsonl",
        "--text-field", "raw_text", "--warehouse", "wh-jsonl", "--run-date", "2024-02-02");
    assertEquals(0, pipeline.exit(), pipeline.stderr());
    assertTrue(pipeline.stdout().contains("rejected.missing_text: 1"), pipeline.stdout());
    Result ids = run("query", "--warehouse", "wh-jsonl", "--format", "csv", "SELECT id FROM raw_articles ORDER BY id");
    assertEquals("id\np1\np2\n", ids.stdout());
  }

  @Test
  void failuresExitNonZeroWithOneLine() throws Exception {
    Result missing = run("pipeline", "--input", "nowhere", "--warehouse", "wh-fail");
    assertEquals(1, missing.exit());
    assertEquals("pipeline: error: input not found: nowhere", missing.stderr().strip());

    Files.writeString(dir.resolve("a-file"), "not a folder");
    Result broken = run("pipeline", "--input", "sample/corpus/txt/misc", "--warehouse", "a-file/wh");
    assertEquals(1, broken.exit());
    String last = broken.stderr().strip().lines().reduce((a, b) -> b).orElse("");
    assertTrue(last.startsWith("pipeline: error: "), broken.stderr());
    assertFalse(broken.stderr().contains("\tat "), broken.stderr());

    Result usage = run("query", "--format", "xml", "SELECT 1");
    assertEquals(1, usage.exit());
    assertEquals("query: error: --format xml: expected text, csv or jsonl", usage.stderr().strip());
  }

  @Test
  void helpNamesTheOptions() throws Exception {
    Result help = run("pipeline", "--help");
    assertEquals(0, help.exit(), help.stderr());
    for (String option : List.of("--conf", "--input", "--input-format", "--text-field", "--warehouse",
        "--run-date", "--master", "--until", "--set")) {
      assertTrue(help.stdout().contains(option), option + " in\n" + help.stdout());
    }
  }
}
