package io.newsframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.Jobs;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' choice of JIT (jobs/lib/common.sh, nf_quick_jit_wanted): the first tier alone for
 * a local run whose whole input is under 8 MB, both tiers for anything larger, unmeasurable or run
 * by executors of their own; with no input named, the built-in sample's. Over the tree the last
 * published run listed (its mark, InputWatermark), only the files made or changed since its listing
 * began count. Runs the shell functions themselves, as the launchers do.
 */
class QuickJitTest {
  private static final long LIMIT = 8L * 1024 * 1024;
  @TempDir Path dir;

  /** What the launcher would choose for a pipeline with {@code args}: "quick", "full", or the error line it died with. */
  private String choice(Map<String, String> env, String master, boolean confGiven, String input, String... args)
      throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of(master, confGiven ? "1" : "0", input));
    all.addAll(List.of(args));
    return shell(env, "if nf_quick_jit_wanted \"$@\"; then echo quick; else echo full; fi", all.toArray(String[]::new));
  }

  private String shell(Map<String, String> env, String snippet, String... args) throws IOException, InterruptedException {
    return Jobs.shell(dir, env, snippet, args);
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

  /**
   * The mark a published run leaves in WAREHOUSE/NAMESPACE (InputWatermark's format), its listing
   * begun now and of {@code files} files. Pauses around it: a file stamped in the listing's own
   * millisecond counts as new, and the file system stamps files from a clock that may lag this one
   * by a tick (a few milliseconds). So every file made before the call is older than the mark, and
   * every file made after it newer.
   */
  private void markNow(String warehouse, String namespace, String input, String runDate, long files) throws Exception {
    Thread.sleep(50);
    Path mark = dir.resolve(warehouse).resolve(namespace).resolve("_input-watermark");
    Files.createDirectories(mark.getParent());
    Files.writeString(mark, "# the input the run listed, and when\ninput=file:" + dir.resolve(input)
        + "\nrun_date=" + runDate + "\nlisted_at_ms=" + System.currentTimeMillis() + "\nfiles=" + files + "\n");
    Thread.sleep(50);
  }

  private String newBytes(String input, String... args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of(input));
    all.addAll(List.of(args));
    return shell(Map.of(), "nf_new_input_bytes \"$@\" || echo unknown", all.toArray(String[]::new));
  }

  @Test
  void aNightlyRunOverTheTreeItsLastRunListedCountsOnlyTheFilesAddedSince() throws Exception {
    file("tree/2026-12-01/a.txt", LIMIT);
    file("tree/2026-12-01/b.jsonl.gz", LIMIT);
    markNow("warehouse", "news", "tree", "2026-12-01", 2);
    file("tree/2026-12-02/c.txt", LIMIT / 8);
    file("tree/2026-12-02/d.jsonl.gz", LIMIT / 8);
    file("tree/2026-12-02/.e.txt.partial", LIMIT);
    file("tree/_staging/f.txt", LIMIT);
    String nextDay = "2026-12-02";
    assertEquals(String.valueOf(LIMIT / 8 + 5 * (LIMIT / 8)), newBytes("tree", "--run-date", nextDay),
        "the two files made after the listing began, the compressed one five times; hidden names left out");
    assertEquals("quick", choice(Map.of(), "", false, "tree", "--input", "tree", "--run-date", nextDay));
    assertEquals("quick", choice(Map.of(), "", false, "tree", "--input", "tree"), "today, after the mark's date");
    assertEquals("full", choice(Map.of(), "", false, "tree", "--input", "tree", "--run-date", "2026-12-01"),
        "a re-run of the marked date reads that date's files again");
    assertEquals("full", choice(Map.of(), "", false, "tree", "--run-date", nextDay, "--reprocess"));
    assertEquals("full", choice(Map.of(), "", false, "tree", "--run-date", nextDay, "--set", "ingest.mode=all"));
    file("tree/2026-12-02/g.txt", LIMIT / 4);
    assertEquals("full", choice(Map.of(), "", false, "tree", "--run-date", nextDay), "8 MB new in all");
  }

  @Test
  void filesCopiedInWithTheirOldTimesOrEditedInPlaceCountAsNew() throws Exception {
    Path edited = file("tree/feed.jsonl", LIMIT / 2);
    FileTime before = Files.getLastModifiedTime(edited);
    file("tree/untouched.txt", LIMIT);
    markNow("warehouse", "news", "tree", "2026-12-01", 2);
    Path kept = file("tree/copied-with-its-time.txt", LIMIT / 4);
    Files.setLastModifiedTime(kept, FileTime.fromMillis(1_000_000));
    assertEquals(String.valueOf(LIMIT / 4), newBytes("tree", "--run-date", "2026-12-02"));
    try (RandomAccessFile raf = new RandomAccessFile(edited.toFile(), "rw")) {
      raf.setLength(LIMIT / 2 + 10);
    }
    Files.setLastModifiedTime(edited, before);
    assertEquals(String.valueOf(LIMIT / 4 + LIMIT / 2 + 10), newBytes("tree", "--run-date", "2026-12-02"),
        "a feed appended to, its modification time set back");
    assertEquals("quick", choice(Map.of(), "", false, "tree", "--run-date", "2026-12-02"));
  }

  @Test
  void aFolderMovedInWholeMakesTheLauncherMeasureTheWholeTree() throws Exception {
    file("tree/2026-12-01/a.txt", LIMIT);
    file("staging/2026-12-02/b.txt", 10);
    file("staging/2026-12-02/c.txt", 10);
    markNow("warehouse", "news", "tree", "2026-12-01", 1);
    file("tree/2026-12-02-late/d.txt", 10);
    assertEquals("10", newBytes("tree", "--run-date", "2026-12-02"));
    Files.move(dir.resolve("staging/2026-12-02"), dir.resolve("tree/2026-12-02"));
    assertEquals("unknown", newBytes("tree", "--run-date", "2026-12-02"),
        "four files where the mark had one and one is new: the moved folder's kept their times");
    assertEquals("full", choice(Map.of(), "", false, "tree", "--run-date", "2026-12-02"));
  }

  @Test
  void onlyTheMarkOfTheSameInputInTheRunsWarehouseAndNamespaceCounts() throws Exception {
    file("tree/one.txt", LIMIT);
    markNow("warehouse", "news", "other-tree", "2026-12-01", 1);
    markNow("elsewhere", "daily", "tree", "2026-12-01", 1);
    file("tree/new.txt", 10);
    assertEquals("unknown", newBytes("tree", "--run-date", "2026-12-02"), "another input's mark");
    assertEquals("full", choice(Map.of(), "", false, "tree", "--run-date", "2026-12-02"));
    assertEquals("10", newBytes("tree", "--run-date", "2026-12-02", "--warehouse", "elsewhere", "--set",
        "namespace=daily"));
    assertEquals("quick", choice(Map.of(), "", false, "tree", "--run-date", "2026-12-02",
        "--warehouse", "elsewhere", "--set", "namespace=daily"));
    assertEquals("quick", choice(Map.of(), "", false, dir.resolve("tree").toUri().toString(), "--run-date",
        "2026-12-02", "--warehouse=file:" + dir.resolve("elsewhere"), "--set=namespace=daily"), "as URIs");
    assertEquals("full", choice(Map.of(), "", true, "tree", "--run-date", "2026-12-02",
        "--warehouse", "elsewhere", "--set", "namespace=daily"), "a --conf file may name another warehouse");
  }
}
