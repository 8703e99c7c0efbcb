package io.newsframe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import io.newsframe.config.ConfigLoader;
import io.newsframe.config.NewsframeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any day's batch runs to the end through every stage: a stage with nothing to learn says so in
 * runs instead of failing the run after the others' work.
 */
class AnyBatchRunsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
  private static final String[] GENERAL = ("the council said local football team won match season league "
      + "weather rain week garden festival music album band chef recipe kitchen school pupils teachers "
      + "hospital patients doctors railway station trains passengers museum exhibition painting village "
      + "residents shop market prices bakery bread river bridge road traffic cyclists park trees").split(" ");
  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();

  private NewsframeConfig config(String namespace, Path input) {
    return ConfigLoader.load(null, Map.of("namespace", namespace, "input.uri", input.toString(),
        "operations.maintenance.enabled", "false"));
  }

  /** Articles of ordinary local news: no target, no loaded term. */
  private Path generalNews(String folder, int articles) throws IOException {
    Path root = dir.resolve(folder);
    Files.createDirectories(root);
    Random random = new Random(articles);
    for (int a = 0; a < articles; a++) {
      StringBuilder text = new StringBuilder("Local news " + a + "\n\n");
      for (int sentence = 0; sentence < 8; sentence++) {
        for (int w = 0; w < 12; w++) {
          text.append(GENERAL[random.nextInt(GENERAL.length)]).append(' ');
        }
        text.append("today.\n");
      }
      Files.writeString(root.resolve("story-" + a + ".txt"), text.toString());
    }
    return root;
  }

  private String note(String namespace, String stage) {
    return spark.sql("SELECT notes['" + stage + "'] FROM newsframe." + namespace + ".runs WHERE status = 'succeeded'")
        .as(Encoders.STRING()).first();
  }

  @Test
  void aBatchWithoutAnyFramingTermRunsToTheEndAndSaysWhy() throws IOException {
    RunReport report = new PipelineRun(spark, config("noframing", generalNews("general", 60)), "test", DAY)
        .execute(Stages.all());
    assertEquals("stance", report.stages().get(report.stages().size() - 1).name());
    // Ordinary news gives the stance stage nothing to learn: the run ends, and runs says why.
    assertTrue(note("noframing", "stance") != null);
  }

  @Test
  void aBatchOfOneArticleRunsEveryStage() throws IOException {
    RunReport report = new PipelineRun(spark, config("onearticle", generalNews("one", 1)), "test", DAY)
        .execute(Stages.all());
    assertEquals(5, report.stages().size());
    assertEquals(1, report.stages().get(0).outcome().rowsOut());
  }

  @Test
  void aBatchWhoseRecordsAreAllRejectedRunsEveryStage() throws IOException {
    Path bad = dir.resolve("bad");
    Files.createDirectories(bad);
    Files.write(bad.resolve("empty.txt"), new byte[0]);
    Files.write(bad.resolve("logo.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
    RunReport report = new PipelineRun(spark, config("allrejected", bad), "test", DAY).execute(Stages.all());
    assertEquals(2, report.stages().get(0).outcome().rowsRejected());
    assertEquals("the batch has no article", note("allrejected", "stance"));
  }

  @Test
  void aBatchInAnotherLanguageRunsEveryStage() throws IOException {
    Path german = dir.resolve("german");
    Files.createDirectories(german);
    for (int a = 0; a < 5; a++) {
      Files.writeString(german.resolve("artikel-" + a + ".txt"), "Nachrichten aus der Stadt " + a + "\n\n"
          + "Der Gemeinderat hat am Montag beschlossen, dass die neue Brücke über den Fluss im nächsten Jahr "
          + "gebaut wird. Die Bürger der Stadt freuen sich über die Entscheidung, und die Geschäfte in der "
          + "Innenstadt erwarten mehr Kunden. Der Bürgermeister sagte, das Projekt sei gut für alle. " + a);
    }
    new PipelineRun(spark, config("german", german), "test", DAY).execute(Stages.all());
    assertEquals(0L, spark.sql("SELECT count(*) FROM newsframe.german.articles WHERE for_modelling")
        .as(Encoders.LONG()).first());
    assertTrue(note("german", "features").contains("nothing to vectorize"));
  }
}
