package io.newsframe.pipeline;

import io.newsframe.clean.CleanStage;
import io.newsframe.clean.LanguageIdentifier;
import io.newsframe.config.NewsframeConfig;
import io.newsframe.features.FeaturesStage;
import io.newsframe.ml.SavedModels;
import io.newsframe.stance.StanceModel;
import io.newsframe.stance.StanceStage;
import io.newsframe.topics.TopicModel;
import io.newsframe.topics.TopicsStage;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.ml.util.MLReader;

/**
 * Which saved model each stage reuses, decided once as the run starts, and those models loaded
 * on a thread of their own while the run ingests (pipelines through {@link SavedModels}, without
 * the Spark job per stage's metadata that Spark ML's own reader makes). A stage takes its model
 * with {@link #load}, waiting only for what is not loaded yet, and a model that cannot be loaded
 * fails the stage that needs it, with the same message as before. In local mode the thread also
 * loads the clean stage's language model, which the tasks would otherwise load.
 */
final class ModelPrefetch implements AutoCloseable {
  /** A stage's saved model: the setting that chooses it (fit | latest | path) and its Spark ML reader. */
  private record SavedModel(Function<NewsframeConfig, String> choice, Supplier<MLReader<?>> reader) {}

  /** Each stage with a saved model, in the order the run needs them. */
  private static final Map<String, SavedModel> STAGES = new LinkedHashMap<>();

  static {
    STAGES.put(CleanStage.NAME, new SavedModel(config -> config.clean().model(), SavedModels::pipelineReader));
    STAGES.put(FeaturesStage.NAME, new SavedModel(config -> config.features().model(), SavedModels::pipelineReader));
    STAGES.put(TopicsStage.NAME, new SavedModel(config -> config.topics().model(), TopicModel::read));
    STAGES.put(StanceStage.NAME, new SavedModel(config -> config.stance().model(), StanceModel::read));
  }

  private final Map<String, String> reused = new HashMap<>();
  private final Map<String, CompletableFuture<Object>> loads = new HashMap<>();
  private final ExecutorService loader;
  private RuntimeException failure;

  private ModelPrefetch(ExecutorService loader) {
    this.loader = loader;
  }

  /** Decides each stage's model ({@link ModelStore#reused}) and starts loading the saved ones. */
  static ModelPrefetch start(RunContext context) {
    ExecutorService loader = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "newsframe-model-loader");
      thread.setDaemon(true);
      return thread;
    });
    ModelPrefetch prefetch = new ModelPrefetch(loader);
    try {
      STAGES.forEach((stage, saved) -> {
        String path = ModelStore.reused(context, stage, saved.choice().apply(context.config()));
        prefetch.reused.put(stage, path);
        if (path != null) {
          MLReader<?> reader = saved.reader().get();
          prefetch.loads.put(stage, CompletableFuture.supplyAsync(
              () -> ModelStore.load(reader, path, stage + ".model"), loader));
        }
      });
    } catch (RuntimeException e) {
      // Raised in the first stage that asks, so that the attempt is recorded as failed, as before.
      prefetch.failure = e;
    }
    if (context.spark().sparkContext().isLocal()) {
      // The executors are this JVM: the clean stage's tasks find the language model loaded. A
      // failure here is left to those tasks, which load it again and fail with the reason.
      loader.execute(() -> {
        try {
          LanguageIdentifier.preloadModel();
        } catch (RuntimeException ignored) {
          // reported by the clean stage
        }
      });
    }
    return prefetch;
  }

  /** The saved model {@code stage} reuses, or null when it fits one (ModelStore's fit | latest | path). */
  String reused(String stage) {
    if (failure != null) {
      throw failure;
    }
    return reused.get(stage);
  }

  /** The reused model of {@code stage}, once loaded; the stage must have one ({@link #reused} not null). */
  <T> T load(String stage, Class<T> type) {
    CompletableFuture<Object> load = loads.get(stage);
    if (load == null) {
      throw new IllegalStateException(stage + " reuses no saved model");
    }
    try {
      return type.cast(load.join());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  @Override
  public void close() {
    loader.shutdownNow();
  }
}
