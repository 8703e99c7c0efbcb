package io.newsframe.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.ml.PipelineModel;

/** Loading and saving the stages' Spark ML pipelines, with errors that name the setting and path. */
final class Models {
  private Models() {}

  static PipelineModel loadPipeline(String path, String setting) {
    try {
      return PipelineModel.load(path);
    } catch (RuntimeException e) {
      throw new IllegalStateException(setting + ": cannot load a saved pipeline from " + path
          + " (" + e.getMessage() + ")", e);
    }
  }

  static void savePipeline(PipelineModel model, String path) {
    try {
      model.write().overwrite().save(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the model to " + path, e);
    }
  }
}
