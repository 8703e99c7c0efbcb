package io.newsframe.config;

/**
 * The whole configuration of a run, typed. Built only by {@link ConfigLoader}, which has checked
 * every value; {@link #digest()} identifies it in the {@code runs} table.
 */
public record NewsframeConfig(
    SparkSettings spark,
    String warehouse,
    String catalog,
    String namespace,
    InputSettings input,
    IngestSettings ingest,
    CleanSettings clean,
    FeaturesSettings features,
    TopicsSettings topics,
    StanceSettings stance,
    SampleSettings sample,
    OperationsSettings operations,
    ModelSettings models,
    String digest) {}
