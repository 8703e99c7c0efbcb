package io.newsframe.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where stages save their fitted models, how they read them back, and which saved model a run
 * reuses. Every stage's model is a Spark ML {@code MLWritable} with a static {@code read()}: saved
 * and loaded here, the same way for all four. Each attempt saves in
 * {@code <warehouse>/models/<namespace>/<stage>/<run_id>-a<attempt>} (namespaces sharing a
 * warehouse keep their models apart; a failed re-run never overwrites the model of the attempt
 * whose rows are published), and {@code runs.models} records the folder each stage used. A
 * stage's conf choice is {@code fit} (none: fit on this batch), {@code latest} (the latest
 * earlier run's) or a path.
 */
final class ModelStore {
  private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);
  static final String FIT = "fit";
  static final String LATEST = "latest";
  /** The key suffix in runs.models under which a stage records the saved model it reused. */
  static final String REUSED_FROM = ".reused_from";

  private ModelStore() {}

  /**
   * Reads a saved model with its Spark ML reader; the error names the setting that chose it.
   *
   * @param setting the conf key that chose the model, e.g. {@code topics.model}
   */
  static <T> T load(MLReader<T> reader, String path, String setting) {
    try {
      return reader.load(path);
    } catch (Exception e) { // Spark's Scala readers throw IOExceptions without declaring them
      throw new IllegalStateException(setting + ": cannot load a saved model from " + path + " (" + e.getMessage()
          + "); set " + setting + " = fit to fit a new one", e);
    }
  }

  /**
   * The folder of the model {@code stage} used: a model fitted by this attempt is saved under the
   * attempt's name; a reused one ({@code reusedFrom} not null) is not copied, its folder is the
   * answer. runs.models then names it, so pruning keeps it while a recent run does, and a nightly
   * run that fits nothing writes no model.
   */
  static String saveIfFitted(RunContext context, String stage, MLWritable model, String reusedFrom) {
    return reusedFrom != null ? reusedFrom : save(context, stage, model);
  }

  /** The folder {@link #saveIfFitted} saves in (or the reused one), known before the save. */
  static String folderIfFitted(RunContext context, String stage, String reusedFrom) {
    return reusedFrom != null ? reusedFrom : pathFor(context, stage);
  }

  /** Saves this attempt's model of {@code stage} with Spark ML persistence and returns its folder. */
  static String save(RunContext context, String stage, MLWritable model) {
    String path = pathFor(context, stage);
    try {
      model.write().overwrite().save(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the " + stage + " model to " + path, e);
    }
    return path;
  }

  /** The folder this attempt saves {@code stage}'s model in. */
  private static String pathFor(RunContext context, String stage) {
    return new Path(stageRoot(context.warehouse().root(), context.config().namespace(), stage), context.modelId())
        .toString();
  }

  private static Path stageRoot(Path warehouse, String namespace, String stage) {
    return new Path(new Path(new Path(warehouse, "models"), namespace), stage);
  }

  /** The saved model to reuse for {@code choice}, or null to fit one. */
  static String reused(RunContext context, String stage, String choice) {
    return switch (choice) {
      case FIT -> null;
      case LATEST -> latestEarlier(context, stage);
      default -> choice;
    };
  }

  /**
   * The model that the latest succeeded attempt dated before this run used for {@code stage}, or
   * null when there is none, it used none, or it is time to retrain (models.*). A run never
   * reuses a model of its own date, so a re-run repeats the first.
   */
  private static String latestEarlier(RunContext context, String stage) {
    String path = latestSaved(context, stage);
    if (path == null) {
      return null;
    }
    if (context.config().models().retrain()) {
      LOG.info("{}: fitting a new model (models.retrain) instead of reusing {}", stage, path);
      return null;
    }
    java.time.Duration every = context.config().models().retrainEvery();
    java.time.LocalDate fitted = fittedDate(context, stage, path);
    if (!every.isZero() && fitted != null && java.time.Duration.between(fitted.atStartOfDay(),
        context.run().runDate().atStartOfDay()).compareTo(every) >= 0) {
      LOG.info("{}: the model to reuse was fitted on {}, models.retrain-every ({}) ago or more: fitting a new one",
          stage, fitted, every);
      return null;
    }
    return path;
  }

  /** The model the latest succeeded attempt dated before this run saved for {@code stage}, or null. */
  static String latestSaved(RunContext context, String stage) {
    String latest = context.pastRuns().latestModel(context.run().runDate(), stage);
    if (latest == null) {
      return null;
    }
    Path path = new Path(latest);
    return exists(context.warehouse().fileSystem(), path) ? path.toString() : null;
  }

  /**
   * The run date of the run that fitted the model at {@code path}, whose folder is named after its
   * run id (which starts with its date). Runs before reused models were referenced saved a copy
   * of them: runs.models says which saved model each such copy came from, and the chain of copies
   * ends at the fitted one.
   */
  static java.time.LocalDate fittedDate(RunContext context, String stage, String path) {
    java.util.Map<String, String> copiedFrom = context.pastRuns().copiedFrom(stage);
    String origin = path;
    for (int hops = 0; hops < copiedFrom.size() && copiedFrom.containsKey(origin)
        && !copiedFrom.get(origin).equals(origin); hops++) {
      origin = copiedFrom.get(origin);
    }
    String name = new Path(origin).getName();
    try {
      return java.time.LocalDate.parse(name.substring(0, 8), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Deletes every model folder this attempt saved (it failed: nothing will use them). */
  static void deleteAttempt(RunContext context) {
    deleteAttempt(context.warehouse().fileSystem(), context.warehouse().root(), context.config().namespace(),
        context.modelId());
  }

  /** Deletes the model folders named {@code modelId} of every stage. */
  static void deleteAttempt(FileSystem fs, Path warehouse, String namespace, String modelId) {
    for (Path stage : stageFolders(fs, warehouse, namespace)) {
      delete(fs, new Path(stage, modelId));
    }
  }

  /**
   * Deletes the saved models that none of {@code kept} (paths from runs.models) names.
   *
   * @return how many folders were deleted
   */
  static int prune(FileSystem fs, Path warehouse, String namespace, Set<String> kept) {
    Set<String> keptPaths = new HashSet<>();
    for (String path : kept) {
      keptPaths.add(fs.makeQualified(new Path(path)).toUri().getPath());
    }
    int deleted = 0;
    for (Path stage : stageFolders(fs, warehouse, namespace)) {
      for (FileStatus model : list(fs, stage)) {
        if (model.isDirectory() && !keptPaths.contains(model.getPath().toUri().getPath())) {
          delete(fs, model.getPath());
          deleted++;
        }
      }
    }
    return deleted;
  }

  private static List<Path> stageFolders(FileSystem fs, Path warehouse, String namespace) {
    Path root = new Path(new Path(warehouse, "models"), namespace);
    return list(fs, root).stream().filter(FileStatus::isDirectory).map(FileStatus::getPath).toList();
  }

  private static List<FileStatus> list(FileSystem fs, Path folder) {
    try {
      return fs.exists(folder) ? List.of(fs.listStatus(folder)) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the models in " + folder, e);
    }
  }

  private static void delete(FileSystem fs, Path path) {
    try {
      if (fs.delete(path, true)) {
        LOG.info("deleted the saved model " + path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the saved model " + path, e);
    }
  }

  private static boolean exists(FileSystem fs, Path path) {
    try {
      return fs.exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for a saved model at " + path, e);
    }
  }
}
