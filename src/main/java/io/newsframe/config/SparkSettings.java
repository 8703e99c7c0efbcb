package io.newsframe.config;

import java.util.Map;

/**
 * The Spark master and properties a run's session is built with.
 *
 * @param compileExpressionsFrom the bytes of new input from which a run has Spark compile its
 *     expressions and operators into classes (Spark's default) rather than interpret them as
 *     {@code conf} has it for small batches; 0 leaves {@code conf}'s choice to every run
 * @param adaptiveExecutionFrom the bytes of new input below which a run has Spark plan each query
 *     once, without adaptive execution; 0 leaves {@code conf}'s choice to every run
 */
public record SparkSettings(
    String master, String appName, Map<String, String> conf, long compileExpressionsFrom, long adaptiveExecutionFrom) {}
