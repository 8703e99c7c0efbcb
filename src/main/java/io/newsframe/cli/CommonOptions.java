package io.newsframe.cli;

import io.newsframe.config.ConfigLoader;
import io.newsframe.config.NewsframeConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every job shares: configuration, warehouse, master, verbosity. */
public class CommonOptions {
  @Option(names = "--conf", paramLabel = "FILE",
      description = "Configuration file laid over conf/local.conf (HOCON).")
  Path confFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Set one configuration key, e.g. --set ingest.excerpt-chars=300. Repeatable.")
  Map<String, String> sets = new LinkedHashMap<>();

  @Option(names = "--warehouse", paramLabel = "URI",
      description = "Folder or URI of the result tables (default: newsframe.warehouse).")
  String warehouse;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[4], spark://host:7077, yarn (default: newsframe.spark.master).")
  String master;

  @Option(names = "--verbose", description = "Show stack traces of errors.")
  boolean verbose;

  /** Extra overrides from job-specific options, applied after --set. */
  Map<String, String> overrides() {
    Map<String, String> overrides = new LinkedHashMap<>(sets);
    if (warehouse != null) {
      overrides.put("warehouse", warehouse);
    }
    if (master != null) {
      overrides.put("spark.master", master);
    }
    return overrides;
  }

  NewsframeConfig load(Map<String, String> more) {
    Map<String, String> all = overrides();
    all.putAll(more);
    return ConfigLoader.load(confFile, all);
  }
}
