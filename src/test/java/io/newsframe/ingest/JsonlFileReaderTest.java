package io.newsframe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsframe.config.FieldMapping;
import io.newsframe.config.IngestSettings;
import io.newsframe.tables.Tables.RawArticles;
import io.newsframe.tables.Tables.Rejects;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class JsonlFileReaderTest {
  private static final InputFile FILE = new InputFile("file:/corpus/a.jsonl", "a.jsonl", 0, 0, FileKind.JSONL);
  private final JsonlFileReader reader = new JsonlFileReader(
      new IngestSettings(1 << 20, 40, 0.01, 1 << 20, IngestSettings.Mode.NEW),
      new FieldMapping("doc_id", "raw_text", "headline", "published", "outlet", "link"));

  private Row parse(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return reader.parse(FILE, 7, bytes, bytes.length, false);
  }

  private static String get(Row row, String field) {
    Object value = row.get(row.fieldIndex(field));
    return value == null ? null : value.toString();
  }

  private static Row withSchema(Row row) {
    return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
        ((org.apache.spark.sql.catalyst.expressions.GenericRow) row).values(), IngestRecords.SCHEMA);
  }

  @Test
  void mapsConfiguredFieldNames() {
    Row row = withSchema(parse("{\"doc_id\": 42, \"raw_text\": \"Peskov said talks go on.\", "
        + "\"headline\": \"Talks\", \"published\": \"Dec 31\", \"outlet\": \"YCNews\", \"link\": \"https://x/1\"}"));
    assertEquals(IngestRecords.ARTICLE, get(row, IngestRecords.OUTCOME));
    assertEquals("42", get(row, RawArticles.ID));
    assertEquals("Peskov said talks go on.", get(row, RawArticles.RAW_TEXT));
    assertEquals("Talks", get(row, RawArticles.TITLE));
    assertEquals("Dec 31", get(row, RawArticles.DATE));
    assertEquals("YCNews", get(row, RawArticles.SOURCE));
    assertEquals("https://x/1", get(row, RawArticles.URL));
    assertEquals("7", get(row, RawArticles.SOURCE_LINE));
  }

  @Test
  void aRecordWithoutIdGetsOneFromPathAndLine() {
    Row row = withSchema(parse("{\"raw_text\": \"Body\"}"));
    assertEquals(StableIds.of("a.jsonl", 7L), get(row, RawArticles.ID));
  }

  @Test
  void brokenJsonIsRejectedWithTheColumn() {
    Row row = withSchema(parse("{\"raw_text\": \"cut off"));
    assertEquals(RejectReason.MALFORMED_JSON.code(), get(row, Rejects.REASON));
    assertEquals("{\"raw_text\": \"cut off", get(row, Rejects.EXCERPT));
  }

  @Test
  void aJsonArrayIsNotARecord() {
    Row row = withSchema(parse("[1, 2]"));
    assertEquals(RejectReason.MALFORMED_JSON.code(), get(row, Rejects.REASON));
    assertEquals("a JSON array, not an object", get(row, Rejects.DETAIL));
  }

  @Test
  void aMissingOrNonStringTextFieldIsNamed() {
    Row missing = withSchema(parse("{\"doc_id\": \"x\", \"text\": \"wrong field\"}"));
    assertEquals(RejectReason.MISSING_TEXT.code(), get(missing, Rejects.REASON));
    assertEquals("no field 'raw_text' (--text-field)", get(missing, Rejects.DETAIL));
    assertEquals("x", get(missing, RawArticles.ID));
    Row number = withSchema(parse("{\"raw_text\": 12}"));
    assertEquals("field 'raw_text' is a number, not a string", get(number, Rejects.DETAIL));
  }

  @Test
  void anEmptyTextIsRejectedAsEmpty() {
    Row row = withSchema(parse("{\"raw_text\": \"   \"}"));
    assertEquals(RejectReason.EMPTY.code(), get(row, Rejects.REASON));
    assertNull(get(row, RawArticles.RAW_TEXT));
  }
}
