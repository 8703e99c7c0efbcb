package io.newsframe.cli;

import io.newsframe.config.NewsframeConfig;
import io.newsframe.tables.Checkpoints;
import io.newsframe.tables.LocalFiles;
import io.newsframe.tables.Warehouse;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** Builds the Spark session of a job, with the result tables' catalog as its default catalog. */
public final class Sessions {
  private Sessions() {}

  public static SparkSession create(NewsframeConfig config) {
    SparkSession.Builder builder = SparkSession.builder()
        .appName(config.spark().appName())
        .master(config.spark().master());
    for (Map.Entry<String, String> entry : forMaster(config.spark().conf(), config.spark().master()).entrySet()) {
      builder.config(entry.getKey(), entry.getValue());
    }
    // Static SQL setting: must be known before the session exists.
    builder.config("spark.sql.extensions",
        "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions");
    LocalFiles.SPARK_CONF.forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    String warehouseUri = qualifiedWarehouse(spark, config.warehouse());
    Warehouse.sessionConf(config.catalog(), config.namespace(), warehouseUri).forEach((k, v) -> {
      if (!k.equals("spark.sql.extensions")) {
        spark.conf().set(k, v);
      }
    });
    Checkpoints.configure(spark, warehouseUri);
    return spark;
  }

  /** Ends a job's session, its checkpoint files first. */
  public static void stop(SparkSession spark) {
    try {
      Checkpoints.remove(spark);
    } finally {
      spark.stop();
    }
  }

  /**
   * The Spark properties for {@code master}: conf/local.conf pins the driver to loopback, which is
   * right when the executors run on this machine (a local master, or a standalone master on
   * loopback) and wrong for any other: executors elsewhere would be told to call 127.0.0.1. Those
   * pins are dropped then, and Spark advertises this host's address (SPARK_LOCAL_IP or
   * spark.driver.host set to a routable address choose another).
   */
  static Map<String, String> forMaster(Map<String, String> conf, String master) {
    if (executorsOnThisHost(master)) {
      return conf;
    }
    Map<String, String> kept = new java.util.LinkedHashMap<>(conf);
    for (String key : DRIVER_ADDRESS_KEYS) {
      if (isLoopback(kept.get(key))) {
        kept.remove(key);
      }
    }
    return kept;
  }

  private static final java.util.List<String> DRIVER_ADDRESS_KEYS = java.util.List.of("spark.driver.host",
      "spark.driver.bindAddress");

  static boolean executorsOnThisHost(String master) {
    String m = master.strip().toLowerCase(java.util.Locale.ROOT);
    if (m.startsWith("local")) {
      return true;
    }
    if (!m.startsWith("spark://")) {
      return false;
    }
    // spark://host:port, or several masters (standby ones) separated by commas: all on loopback.
    return java.util.Arrays.stream(m.substring("spark://".length()).split(","))
        .map(hostPort -> hostPort.replaceFirst(":\\d+$", ""))
        .allMatch(Sessions::isLoopback);
  }

  private static boolean isLoopback(String host) {
    return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]"));
  }

  /** The warehouse as a full URI: a relative path is resolved against the working directory. */
  static String qualifiedWarehouse(SparkSession spark, String warehouse) {
    Path path = new Path(warehouse);
    try {
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(path).toString();
    } catch (IOException e) {
      throw new io.newsframe.config.ConfigError("warehouse " + warehouse + " cannot be reached: "
          + e.getMessage(), e);
    }
  }
}
