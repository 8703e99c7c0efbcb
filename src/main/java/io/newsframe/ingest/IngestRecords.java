package io.newsframe.ingest;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.newsframe.tables.Tables.RawArticles;
import io.newsframe.tables.Tables.Rejects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The rows the readers emit: one per input record, either an article or a reject. Keeping both in
 * one dataset lets the stage read the input once and account for every record.
 */
public final class IngestRecords {
  public static final String OUTCOME = "outcome";
  public static final String ARTICLE = "article";
  public static final String REJECT = "reject";
  /**
   * The SHA-256 of the record's file as stored, where the reader hashed the file as it read it (a
   * text file's one record); null otherwise, the ingest plan having hashed the file.
   */
  public static final String CONTENT_HASH = "file_content_hash";

  public static final StructType SCHEMA = new StructType()
      .add(OUTCOME, StringType, false)
      .add(RawArticles.ID, StringType, true)
      .add(RawArticles.SOURCE_PATH, StringType, false)
      .add(RawArticles.SOURCE_LINE, LongType, true)
      .add(RawArticles.SOURCE_FORMAT, StringType, false)
      .add(RawArticles.RAW_TEXT, StringType, true)
      .add(RawArticles.TITLE, StringType, true)
      .add(RawArticles.DATE, StringType, true)
      .add(RawArticles.SOURCE, StringType, true)
      .add(RawArticles.URL, StringType, true)
      .add(RawArticles.BYTES, LongType, true)
      .add(Rejects.REASON, StringType, true)
      .add(Rejects.DETAIL, StringType, true)
      .add(Rejects.EXCERPT, StringType, true)
      .add(CONTENT_HASH, StringType, true);

  private IngestRecords() {}

  /** Where a record came from. */
  public record Origin(String path, Long line, String format, String id) {}

  /** The optional attributes a structured record may carry. */
  public record Attributes(String title, String date, String source, String url) {
    public static final Attributes NONE = new Attributes(null, null, null, null);
  }

  public static Row article(Origin origin, String text, long bytes, Attributes attributes) {
    return RowFactory.create(ARTICLE, origin.id(), origin.path(), origin.line(), origin.format(),
        text, attributes.title(), attributes.date(), attributes.source(), attributes.url(), bytes,
        null, null, null, null);
  }

  public static Row reject(Origin origin, RejectReason reason, String detail, String excerpt) {
    return RowFactory.create(REJECT, origin.id(), origin.path(), origin.line(), origin.format(),
        null, null, null, null, null, null, reason.code(), detail, excerpt, null);
  }

  /** {@code record} with the SHA-256 of its file (null when its bytes could not all be read). */
  static Row withContentHash(Row record, String hash) {
    Object[] values = new Object[record.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = record.get(i);
    }
    values[SCHEMA.fieldIndex(CONTENT_HASH)] = hash;
    return RowFactory.create(values);
  }
}
