package io.newsframe.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import io.newsframe.clean.LanguageIdentifier;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models saved by Spark ML's writers, read back without a Spark job for their metadata. */
class SavedModelsTest {
  private final SparkSession spark = SharedSpark.session();
  @TempDir Path dir;

  private PipelineModel savedPipeline(String name) throws Exception {
    LanguageIdentifier language = new LanguageIdentifier().setDetectChars(321).setMinConfidence(0.25);
    SQLTransformer sql = new SQLTransformer().setStatement("SELECT *, 1 AS one FROM __THIS__");
    // Eleven stages: the folder names' indexes are padded to two digits, as Spark writes them.
    Transformer[] stages = new Transformer[11];
    stages[0] = language;
    for (int i = 1; i < stages.length - 1; i++) {
      stages[i] = new SQLTransformer().setStatement("SELECT * FROM __THIS__");
    }
    stages[10] = sql;
    PipelineModel model = new PipelineModel("pipeline_saved", stages);
    model.write().save(dir.resolve(name).toString());
    return model;
  }

  @Test
  void aSavedPipelineReadsBackWithItsStagesAndParamsWithoutMetadataJobs() throws Exception {
    PipelineModel saved = savedPipeline("pipeline");
    String path = dir.resolve("pipeline").toString();
    PipelineModel[] loaded = new PipelineModel[1];
    int jobs = SharedSpark.jobsOf(() -> loaded[0] = SavedModels.pipelineReader().session(spark).load(path));
    // One job per SQLTransformer: Spark's own reader reads its metadata so; none for the pipeline or ours.
    assertEquals(10, jobs);
    assertEquals(saved.uid(), loaded[0].uid());
    assertEquals(Arrays.stream(saved.stages()).map(Transformer::uid).toList(),
        Arrays.stream(loaded[0].stages()).map(Transformer::uid).toList());
    LanguageIdentifier language = (LanguageIdentifier) loaded[0].stages()[0];
    assertEquals(321, language.getOrDefault(language.detectChars()));
    assertEquals(0.25, language.getOrDefault(language.minConfidence()));
    assertEquals("SELECT *, 1 AS one FROM __THIS__", ((SQLTransformer) loaded[0].stages()[10]).getStatement());
    // Spark's own reader reads the same folder, with a job for the pipeline's metadata and one to
    // find each stage's class on top.
    int sparkJobs = SharedSpark.jobsOf(() -> assertEquals(saved.uid(), PipelineModel.load(path).uid()));
    assertEquals(jobs + 1 + 11, sparkJobs);
  }

  @Test
  void aFolderOfAnotherClassIsRefusedByName() throws Exception {
    savedPipeline("pipeline");
    String stage = dir.resolve("pipeline/stages").toFile().list((d, n) -> n.startsWith("00_"))[0];
    String path = dir.resolve("pipeline/stages").resolve(stage).toString();
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> SavedModels.metadata(path, spark, PipelineModel.class.getName()));
    assertTrue(error.getMessage().contains(LanguageIdentifier.class.getName()), error.getMessage());
  }
}
