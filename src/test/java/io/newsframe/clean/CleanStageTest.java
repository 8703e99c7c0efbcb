package io.newsframe.clean;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsframe.SharedSpark;
import io.newsframe.Slow;
import io.newsframe.config.ConfigLoader;
import io.newsframe.config.NewsframeConfig;
import io.newsframe.ingest.IngestStage;
import io.newsframe.sample.SampleCorpus;
import io.newsframe.tables.Tables.Articles;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clean stage on real and generated corpora: metadata, boilerplate F1, duplicates. */
@Slow
class CleanStageTest {
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 22);
  private final SparkSession spark = SharedSpark.session();
  /** What a test cached in the shared session, released after it. */
  private final List<Dataset<Row>> cached = new java.util.ArrayList<>();
  @TempDir Path dir;

  private Dataset<Row> clean(String input, Map<String, String> overrides) {
    Map<String, String> all = new HashMap<>(overrides);
    all.put("input.uri", input);
    NewsframeConfig config = ConfigLoader.load(null, all);
    Dataset<Row> raw = cache(IngestStage.articles(IngestStage.rejectDuplicateIds(
        IngestStage.readRecords(spark, IngestStage.listInput(spark, config.input()), config.input(), config.ingest()), 100)));
    PipelineModel model = CleanStage.pipeline(config.clean(), RUN_DATE).fit(raw);
    return cache(CleanStage.articles(model, raw, config.clean()));
  }

  private Dataset<Row> cache(Dataset<Row> rows) {
    cached.add(rows.cache());
    return rows;
  }

  @AfterEach
  void release() {
    cached.forEach(Dataset::unpersist);
  }

  private static Path shared(String relative) {
    Path shared = SharedSpark.shared();
    assumeTrue(shared != null, "../shared/corpora is absent: real-data check skipped");
    return shared.resolve(relative);
  }

  private static Row byFile(List<Row> rows, String prefix) {
    return rows.stream().filter(r -> r.<String>getAs(Articles.SOURCE_PATH).contains(prefix)).findFirst().orElseThrow();
  }

  private static final String SLOGAN = "a community with a shared future for mankind";

  /**
   * journals_interests without its source and url fields: every outlet is named by the site name
   * its titles end with, and the titles lose it. The menus and footers its scraper glued to CNN's
   * and the BBC's text are cut, and so are bylines, time stamps and photo credits inside lines; the
   * official phrases People's Daily repeats are not.
   */
  @Test
  void outletsAreReadOffTheEndsOfTitlesAndGluedChromeIsCutWhenRecordsHaveNoSourceField() throws Exception {
    Path blind = dir.resolve("blind.jsonl");
    ObjectMapper json = new ObjectMapper();
    Map<String, String> truth = new HashMap<>();
    int rawSlogans = 0;
    try (BufferedWriter out = Files.newBufferedWriter(blind)) {
      for (String line : Files.readAllLines(shared("corpora/russia/journals_interests.jsonl"))) {
        ObjectNode record = (ObjectNode) json.readTree(line);
        truth.put(record.get("id").asText(), record.get("source").asText());
        rawSlogans += record.get("text").asText().contains(SLOGAN) ? 1 : 0;
        record.remove(List.of("source", "url"));
        out.write(json.writeValueAsString(record));
        out.newLine();
      }
    }
    List<Row> rows = clean(blind.toString(), Map.of()).select(Articles.ID, Articles.SOURCE, Articles.SOURCE_METHOD,
        Articles.TITLE, Articles.TEXT).collectAsList();
    assertEquals(truth.size(), rows.size());
    // Glued into 171 texts (CNN's ad-feedback form), 79 (its account menu) and 49 (the BBC's footer).
    for (String chrome : List.of("values your feedback", "Log InMy Account", "HomeNewsSport")) {
      long left = rows.stream().filter(r -> r.getString(4).contains(chrome)).count();
      assertTrue(left <= 15, left + " texts keep \"" + chrome + "\"");
    }
    // Furniture left inside lines: in 153 texts ("Link Copied!"), 109 (CNN's time stamps), 70 and 74
    // (the BBC's image labels), 126 (People's Daily's photo credits) and 239 (RT's credits).
    for (String furniture : List.of("Link Copied!", "AM EST, ", "Image caption,", "Image source,", "(Photo by",
        "© Getty")) {
      long left = rows.stream().filter(r -> r.getString(4).contains(furniture)).count();
      assertTrue(left <= 5, left + " texts keep \"" + furniture + "\"");
    }
    long slogans = rows.stream().filter(r -> r.getString(4).contains(SLOGAN)).count();
    assertTrue(slogans >= 0.75 * rawSlogans, slogans + " of " + rawSlogans + " texts keep \"" + SLOGAN + "\"");
    Map<String, String> outletOf = Map.of("RT", "rt", "People's Daily Online", "people's daily online",
        "BBC News", "bbc news", "CNN", "cnn");
    int named = 0;
    for (Row r : rows) {
      String found = r.getString(1);
      String title = r.getString(3);
      if ("title_site".equals(r.getString(2))) {
        named++;
        assertTrue(found.toLowerCase(Locale.ROOT).startsWith(outletOf.get(truth.get(r.getString(0)))),
            r.getString(0) + ": " + found + " for " + truth.get(r.getString(0)));
      }
      assertTrue(!title.endsWith("RT World News") && !title.endsWith("| CNN") && !title.endsWith("BBC News"),
          r.getString(0) + " keeps its site in its title: " + title);
    }
    assertTrue(named >= 0.95 * rows.size(), named + " of " + rows.size() + " named by their title");
  }

  @Test
  void seedsGetTheirTitleSourceAndDateMethod() {
    List<Row> rows = clean(shared("corpora/seeds").toString(), Map.of()).collectAsList();
    assertEquals(5, rows.size());
    Row s0 = byFile(rows, "/000_");
    assertEquals("Kremlin: Putin is ready to have a dialogue with Biden as long as the United States wants.",
        s0.getAs(Articles.TITLE));
    assertEquals("YCNews", s0.getAs(Articles.SOURCE));
    assertEquals("text_month_day", s0.getAs(Articles.DATE_METHOD));
    Row s1 = byFile(rows, "/001_");
    assertEquals("The Kremlin, in response to whether a new cold war has begun with America: We are preparing"
        + " for the worst 1", s1.getAs(Articles.TITLE));
    assertEquals("none", s1.getAs(Articles.SOURCE_METHOD));
    assertEquals("text_full_date", s1.getAs(Articles.DATE_METHOD));
    assertEquals(java.sql.Date.valueOf("2021-03-19"), s1.getAs(Articles.PUBLISHED_DATE));
    Row s2 = byFile(rows, "/002_");
    assertEquals("Biden said he expects progress in negotiations with Russia", s2.getAs(Articles.TITLE));
    assertEquals("GENERICO.ru", s2.getAs(Articles.SOURCE));
    assertEquals("dateline_month_day", s2.getAs(Articles.DATE_METHOD));
    assertEquals(java.sql.Date.valueOf("2025-12-31"), s2.getAs(Articles.PUBLISHED_DATE));
    assertEquals("WASHINGTON", s2.getAs(Articles.DATELINE));
    Row s3 = byFile(rows, "/003_");
    assertEquals("Kremlin Views Putin-Biden Video Summit Positively", s3.getAs(Articles.TITLE));
    assertEquals("TKS", s3.getAs(Articles.SOURCE));
    assertEquals("none", s3.getAs(Articles.DATE_METHOD));
    Row s4 = byFile(rows, "/004_");
    assertEquals("Relations and dialogue with the United States should continue, Russia", s4.getAs(Articles.TITLE));
    assertEquals("Alliance News", s4.getAs(Articles.SOURCE));
    assertEquals("dateline_month_day", s4.getAs(Articles.DATE_METHOD));
    assertEquals("ISLAMABAD", s4.getAs(Articles.DATELINE));
    for (Row r : rows) {
      String text = r.getAs(Articles.TEXT);
      for (String chrome : List.of("Please enter your comment", "Leave a Reply", "Back to top button",
          "Exit mobile version", "Source link", "pub-1075295645606918", "LATEST POSTS", "Post a Comment")) {
        assertTrue(!text.contains(chrome), chrome + " left in " + r.getAs(Articles.SOURCE_PATH));
      }
      assertEquals("eng", r.getAs(Articles.LANGUAGE));
    }
    assertTrue(!s3.<String>getAs(Articles.TEXT).contains("Ksenia"), "teaser after the comment form kept");
  }

  @Test
  void everyExactDuplicateOfTheBbcCorpusIsFound() {
    Dataset<Row> articles = clean(shared("corpora/bbc/articles.jsonl").toString(), Map.of());
    assertEquals(2225, articles.count());
    long exactCopies = articles.where(col(Articles.DUP_KIND).equalTo("exact")
        .and(col(Articles.IS_CANONICAL).equalTo(false))).count();
    assertTrue(exactCopies >= 133, "exact non-canonical copies: " + exactCopies);
    long clusters = articles.select(Articles.DUP_CLUSTER).distinct().count();
    assertEquals(articles.count() - articles.where(col(Articles.IS_CANONICAL).equalTo(false)).count(), clusters);
  }

  @Test
  void syndicatedAndExactCopiesOfTheSampleShareTheirOriginalsCluster() throws Exception {
    Path out = dir.resolve("sample");
    new SampleCorpus(1500, 42).write(out);
    Dataset<Row> articles = clean(SampleCorpus.corpusDir(out).toString(), Map.of());
    Map<String, String> clusterOfPath = new HashMap<>();
    for (Row r : articles.select(Articles.SOURCE_PATH, Articles.SOURCE_LINE, Articles.DUP_CLUSTER).collectAsList()) {
      String path = r.getString(0);
      String rel = path.substring(path.indexOf("/corpus/") + "/corpus/".length());
      clusterOfPath.put(rel + (r.isNullAt(1) ? "" : "#" + r.getLong(1)), r.getString(2));
    }
    Map<String, String> keyToPath = new HashMap<>();
    List<String> labels = java.nio.file.Files.readAllLines(out.resolve("labels.jsonl"));
    ObjectMapper json = new ObjectMapper();
    for (String l : labels) {
      var n = json.readTree(l);
      if (n.get("reject").isNull()) {
        keyToPath.put(n.get("key").asText(), n.get("path").asText() + (n.get("line").isNull() ? "" : "#" + n.get("line").asText()));
      }
    }
    int copies = 0;
    int grouped = 0;
    for (String l : labels) {
      var n = json.readTree(l);
      if (n.has("copy_of") && !n.get("copy_of").isNull()) {
        copies++;
        String mine = clusterOfPath.get(keyToPath.get(n.get("key").asText()));
        String original = clusterOfPath.get(keyToPath.get(n.get("copy_of").asText()));
        if (mine != null && mine.equals(original)) {
          grouped++;
        }
      }
    }
    assertTrue(copies > 100, "copies " + copies);
    assertTrue(grouped >= 0.95 * copies, grouped + " of " + copies + " copies grouped with their original");
    // Originals are distinct articles: few may share a cluster by chance.
    long originalsInSharedClusters = 0;
    Map<String, Integer> originalsPerCluster = new HashMap<>();
    for (String l : labels) {
      var n = json.readTree(l);
      if ("original".equals(n.path("kind").asText())) {
        originalsPerCluster.merge(clusterOfPath.get(keyToPath.get(n.get("key").asText())), 1, Integer::sum);
      }
    }
    for (int c : originalsPerCluster.values()) {
      if (c > 1) {
        originalsInSharedClusters += c;
      }
    }
    assertTrue(originalsInSharedClusters <= 0.02 * originalsPerCluster.size(),
        originalsInSharedClusters + " originals merged with other originals");
  }

  @Test
  void boilerplateRemovalScoresAtLeastTheFloorOnTheGoldPages() {
    Path pages = shared("corpora/boilerplate/pages.jsonl");
    Dataset<Row> articles = clean(pages.toString(), Map.of("input.fields.text", "raw_text"));
    Map<String, String> output = new HashMap<>();
    for (Row r : articles.select(Articles.ID, Articles.TITLE, Articles.TEXT).collectAsList()) {
      output.put(r.getString(0), (r.isNullAt(1) ? "" : r.getString(1)) + "\n" + r.getString(2));
    }
    Map<String, BoilerplateScore.Scores> ours = BoilerplateScore.scoreBySource(pages, output);
    Map<String, BoilerplateScore.Scores> c4 = BoilerplateScore.scoreBySource(pages, BoilerplateScore.baseline(pages, true));
    Map<String, BoilerplateScore.Scores> keep = BoilerplateScore.scoreBySource(pages, BoilerplateScore.baseline(pages, false));
    String table = BoilerplateScore.table("boilerplate on " + pages, ours, c4, keep);
    System.out.print(table);
    assertTrue(ours.get(BoilerplateScore.ALL).f1() >= FLOOR, table);
    // Every source of pages, not only the pooled figure, is cleaned better than both baselines do.
    ours.forEach((source, s) -> assertTrue(s.f1() > c4.get(source).f1() && s.f1() > keep.get(source).f1(),
        source + "\n" + table));
    SOURCE_FLOORS.forEach((source, floor) -> assertTrue(ours.get(source).f1() >= floor,
        source + " below " + floor + "\n" + table));
    Set<String> chineseOrJapanese = BoilerplateScore.idsWhereRawText(pages,
        raw -> BoilerplateClassifier.ideographs(raw) >= IDEOGRAPH_PAGE_SHARE * raw.replaceAll("\\s", "").length());
    BoilerplateScore.Scores cjk = BoilerplateScore.scoreBySource(pages, output, chineseOrJapanese::contains)
        .get(BoilerplateScore.ALL);
    assertTrue(chineseOrJapanese.size() >= 6 && cjk.f1() >= CHINESE_JAPANESE_FLOOR,
        chineseOrJapanese.size() + " Chinese or Japanese pages, F1 " + cjk);
  }

  /**
   * Pages whose raw text is at least this share Chinese characters and kana (six of the gold pages,
   * 0.20 to 0.88; every other page under 0.02).
   */
  private static final double IDEOGRAPH_PAGE_SHARE = 0.1;

  /** Their pooled F1 was 0.626 when lengths were counted one per character, 0.853 at f289fab. */
  private static final double CHINESE_JAPANESE_FLOOR = 0.83;

  /** Each source's F1 in that batch (docs/benchmarks.md, "Cleaning"), with a little room. */
  private static final Map<String, Double> SOURCE_FLOORS =
      Map.of("cleanportaleval", 0.96, "l3s-gn1", 0.85, "mozilla-readability-tests", 0.88);

  /** The measured figure is in docs/benchmarks/history.md; the issue's target floor is 0.85. */
  private static final double FLOOR = 0.87;
}
