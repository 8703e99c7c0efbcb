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
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled runs reuse what earlier runs learned: chrome, vocabulary, topics (*.model = latest). */
@Slow
class ModelReuseTest {
  private static final String CHROME = "The Moscow Courier is an independent English newspaper, published every weekday.";
  private static final LocalDate MONDAY = LocalDate.of(2024, 6, 3);
  private static final LocalDate TUESDAY = MONDAY.plusDays(1);
  /** The chrome is learned and applied by the clean stage: the later stages add nothing to that test. */
  private static final List<Stage> CLEAN = Stages.until("clean");
  @TempDir static Path days;
  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();

  private static void article(Path folder, String name, String topic) throws IOException {
    Files.createDirectories(folder);
    String body = ("Officials in Moscow and Washington said on Monday that the talks on " + topic
        + " would go on, although neither side expected an agreement before the end of the month. ").repeat(2);
    Files.writeString(folder.resolve(name + ".txt"),
        "Talks on " + topic + " go on\n\n" + body + "\n\n" + CHROME + "\n\n" + body.replace("Monday", "Tuesday") + "\n");
  }

  private NewsframeConfig config(Path input, String model) {
    return ConfigLoader.load(null, Map.of("namespace", "reuse", "input.uri", input.toString(), "clean.model", model));
  }

  /** Monday's batch fits every model; Tuesday's, another sample, reuses the latest of each. */
  @BeforeAll
  static void twoDays() {
    SparkSession spark = SharedSpark.session();
    new io.newsframe.sample.SampleCorpus(200, 7).write(days.resolve("first"));
    new io.newsframe.sample.SampleCorpus(120, 8).write(days.resolve("second"));
    var first = ConfigLoader.load(null, Map.of("namespace", "topicreuse",
        "input.uri", io.newsframe.sample.SampleCorpus.corpusDir(days.resolve("first")).toString(), "topics.topics", "6"));
    new PipelineRun(spark, first, "test", MONDAY).execute(Stages.all());
    var second = ConfigLoader.load(null, Map.of("namespace", "topicreuse",
        "input.uri", io.newsframe.sample.SampleCorpus.corpusDir(days.resolve("second")).toString(), "topics.topics", "6",
        "features.model", "latest", "topics.model", "latest", "stance.model", "latest"));
    new PipelineRun(spark, second, "test", TUESDAY).execute(Stages.all());
  }

  private long count(String sql) {
    return spark.sql(sql).as(Encoders.LONG()).first();
  }

  @Test
  void aLaterBatchGetsTheTopicsAndVocabularyOfTheLatestModel() {
    String topics = "SELECT topic, top_stems FROM newsframe.topicreuse.topics WHERE run_date = DATE '%s' ORDER BY topic";
    assertEquals(spark.sql(String.format(topics, MONDAY)).collectAsList(),
        spark.sql(String.format(topics, TUESDAY)).collectAsList(), "the same topics");
    String vocabulary = "SELECT term_index, term FROM newsframe.topicreuse.vocabulary WHERE run_date = DATE '%s' ORDER BY term_index";
    assertEquals(spark.sql(String.format(vocabulary, MONDAY)).collectAsList(),
        spark.sql(String.format(vocabulary, TUESDAY)).collectAsList(), "the same vocabulary");
    long modelled = count("SELECT count(*) FROM newsframe.topicreuse.article_tokens WHERE token_count > 0 AND run_date = DATE '"
        + TUESDAY + "'");
    assertEquals(modelled, count("SELECT count(*) FROM newsframe.topicreuse.article_topics WHERE run_date = DATE '"
        + TUESDAY + "' AND abs(aggregate(topic_distribution, 0D, (a, x) -> a + x) - 1) < 1e-9"));
    assertTrue(modelled > 50, "second batch modelled: " + modelled);
  }

  /** Every article of the later batch, duplicates too, gets its row in the earlier batch's clusters. */
  @Test
  void aLaterBatchIsPlacedInTheClustersOfTheLatestStanceModel() {
    String rowsOf = "SELECT count(*) FROM newsframe.topicreuse.%s WHERE run_date = DATE '" + TUESDAY + "'";
    assertTrue(count(String.format(rowsOf, "articles") + " AND NOT for_modelling") > 0, "the sample has duplicates to place");
    assertEquals(count(String.format(rowsOf, "articles")), count(String.format(rowsOf, "article_stance")));
    assertEquals(centres(MONDAY), centres(TUESDAY), "the same stance model");
  }

  /** A one-article batch cannot be clustered on its own; the saved models place it. */
  @Test
  void aOneArticleBatchIsPlacedByTheSavedModels() {
    LocalDate wednesday = TUESDAY.plusDays(1);
    new io.newsframe.sample.SampleCorpus(1, 9).write(days.resolve("third"));
    var third = ConfigLoader.load(null, Map.of("namespace", "topicreuse",
        "input.uri", io.newsframe.sample.SampleCorpus.corpusDir(days.resolve("third")).toString(),
        "features.model", "latest", "topics.model", "latest", "stance.model", "latest"));
    new PipelineRun(spark, third, "test", wednesday).execute(Stages.all());
    String rowsOf = "SELECT count(*) FROM newsframe.topicreuse.%s WHERE run_date = DATE '" + wednesday + "'";
    assertEquals(1L, count(String.format(rowsOf, "articles") + " AND for_modelling"));
    assertEquals(count(String.format(rowsOf, "articles")), count(String.format(rowsOf, "article_stance")));
  }

  /** The k-means centres of the stance model the run of that day saved (runs.models says where). */
  private List<String> centres(LocalDate day) {
    String path = spark.sql("SELECT models['stance'] FROM newsframe.topicreuse.runs WHERE run_date = DATE '" + day
        + "' AND status = 'succeeded'").as(Encoders.STRING()).first();
    var space = new io.newsframe.stance.FeatureSpace(ConfigLoader.defaults().stance());
    return java.util.Arrays.stream(io.newsframe.stance.StanceModel.read().load(path).requireFeatures(space, path).kmeans().clusterCenters())
        .map(Object::toString).toList();
  }

  private List<String> reasonsFor(LocalDate day) {
    return spark.sql("SELECT r.reason FROM newsframe.reuse.articles LATERAL VIEW explode(removed_lines) t AS r "
        + "WHERE run_date = DATE '" + day + "' AND r.text = '" + CHROME + "'").as(Encoders.STRING()).collectAsList();
  }

  @Test
  void aSmallBatchIsCleanedWithTheChromeOfEarlierBatches() throws IOException {
    Path monday = dir.resolve("monday");
    for (String topic : List.of("arms control", "gas prices", "prisoner exchanges", "embassy staff")) {
      article(monday, topic.replace(' ', '-'), topic);
    }
    Path tuesday = dir.resolve("tuesday");
    article(tuesday, "grain", "grain exports");

    new PipelineRun(spark, config(monday, "fit"), "test", MONDAY).execute(CLEAN);
    assertEquals(List.of("repeated_line", "repeated_line", "repeated_line", "repeated_line"), reasonsFor(MONDAY));

    // Alone, one article cannot show that the line is chrome ...
    new PipelineRun(spark, config(tuesday, "fit"), "test", MONDAY.plusDays(1)).execute(CLEAN);
    assertTrue(reasonsFor(MONDAY.plusDays(1)).isEmpty(), "kept as body text when fitted on its own batch");
    // ... but the model Monday's run saved knows it.
    new PipelineRun(spark, config(tuesday, "latest"), "test", MONDAY.plusDays(1)).execute(CLEAN);
    assertEquals(List.of("repeated_line"), reasonsFor(MONDAY.plusDays(1)));
  }
}
