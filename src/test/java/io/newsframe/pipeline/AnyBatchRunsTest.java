package io.newsframe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import io.newsframe.Slow;
import io.newsframe.config.ConfigLoader;
import io.newsframe.config.NewsframeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any day's batch runs to the end through every stage: a stage with nothing to learn says so in
 * runs instead of failing the run after the others' work.
 */
@Slow
class AnyBatchRunsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();

  private NewsframeConfig config(String namespace, Path input) {
    return ConfigLoader.load(null, Map.of("namespace", namespace, "input.uri", input.toString(),
        "operations.maintenance.enabled", "false"));
  }

  private String note(String namespace, String stage) {
    return spark.sql("SELECT notes['" + stage + "'] FROM newsframe." + namespace + ".runs WHERE status = 'succeeded'")
        .as(Encoders.STRING()).first();
  }

  /** The first {@code n} BBC News articles of 2004-05 (sport, business, ...), one text file each. */
  private Path bbcNews(int n) throws IOException {
    Path shared = SharedSpark.shared();
    Assumptions.assumeTrue(shared != null, "../shared/corpora is absent: the BBC batch test is skipped");
    Path root = dir.resolve("bbc");
    Files.createDirectories(root);
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    try (var lines = Files.lines(shared.resolve("corpora/bbc/articles.jsonl"))) {
      int i = 0;
      for (String line : lines.limit(n).toList()) {
        Files.writeString(root.resolve("bbc-" + i++ + ".txt"), json.readTree(line).path("text").asText());
      }
    }
    return root;
  }

  @Test
  void aBatchWithoutAnyRussiaUnitedStatesFramingRunsToTheEndAndSaysWhy() throws IOException {
    RunReport report = new PipelineRun(spark, config("noframing", bbcNews(100)), "test", DAY).execute(Stages.all());
    StageOutcome stance = report.stages().get(report.stages().size() - 1).outcome();
    assertTrue(stance.rowsIn() >= 90, "the BBC articles are modelled: " + stance.rowsIn());
    assertEquals(stance.rowsIn(), stance.rowsOut(), "every article has its stance row");
  }

  @Test
  void aBatchOfCopiesOfEarlierArticlesModelsNothingNew() throws IOException {
    new io.newsframe.sample.SampleCorpus(40, 5).write(dir.resolve("sample"));
    Path day1 = dir.resolve("copies/2026-12-01");
    Files.createDirectories(day1.getParent());
    Files.move(io.newsframe.sample.SampleCorpus.corpusDir(dir.resolve("sample")).resolve("txt"), day1);
    NewsframeConfig config = config("copies", dir.resolve("copies"));
    RunReport first = new PipelineRun(spark, config, "test", DAY).execute(Stages.all());
    // A few dozen articles support a few topics, not twenty: the run records both and says why.
    long modelled = first.stages().get(first.stages().size() - 2).outcome().rowsIn();
    Map<String, Long> counts = spark.sql("SELECT counts FROM newsframe.copies.runs").first().getJavaMap(0);
    assertEquals(20L, counts.get("topics.requested"));
    assertEquals(modelled / 5, counts.get("topics.topics"), counts.toString());
    assertEquals(modelled / 5, spark.sql("SELECT count(*) FROM newsframe.copies.topics").as(Encoders.LONG()).first());
    assertTrue(note("copies", "topics").contains("topics.min-documents-per-topic"), note("copies", "topics"));
    Path day2 = dir.resolve("copies/2026-12-02");
    try (var files = Files.walk(day1)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = day2.resolve(day1.relativize(file));
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    }
    RunReport report = new PipelineRun(spark, config, "test", DAY.plusDays(1)).execute(Stages.all());
    String dayTwo = "SELECT count(*) FROM newsframe.copies.articles WHERE run_date = DATE'" + DAY.plusDays(1) + "'";
    assertTrue(spark.sql(dayTwo).as(Encoders.LONG()).first() > 20);
    assertEquals(0L, spark.sql(dayTwo + " AND (for_modelling OR is_canonical)").as(Encoders.LONG()).first());
    assertTrue(report.stages().get(report.stages().size() - 1).outcome().note().contains("nothing to cluster"));
  }

  @Test
  void aBatchOfOneArticleRunsEveryStage() throws IOException {
    Path corpus = dir.resolve("one");
    Files.createDirectories(corpus);
    String paragraph = "Officials in Moscow and Washington said on Monday that the talks on arms control would go on,"
        + " although neither side expected an agreement before the end of the month, and the envoys of both"
        + " countries were to meet again in Geneva next week to discuss the inspections that the treaty foresees. ";
    Files.writeString(corpus.resolve("talks.txt"), "Arms control talks go on\n\n" + paragraph + "\n\n" + paragraph);
    RunReport report = new PipelineRun(spark, config("onearticle", corpus), "test", DAY).execute(Stages.all());
    assertEquals(5, report.stages().size());
    assertEquals(1, report.stages().get(1).outcome().rowsOut(), "one article cleaned");
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
