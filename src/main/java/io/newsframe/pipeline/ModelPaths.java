package io.newsframe.pipeline;

/** Where stages save their fitted models: warehouse/models/<stage>/<run_id>. */
final class ModelPaths {
  private ModelPaths() {}

  static String of(RunContext context, String stage) {
    return context.spark().conf().get("spark.sql.catalog." + context.config().catalog() + ".warehouse")
        + "/models/" + stage;
  }
}
