package io.newsframe.config;

import java.util.Map;

/** The Spark master and properties a run's session is built with. */
public record SparkSettings(String master, String appName, Map<String, String> conf) {}
