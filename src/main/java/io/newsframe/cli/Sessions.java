package io.newsframe.cli;

import io.newsframe.config.NewsframeConfig;
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
    for (Map.Entry<String, String> entry : config.spark().conf().entrySet()) {
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
    return spark;
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
