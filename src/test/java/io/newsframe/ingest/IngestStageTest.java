package io.newsframe.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsframe.SharedSpark;
import io.newsframe.config.ConfigError;
import io.newsframe.config.ConfigLoader;
import io.newsframe.config.InputSettings;
import io.newsframe.config.NewsframeConfig;
import io.newsframe.tables.Tables.RawArticles;
import io.newsframe.tables.Tables.Rejects;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestStageTest {
  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();

  private static NewsframeConfig config(String uri, Map<String, String> more) {
    Map<String, String> overrides = new HashMap<>(more);
    overrides.put("input.uri", uri);
    return ConfigLoader.load(null, overrides);
  }

  private Dataset<Row> read(NewsframeConfig config) {
    return IngestStage.rejectDuplicateIds(
        IngestStage.readRecords(spark, IngestStage.listInput(spark, config.input()), config.input(), config.ingest()), config.ingest().excerptChars());
  }

  private static Map<String, Long> reasons(Dataset<Row> records) {
    Map<String, Long> out = new TreeMap<>();
    for (Row row : IngestStage.rejects(records).groupBy(Rejects.REASON).count().collectAsList()) {
      out.put(row.getString(0), row.getLong(1));
    }
    return out;
  }

  private void file(String relative, byte[] content) throws IOException {
    Path path = dir.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.write(path, content);
  }

  private void text(String relative, String content) throws IOException {
    file(relative, content.getBytes(StandardCharsets.UTF_8));
  }

  private void gzip(String relative, String content) throws IOException {
    Path path = dir.resolve(relative);
    Files.createDirectories(path.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyFileIsAnArticleOrARejectWithItsReason() throws IOException {
    text("a.txt", "Site icon YCNews\n\nKremlin ready for dialogue.\n");
    gzip("outlet/b.txt.gz", "Compressed article body.");
    text("outlet/2022/c.text", "Nested article.");
    file("empty.txt", new byte[0]);
    file("logo.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
    file("latin1.txt", "Café".getBytes(StandardCharsets.ISO_8859_1));
    file("broken.txt.gz", new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
    text("notes.md", "Not a corpus file.");
    text(".hidden.txt", "skipped like Spark does");
    text("_SUCCESS", "");
    text("feed/records.jsonl", String.join("\n",
        "{\"id\": \"r1\", \"text\": \"First record.\", \"title\": \"One\", \"date\": \"2021-03-19\"}",
        "",
        "{\"id\": \"r2\", \"text\": \"Second record.\"",
        "{\"text\": \"Third record without id.\"}",
        "{\"id\": \"r1\", \"text\": \"Reuses the first id.\"}"));
    gzip("feed/more.jsonl.gz", "{\"id\": \"g1\", \"text\": \"Gzipped record.\"}\n");

    Dataset<Row> records = read(config(dir.toString(), Map.of())).cache();
    long articles = IngestStage.articles(records).count();
    long rejects = IngestStage.rejects(records).count();
    // 8 files read as one record each (3 good), 4 JSONL records (2 good), 1 gzipped JSONL record.
    assertEquals(13, records.count());
    assertEquals(records.count(), articles + rejects);
    assertEquals(6, articles);
    assertEquals(Map.of("binary", 1L, "duplicate_id", 1L, "empty", 1L, "invalid_utf8", 1L,
        "malformed_json", 1L, "unreadable", 1L, "unsupported_file", 1L), reasons(records));

    Row duplicate = IngestStage.rejects(records).where(col(Rejects.REASON).equalTo("duplicate_id")).first();
    assertEquals(Long.valueOf(5), duplicate.<Long>getAs(Rejects.SOURCE_LINE));
    assertTrue(duplicate.<String>getAs(Rejects.DETAIL).endsWith("records.jsonl:1"), duplicate.toString());
    Row kept = IngestStage.articles(records).where(col(RawArticles.ID).equalTo("r1")).first();
    assertEquals("First record.", kept.getAs(RawArticles.RAW_TEXT));
    assertEquals("2021-03-19", kept.getAs(RawArticles.DATE));
    Row nested = IngestStage.articles(records)
        .where(col(RawArticles.ID).equalTo(StableIds.of(
            StableIds.key(dir.resolve("outlet/2022/c.text").toUri().toString(), ""), null))).first();
    assertEquals("Nested article.", nested.getAs(RawArticles.RAW_TEXT));
    records.unpersist();
  }

  @Test
  void repeatedIdsSentToTheTasksOrJoinedGiveTheSameRecords() throws IOException {
    text("a/records.jsonl", String.join("\n",
        "{\"id\": \"r1\", \"text\": \"First use of r1.\"}",
        "{\"id\": \"r2\", \"text\": \"Only use of r2.\"}",
        "{\"id\": \"r1\", \"text\": \"Second use of r1.\"}",
        "{\"id\": \"r3\", \"text\": \"First use of r3.\"}"));
    text("b/records.jsonl", String.join("\n",
        "{\"id\": \"r3\", \"text\": \"Second use of r3, another file.\"}",
        "{\"id\": \"r1\", \"text\": \"Third use of r1.\"}"));
    NewsframeConfig config = config(dir.toString(), Map.of());
    Dataset<Row> read = IngestStage.readRecords(spark, IngestStage.listInput(spark, config.input()),
        config.input(), config.ingest()).cache();
    int excerpt = config.ingest().excerptChars();
    // Two repeated ids: sent to the tasks under a limit of two, joined by id under a limit of one.
    Dataset<Row> sentRows = IngestStage.rejectDuplicateIds(read, excerpt, 2);
    List<Row> sent = sorted(sentRows);
    assertTrue(sentRows.queryExecution().executedPlan().toString().contains("BroadcastHashJoin"),
        sentRows.queryExecution().executedPlan().toString());
    Dataset<Row> joinedRows = IngestStage.rejectDuplicateIds(read, excerpt, 1);
    List<Row> joined = sorted(joinedRows);
    joinedRows.unpersist();
    // Without a repeated id there is nothing to mark: the records come back as they were.
    Dataset<Row> unique = read.where(col(RawArticles.ID).equalTo("r2"));
    assertSame(unique, IngestStage.rejectDuplicateIds(unique, excerpt, 2));
    read.unpersist();
    assertEquals(joined, sent);
    assertEquals(6, sent.size());
    List<String> rejected = sent.stream().filter(r -> "duplicate_id".equals(r.getAs(Rejects.REASON)))
        .map(r -> r.<String>getAs(RawArticles.ID) + " " + r.<String>getAs(Rejects.EXCERPT)).sorted().toList();
    assertEquals(List.of("r1 Second use of r1.", "r1 Third use of r1.", "r3 Second use of r3, another file."), rejected);
  }

  private static List<Row> sorted(Dataset<Row> records) {
    return records.orderBy(RawArticles.SOURCE_PATH, RawArticles.SOURCE_LINE).collectAsList();
  }

  private List<String> ids(String input, Map<String, String> overrides) {
    return IngestStage.articles(read(config(input, overrides))).select(RawArticles.ID).orderBy(RawArticles.ID)
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }

  @Test
  void aTreeMovedWithItsIdRootKeepsItsIds() throws IOException {
    text("x/one.txt", "One.");
    text("x/two.jsonl", "{\"text\": \"Two.\"}\n");
    List<String> first = ids(dir.resolve("x").toString(), Map.of("input.id-root", dir.resolve("x").toString()));
    Files.move(dir.resolve("x"), dir.resolve("moved"));
    List<String> second = ids(dir.resolve("moved").toUri().toString(),
        Map.of("input.id-root", dir.resolve("moved").toUri().toString()));
    assertEquals(first, second);
    assertEquals(2, first.size());
  }

  @Test
  void idsDoNotDependOnWhichFolderIsTheInput() throws IOException {
    text("incoming/2026-12-01/feed.jsonl", "{\"text\": \"Day one.\"}\n");
    List<String> dayFolder = ids(dir.resolve("incoming/2026-12-01").toString(), Map.of());
    List<String> wholeTree = ids(dir.resolve("incoming").toString(), Map.of());
    assertEquals(dayFolder, wholeTree);
  }

  @Test
  void sameNamedFilesOfTwoDaysGetDifferentIds() throws IOException {
    text("incoming/2026-12-01/feed.jsonl", "{\"text\": \"Day one.\"}\n");
    text("incoming/2026-12-02/feed.jsonl", "{\"text\": \"Day two.\"}\n");
    List<String> day1 = ids(dir.resolve("incoming/2026-12-01").toString(), Map.of());
    List<String> day2 = ids(dir.resolve("incoming/2026-12-02").toString(), Map.of());
    assertEquals(1, day1.size());
    assertTrue(!day1.get(0).equals(day2.get(0)), day1 + " vs " + day2);
  }

  @Test
  void aTooLargeRecordIsRejectedWithoutReadingItWhole() throws IOException {
    text("big.txt", "word ".repeat(1000));
    text("small.txt", "Fits.");
    Map<String, Long> reasons = reasons(read(config(dir.toString(), Map.of("ingest.max-record-bytes", "1000"))));
    assertEquals(Map.of("too_large", 1L), reasons);
  }

  @Test
  void parquetFieldsAreMappedAndACorruptFileIsRejected() throws IOException {
    Path parquet = dir.resolve("pq");
    spark.createDataFrame(List.of(
            org.apache.spark.sql.RowFactory.create("p1", "Parquet body one.", "Headline"),
            org.apache.spark.sql.RowFactory.create(null, "Parquet body two.", null),
            org.apache.spark.sql.RowFactory.create("p3", null, "No body")),
        new org.apache.spark.sql.types.StructType().add("uid", "string").add("body", "string").add("headline", "string"))
        .coalesce(1).write().parquet(parquet.toString());
    file("pq/corrupt.parquet", "PAR1 this is not parquet".getBytes(StandardCharsets.UTF_8));
    NewsframeConfig config = config(parquet.toString(), Map.of("input.format", "parquet",
        "input.fields.id", "uid", "input.fields.text", "body", "input.fields.title", "headline"));
    Dataset<Row> records = read(config);
    assertEquals(Map.of("missing_text", 1L, "unreadable", 1L), reasons(records));
    List<Row> articles = IngestStage.articles(records).orderBy(RawArticles.SOURCE_LINE).collectAsList();
    assertEquals(2, articles.size());
    assertEquals("p1", articles.get(0).getAs(RawArticles.ID));
    assertEquals("Headline", articles.get(0).getAs(RawArticles.TITLE));
    assertEquals(Long.valueOf(1), articles.get(0).<Long>getAs(RawArticles.SOURCE_LINE));
    assertEquals(16, articles.get(1).<String>getAs(RawArticles.ID).length());
  }

  @Test
  void aParquetInputWithoutTheTextColumnIsAClearError() throws IOException {
    Path parquet = dir.resolve("pq2");
    spark.range(3).toDF("n").write().parquet(parquet.toString());
    NewsframeConfig config = config(parquet.toString(), Map.of("input.format", "parquet"));
    ConfigError error = assertThrows(ConfigError.class, () -> read(config));
    assertTrue(error.getMessage().contains("text field 'text'"), error.getMessage());
  }

  @Test
  void aMissingInputIsNamed() {
    NewsframeConfig config = config(dir.resolve("absent").toString(), Map.of());
    ConfigError error = assertThrows(ConfigError.class, () -> read(config));
    assertTrue(error.getMessage().startsWith("input not found: "), error.getMessage());
  }

  @Test
  void seedsAndBadFilesAreAllAccountedFor() throws IOException {
    Path shared = SharedSpark.shared();
    assumeTrue(shared != null, "../shared/corpora is absent: real-data check skipped");
    Path seeds = shared.resolve("corpora/seeds");
    try (var files = Files.list(seeds)) {
      for (Path seed : files.toList()) {
        Files.copy(seed, dir.resolve(seed.getFileName()));
      }
    }
    file("empty.txt", new byte[0]);
    file("image.txt", new byte[] {0, 1, 2, 3});
    file("cp1252.txt", "“Quoted”".getBytes(java.nio.charset.Charset.forName("windows-1252")));
    Dataset<Row> records = read(config(dir.toString(), Map.of()));
    assertEquals(5, IngestStage.articles(records).count());
    assertEquals(Map.of("binary", 1L, "empty", 1L, "invalid_utf8", 1L), reasons(records));
  }

  @Test
  void realJsonlWithARawTextFieldIsReadWhole() {
    Path shared = SharedSpark.shared();
    assumeTrue(shared != null, "../shared/corpora is absent: real-data check skipped");
    NewsframeConfig config = config(shared.resolve("corpora/boilerplate/pages.jsonl").toString(),
        Map.of("input.fields.text", "raw_text"));
    Dataset<Row> records = read(config);
    assertEquals(806, IngestStage.articles(records).count());
    assertEquals(0, IngestStage.rejects(records).count());
  }
}
