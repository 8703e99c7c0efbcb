package io.newsframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.Jobs;
import io.newsframe.sample.SampleCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a real cluster: jobs/local-cluster's Spark standalone master, two workers with
 * an executor each, and HDFS, every one a process of its own. The run reads its corpus from
 * hdfs:// and keeps its tables there, is submitted through the Spark home laid out from Maven's
 * jars (SPARK_HOME=target/spark-home: its bin/spark-submit and Spark's own launcher), and loses an
 * executor, killed in the middle of the topic stage. Its tables equal a local[2] run's on the same
 * input, row for row (jobs/compare).
 */
class LocalClusterIT {
  // Ports of their own, so that a cluster a developer runs on the default ones is left alone.
  private static final String MASTER = "spark://127.0.0.1:17077";
  private static final String HDFS = "hdfs://127.0.0.1:19820";
  private static final String DATE = "2026-12-01";

  @TempDir static Path dir;
  private static Jobs jobs;
  private static Map<String, String> clusterEnv;

  @BeforeAll
  static void startCluster() throws Exception {
    jobs = new Jobs(dir);
    clusterEnv = Map.of("NEWSFRAME_CLUSTER_DIR", dir.resolve("cluster").toString());
    Jobs.Result started = jobs.start(clusterEnv, "local-cluster", "start", "--master-port", "17077",
        "--master-ui-port", "18080", "--hdfs-port", "19820").await();
    assertEquals(0, started.exit(), started.stdout() + started.stderr());
    assertTrue(started.stdout().contains("master: " + MASTER + " "), started.stdout());
    assertTrue(started.stdout().contains("hdfs:   " + HDFS + "\n"), started.stdout());

    Path sample = dir.resolve("sample");
    new SampleCorpus(40, 7).write(sample);
    org.apache.hadoop.fs.Path corpus = new org.apache.hadoop.fs.Path(HDFS + "/corpus");
    try (FileSystem fs = FileSystem.newInstance(corpus.toUri(), new Configuration())) {
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(SampleCorpus.corpusDir(sample).toUri()), corpus);
    }
  }

  @AfterAll
  static void stopCluster() throws Exception {
    Jobs.Result stopped = jobs.start(clusterEnv, "local-cluster", "stop").await();
    assertEquals(0, stopped.exit(), stopped.stderr());
    Jobs.Result status = jobs.start(clusterEnv, "local-cluster", "status").await();
    assertEquals(3, status.exit(), "nothing left running: " + status.stdout());
  }

  @Test
  void aClusterRunThatLosesAnExecutorWritesTheTablesOfALocalRun() throws Exception {
    // Log folder with a space: the launcher's JVM options reach the driver through spark-submit whole.
    Path clusterLogs = Files.createDirectories(dir.resolve("cluster logs"));
    Jobs.Started cluster = jobs.start(Map.of("SPARK_HOME", Jobs.HOME.resolve("target/spark-home").toString(),
        "NEWSFRAME_LOG_DIR", clusterLogs.toString()), "pipeline", args(MASTER, "/on-cluster"));
    Jobs.Started local = jobs.start(Map.of(), "pipeline", args("local[2]", "/on-local"));
    Path log;
    try {
      // Between two merges of the topic sampler, whose state lives in checkpoints that a lost
      // executor must not take with it.
      log = awaitRunLog(clusterLogs, "topics: 10 of 60 iterations");
      anExecutor().destroyForcibly();
      Jobs.Result onCluster = cluster.await(10);
      assertEquals(0, onCluster.exit(), onCluster.stderr());
      Jobs.Result onLocal = local.await(10);
      assertEquals(0, onLocal.exit(), onLocal.stderr());
    } finally {
      // Not left running when the test fails.
      cluster.process().destroyForcibly();
      local.process().destroyForcibly();
    }
    assertTrue(Files.readString(log).contains("Lost executor"), "the driver saw the executor go: " + log);

    Jobs.Result compared = jobs.run("compare", HDFS + "/on-local", HDFS + "/on-cluster");
    assertEquals(0, compared.exit(), compared.stdout() + compared.stderr());
    assertTrue(compared.stdout().contains("same: every table"), compared.stdout());
    assertTrue(compared.stdout().matches("(?s).*\\narticles: same \\(4\\d rows\\).*"), compared.stdout());
    assertEquals(HDFS + "/corpus/", query("/on-cluster",
        "SELECT DISTINCT regexp_extract(source_path, '^(.*/corpus/)', 1) AS p FROM raw_articles").strip()
        .lines().skip(1).collect(Collectors.joining()));
  }

  private static String[] args(String master, String warehouse) {
    // The topic sampler on the executors (one Spark job per merge), not on the driver as for
    // small batches, and fewer iterations than a real run needs.
    return new String[] {"--master", master, "--input", HDFS + "/corpus", "--warehouse", HDFS + warehouse,
        "--run-date", DATE, "--set", "topics.driver-max-tokens=0", "--set", "topics.iterations=60"};
  }

  /** The run's log (named after its run id) once it says {@code text}. */
  private static Path awaitRunLog(Path logs, String text) throws Exception {
    for (int i = 0; i < 6000; i++) {
      try (var files = Files.list(logs)) {
        for (Path log : files.filter(p -> p.getFileName().toString().startsWith("newsframe-pipeline-")).toList()) {
          if (Files.readString(log).contains(text)) {
            return log;
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no run log in " + logs + " said: " + text);
  }

  /** An executor JVM: a child of the first worker. */
  private static ProcessHandle anExecutor() throws IOException {
    long worker = Long.parseLong(Files.readString(dir.resolve("cluster/pids/worker-1.pid")).strip());
    return ProcessHandle.of(worker).orElseThrow().children()
        .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
        .findFirst().orElseThrow(() -> new AssertionError("worker-1 runs no executor"));
  }

  private static String query(String warehouse, String sql) throws Exception {
    Jobs.Result result = jobs.run("query", "--warehouse", HDFS + warehouse, "--format", "csv", sql);
    assertEquals(0, result.exit(), result.stderr());
    return result.stdout();
  }
}
