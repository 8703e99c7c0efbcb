package io.newsframe.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import io.newsframe.config.ConfigLoader;
import io.newsframe.config.NewsframeConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fitted clean pipeline is saved and loaded as a PipelineModel, and cleans a new batch alike. */
class CleanPipelinePersistenceTest {
  private final SparkSession spark = SharedSpark.session();
  @TempDir Path dir;
  /** Chrome a scraper glued to the last paragraph: no line of it repeats, its long shingles do. */
  private static final String GLUED_MENU = "Daily Wire values your feedback How relevant is this ad to you?Did you "
      + "encounter any technical issues? Log InMy Account SettingsLog Out Your Daily Wire accountSearch "
      + "HomeNewsPolitics Opinion";

  private Dataset<Row> batch(int from, int n) {
    List<Row> rows = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      // Words that differ between the articles at least every 25 words, so only the menu repeats.
      String tag = RepeatedPassagesTest.tag(i);
      String body = "Site icon Daily Wire Example\n\nTalks number " + i + " resume in Geneva\n\n"
          + "Kremlin spokesman Dmitry Peskov said on Tuesday in " + tag + " that Russia was ready to continue the "
          + "dialogue with Washington on strategic stability, and that the " + tag + " round of talks number " + i
          + " would take place in Geneva in the coming weeks.\n\n"
          + "The United States delegation will be led by a deputy secretary of state, officials in " + tag
          + " said, adding that arms control and the situation around Ukraine were on the agenda in " + tag + "."
          + GLUED_MENU + "\n\n"
          + "Leave a Reply\n\nBack to top button";
      rows.add(RowFactory.create("a" + i, body, "Talks number " + i + " resume in Geneva — Daily Wire", null, null, null,
          "mem:/" + i, null));
    }
    StructType schema = new StructType().add("id", "string").add("raw_text", "string").add("title", "string")
        .add("date", "string").add("source", "string").add("url", "string").add("source_path", "string")
        .add("source_line", "long");
    return spark.createDataFrame(rows, schema);
  }

  @Test
  void aSavedModelCleansANewBatchAsTheFittedOneDoes() throws Exception {
    NewsframeConfig config = ConfigLoader.defaults();
    PipelineModel fitted = CleanStage.pipeline(config.clean(), LocalDate.of(2026, 1, 1)).fit(batch(0, 24));
    BoilerplateRemoverModel boilerplate = (BoilerplateRemoverModel) fitted.stages()[0];
    assertTrue(boilerplate.chromeLines() >= 2, "chrome lines learned: " + boilerplate.chromeLines());
    assertEquals(java.util.Set.of("daily wire"), boilerplate.titleSites());
    assertTrue(boilerplate.passageShingles() > 0, "passage shingles learned");
    String path = dir.resolve("clean-model").toString();
    fitted.write().overwrite().save(path);
    PipelineModel loaded = PipelineModel.load(path);

    Dataset<Row> next = batch(100, 3);
    List<Row> a = CleanStage.articles(fitted, next, config.clean()).orderBy("id")
        .select("id", "title", "text", "source", "removed_lines").collectAsList();
    List<Row> b = CleanStage.articles(loaded, next, config.clean()).orderBy("id")
        .select("id", "title", "text", "source", "removed_lines").collectAsList();
    assertEquals(a, b);
    // The loaded model still knows the site name the titles end with, and takes it off.
    assertEquals("Talks number 100 resume in Geneva", b.get(0).getAs("title"));
    assertEquals("Daily Wire", b.get(0).getAs("source"));
    String text = a.get(0).getAs("text");
    assertTrue(text.startsWith("Kremlin spokesman"), a.get(0).toString());
    // The glued menu is cut out of its paragraph, which keeps its own sentence.
    assertTrue(text.endsWith("were on the agenda in " + RepeatedPassagesTest.tag(100) + "."), a.get(0).toString());
    List<Row> removed = b.get(0).getList(b.get(0).fieldIndex("removed_lines"));
    assertTrue(removed.stream().anyMatch(r -> r.getString(2).equals("repeated_passage")
        && r.getString(1).startsWith("Daily Wire values your feedback")), removed.toString());
  }
}
