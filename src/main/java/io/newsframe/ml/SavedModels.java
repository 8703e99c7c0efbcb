package io.newsframe.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * Reads the metadata Spark ML persistence saves with every model (one line of JSON in
 * {@code <model>/metadata/part-*}) through Hadoop's FileSystem, and parses it with Spark's own
 * parser. Spark's readers read that line with a DataFrame job each, and a saved pipeline reads
 * each stage's twice (once to find its class, once in the stage's reader): a nightly run's four
 * saved models made some thirty such jobs. The folders stay exactly what Spark ML writes; a
 * Spark ML reader (Spark's {@code PipelineModel.load} included) still reads them.
 */
public final class SavedModels {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SavedModels() {}

  /**
   * The metadata saved at {@code path}, as Spark's {@code DefaultParamsReader.loadMetadata} gives it.
   *
   * @param expectedClass the class name the metadata must name, or "" for any
   */
  public static DefaultParamsReader.Metadata metadata(String path, SparkSession spark, String expectedClass) {
    return DefaultParamsReader.parseMetadata(firstLine(new Path(path, "metadata"), spark), expectedClass);
  }

  /** A reader for a stage whose params are all it saves, like Spark's {@code DefaultParamsReader}. */
  public static <T extends Params> MLReader<T> paramsReader() {
    return new MLReader<>() {
      @Override
      public T load(String path) {
        DefaultParamsReader.Metadata metadata = metadata(path, sparkSession(), "");
        T instance = construct(metadata.className(), metadata.uid(), path);
        metadata.getAndSetParams(instance, Option.empty());
        return instance;
      }
    };
  }

  /**
   * A reader for a saved {@link PipelineModel}: its stages in order, each by its own class's Spark
   * ML reader, from the folders Spark's {@code PipelineModel} writer lays out.
   */
  public static MLReader<PipelineModel> pipelineReader() {
    return new MLReader<>() {
      @Override
      public PipelineModel load(String path) {
        DefaultParamsReader.Metadata metadata = metadata(path, sparkSession(), PipelineModel.class.getName());
        String[] uids = stageUids(metadata.metadataJson(), path);
        Transformer[] stages = new Transformer[uids.length];
        // Spark's layout: stages/<index, zero-padded to the count's digits>_<uid>.
        String digits = "%0" + String.valueOf(uids.length).length() + "d";
        for (int i = 0; i < uids.length; i++) {
          String stagePath = new Path(new Path(path, "stages"), String.format(digits, i) + "_" + uids[i]).toString();
          String className = metadata(stagePath, sparkSession(), "").className();
          stages[i] = (Transformer) readerOf(className, stagePath).session(sparkSession()).load(stagePath);
        }
        return new PipelineModel(metadata.uid(), stages);
      }
    };
  }

  private static String[] stageUids(String metadataJson, String path) {
    try {
      JsonNode uids = JSON.readTree(metadataJson).path("paramMap").path("stageUids");
      if (!uids.isArray()) {
        throw new IllegalStateException("the pipeline saved at " + path + " lists no stageUids");
      }
      String[] out = new String[uids.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = uids.get(i).asText();
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse the metadata of " + path, e);
    }
  }

  /** The Spark ML reader of {@code className} (its static {@code read()}, as Spark finds it). */
  private static MLReader<?> readerOf(String className, String path) {
    try {
      return (MLReader<?>) Class.forName(className, true, loader()).getMethod("read").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the model saved at " + path + " is a " + className
          + ", which has no Spark ML reader here", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T construct(String className, String uid, String path) {
    try {
      return (T) Class.forName(className, true, loader()).getConstructor(String.class).newInstance(uid);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the stage saved at " + path + " is a " + className
          + ", which cannot be made from its uid here", e);
    }
  }

  private static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : SavedModels.class.getClassLoader();
  }

  /** The first line of the first part file in {@code dir}, as Spark's text source would read it. */
  private static String firstLine(Path dir, SparkSession spark) {
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      FileStatus[] parts = fs.listStatus(dir, p -> p.getName().startsWith("part-"));
      Arrays.sort(parts, Comparator.comparing(status -> status.getPath().getName()));
      for (FileStatus part : parts) {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(fs.open(part.getPath()), StandardCharsets.UTF_8))) {
          String line = in.readLine();
          if (line != null) {
            return line;
          }
        }
      }
      throw new IllegalStateException("no saved metadata in " + dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the saved metadata in " + dir, e);
    }
  }
}
