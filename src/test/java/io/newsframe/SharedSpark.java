package io.newsframe;

import io.newsframe.config.ConfigLoader;
import io.newsframe.tables.LocalFiles;
import io.newsframe.tables.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one local SparkSession of the test suite (local[2], UI off, loopback), with the result
 * tables' Iceberg catalog in a temporary warehouse. Tests that write tables use a namespace of
 * their own so they do not see each other's rows.
 */
public final class SharedSpark {
  public static final String CATALOG = "newsframe";
  private static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";
  private static SparkSession spark;
  private static Path warehouse;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (spark == null) {
      try {
        warehouse = Files.createTempDirectory("nf-test-warehouse");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      SparkSession.Builder builder = SparkSession.builder()
          .appName("newsframe-tests")
          .master("local[2]")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.ui.showConsoleProgress", "false")
          // Expressions interpreted or compiled as conf/local.conf says (its comment says why).
          .config(FACTORY_MODE, ConfigLoader.load(null, Map.of()).spark().conf()
              .getOrDefault(FACTORY_MODE, "FALLBACK"));
      Warehouse.sessionConf(CATALOG, "test", warehouse.toUri().toString()).forEach(builder::config);
      LocalFiles.SPARK_CONF.forEach(builder::config);
      spark = builder.getOrCreate();
    }
    return spark;
  }

  public static Path warehouse() {
    session();
    return warehouse;
  }

  /** ../shared beside the project, where real corpora are; null when absent. */
  public static Path shared() {
    Path path = Path.of(System.getProperty("newsframe.shared", "../shared"));
    return Files.isDirectory(path.resolve("corpora")) ? path : null;
  }

  /**
   * The Spark jobs {@code action} ran, counted under a job group of its own once the listeners
   * have seen every event posted so far (the status tracker learns of jobs from them).
   */
  public static int jobsOf(Runnable action) {
    SparkSession session = session();
    String group = "counted-" + System.nanoTime();
    session.sparkContext().setJobGroup(group, "a test counting Spark jobs", false);
    try {
      action.run();
    } finally {
      session.sparkContext().clearJobGroup();
    }
    try {
      session.sparkContext().listenerBus().waitUntilEmpty();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Spark's listeners did not catch up: " + e.getMessage(), e);
    }
    return session.sparkContext().statusTracker().getJobIdsForGroup(group).length;
  }
}
