package io.newsframe.pipeline;

import io.newsframe.config.NewsframeConfig;
import io.newsframe.tables.RunSlice;
import io.newsframe.tables.Warehouse;
import org.apache.spark.sql.SparkSession;

/** What a stage gets: the session, the checked configuration, the tables and the run it is part of. */
public record RunContext(SparkSession spark, NewsframeConfig config, Warehouse warehouse, RunSlice run) {}
