package io.newsframe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every notebook executed top to bottom, headless, as CI and an analyst run them: Debian's Jupyter
 * and python3 kernel against a sample run's warehouse, reading the tables through jobs/query.
 * nbconvert fails on any cell's error; the executed copies are kept in target/executed-notebooks.
 */
class NotebooksIT {
  private static final Path JUPYTER = Path.of("/usr/bin/jupyter");
  @TempDir static Path dir;

  @BeforeAll
  static void sampleRun() throws Exception {
    assertTrue(Files.isExecutable(JUPYTER), "no " + JUPYTER + ": jobs/test installs Debian's jupyter-nbconvert");
    Jobs jobs = new Jobs(dir);
    Jobs.Result generated = jobs.run("generate-sample", "--articles", "300", "--out", "sample", "--seed", "5");
    assertEquals(0, generated.exit(), generated.stderr());
    Jobs.Result pipeline = jobs.run("pipeline", "--input", "sample/corpus", "--warehouse", "wh",
        "--run-date", "2024-03-01");
    assertEquals(0, pipeline.exit(), pipeline.stderr());
  }

  @ParameterizedTest
  @ValueSource(strings = {"corpus_and_cleaning", "topics", "stance"})
  void runsTopToBottom(String notebook) throws Exception {
    Path executed = Jobs.HOME.resolve("target/executed-notebooks");
    Files.createDirectories(executed);
    ProcessBuilder builder = new ProcessBuilder(JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.kernel_name=python3",
        "--output-dir", executed.toString(), Jobs.HOME.resolve("notebooks/" + notebook + ".ipynb").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve(notebook + ".log").toFile());
    builder.environment().put("NEWSFRAME_WAREHOUSE", dir.resolve("wh").toString());
    Jobs.forTests(builder.environment(), dir);
    Process process = builder.start();
    assertTrue(process.waitFor(10, TimeUnit.MINUTES), notebook + " did not finish in 10 minutes");
    String log = Files.readString(dir.resolve(notebook + ".log"), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), log);

    String output = Files.readString(executed.resolve(notebook + ".ipynb"), StandardCharsets.UTF_8);
    assertTrue(!output.contains("\"output_type\": \"error\""), "an error output in " + notebook);
    long pictures = output.split("\"image/png\"", -1).length - 1;
    assertTrue(pictures >= 3, notebook + " drew " + pictures + " pictures");
  }
}
