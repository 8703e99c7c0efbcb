package io.newsframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.Jobs;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' choice of JIT (jobs/lib/common.sh, nf_quick_jit_wanted): the first tier alone for
 * a local run whose whole input is under 8 MB, both tiers for anything larger, unmeasurable or run
 * by executors of their own; with no input named, the built-in sample's. Runs the shell functions
 * themselves, as the launchers do.
 */
class QuickJitTest {
  private static final long LIMIT = 8L * 1024 * 1024;
  @TempDir Path dir;

  /** What the launcher would choose: "quick", "full", or the error line it died with. */
  private String choice(Map<String, String> env, String master, boolean confGiven, String input)
      throws IOException, InterruptedException {
    return shell(env, "if nf_quick_jit_wanted \"$1\" \"$2\" \"$3\"; then echo quick; else echo full; fi",
        master, confGiven ? "1" : "0", input);
  }

  /** Runs a shell snippet after sourcing the launchers' library, in the test's folder; its output. */
  private String shell(Map<String, String> env, String snippet, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", "-c",
        "set -euo pipefail; source \"$NF_TEST_HOME/jobs/lib/common.sh\"; " + snippet, "quick-jit-test"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().remove("NEWSFRAME_JIT");
    builder.environment().put("NF_TEST_HOME", Jobs.HOME.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    process.waitFor();
    return out;
  }

  private String choice(String master, String input) throws IOException, InterruptedException {
    return choice(Map.of(), master, false, input);
  }

  /** A file of {@code bytes} (sparse: the launcher reads sizes, not contents). */
  private Path file(String name, long bytes) throws IOException {
    Path path = dir.resolve(name);
    Files.createDirectories(path.getParent());
    try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw")) {
      raf.setLength(bytes);
    }
    return path;
  }

  @Test
  void aSmallLocalInputRunsOnTheFirstTierAndOneAtTheLimitOnBoth() throws Exception {
    file("small/a/one.txt", LIMIT / 2);
    file("small/b/two.txt", LIMIT / 2 - 1);
    assertEquals("quick", choice("", "small"));
    assertEquals("quick", choice("", dir.resolve("small").toUri().toString()), "a file: URI");
    assertEquals("quick", choice("", "file:" + dir.resolve("small")));
    assertEquals("quick", choice("local[4]", "small/a/one.txt"), "a single file");
    file("small/c/three.txt", 1);
    assertEquals("full", choice("", "small"), "8 MB in all");
  }

  @Test
  void compressedFilesCountFiveTimesTheirSize() throws Exception {
    file("gz/day.jsonl.gz", LIMIT / 5 + 1);
    assertEquals("full", choice("", "gz"));
    file("plain/day.jsonl", LIMIT / 5 + 1);
    assertEquals("quick", choice("", "plain"));
    file("spaced/a day.parquet", LIMIT / 5 + 1);
    assertEquals("full", choice("", "spaced"), "a name with a space");
  }

  @Test
  void whatTheLauncherCannotMeasureOrDoesNotRunKeepsBothTiers() throws Exception {
    file("small/one.txt", 10);
    assertEquals("full", choice("", "hdfs://namenode:8020/corpus"));
    assertEquals("full", choice("", "missing"));
    assertEquals("full", choice("", ""), "no input named and no built-in sample here");
    assertEquals("full", choice(Map.of(), "", true, "small"), "a --conf file may name a cluster");
    assertEquals("full", choice("spark://127.0.0.1:7077", "small"), "executors in JVMs of their own");
    assertEquals("full", choice("yarn", "small"));
  }

  @Test
  void newsframeJitDecidesInsteadOfTheSize() throws Exception {
    file("small/one.txt", 10);
    file("large/one.txt", LIMIT);
    assertEquals("quick", choice(Map.of("NEWSFRAME_JIT", "quick"), "", false, "large"));
    assertEquals("full", choice(Map.of("NEWSFRAME_JIT", "full"), "", false, "small"));
    assertEquals("quick", choice(Map.of("NEWSFRAME_JIT", "auto"), "", false, "small"));
    String wrong = choice(Map.of("NEWSFRAME_JIT", "fast"), "", false, "small");
    assertTrue(wrong.contains("NEWSFRAME_JIT must be auto, quick or full, not 'fast'"), wrong);
  }

  @Test
  void thePipelinesInputIsTheLastOneItsArgumentsNameOrTheBuiltInSample() throws Exception {
    String named = "nf_named_input \"$@\"";
    assertEquals("b", shell(Map.of(), named, "--input", "a", "--warehouse", "w", "--input=b"));
    assertEquals("c d", shell(Map.of(), named, "--input", "a", "--set", "input.uri=c d"));
    assertEquals("e", shell(Map.of(), named, "--set=input.uri=e", "--set", "ingest.excerpt-chars=300"));
    assertEquals("", shell(Map.of(), named, "--warehouse", "w", "--set", "input.format=txt"));
    assertEquals("data/sample/corpus", shell(Map.of(), "nf_default_input"), "conf/local.conf's input.uri");
    file("data/sample/corpus/one.txt", 1000);
    assertEquals("quick", choice("", ""), "the built-in sample");
    assertEquals("full", choice(Map.of(), "", true, ""), "a --conf file names its own input");
  }
}
