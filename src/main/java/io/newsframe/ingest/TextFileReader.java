package io.newsframe.ingest;

import io.newsframe.config.IngestSettings;
import io.newsframe.ingest.IngestRecords.Attributes;
import io.newsframe.ingest.IngestRecords.Origin;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

/** Reads a file that holds one article (plain text as a scraper saved it; .gz and co. too). */
final class TextFileReader implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final IngestSettings settings;
  private final TextDecoder decoder;

  TextFileReader(IngestSettings settings) {
    this.settings = settings;
    this.decoder = new TextDecoder(settings.maxControlCharRatio());
  }

  /**
   * The file's record, with the SHA-256 of its stored bytes: the file is hashed as it is read (the
   * ingest ledger records the hash), not opened and read a second time for it.
   */
  Row read(InputFile file, Configuration conf) {
    Origin origin = new Origin(file.uri(), null, FileKind.TXT.label(), StableIds.of(file.idKey(), null));
    Path path;
    ContentHash.Digesting stored;
    try {
      path = new Path(file.uri());
      stored = new ContentHash.Digesting(InputStreams.openStored(path, conf));
    } catch (IOException | RuntimeException e) {
      return IngestRecords.reject(origin, RejectReason.UNREADABLE, oneLine(e), null);
    }
    InputStream in = null;
    Row record;
    try {
      in = InputStreams.decompressed(path, stored, conf);
      record = record(origin, in, file.length());
    } catch (IOException | RuntimeException e) {
      record = IngestRecords.reject(origin, RejectReason.UNREADABLE, oneLine(e), null);
    }
    // Before closing: the bytes the record did not need (past a too large record, a compressed
    // file's trailer, after a decompression error) are hashed too.
    String hash = stored.hashToEnd();
    closeQuietly(in);
    closeQuietly(stored);
    return IngestRecords.withContentHash(record, hash);
  }

  private Row record(Origin origin, InputStream in, long storedLength) throws IOException {
    InputStreams.Chunk chunk = InputStreams.readUpTo(in, settings.maxRecordBytes() + 1, storedLength);
    if (chunk.length() > settings.maxRecordBytes()) {
      return IngestRecords.reject(origin, RejectReason.TOO_LARGE,
          "more than " + settings.maxRecordBytes() + " bytes (ingest.max-record-bytes)",
          Excerpts.of(chunk.bytes(), chunk.length(), settings.excerptChars()));
    }
    TextDecoder.Decoded decoded = decoder.decode(chunk.bytes(), chunk.length());
    if (!decoded.ok()) {
      return IngestRecords.reject(origin, decoded.reason(), decoded.detail(),
          Excerpts.of(chunk.bytes(), chunk.length(), settings.excerptChars()));
    }
    return IngestRecords.article(origin, decoded.text(), chunk.length(), Attributes.NONE);
  }

  private static void closeQuietly(InputStream in) {
    try {
      if (in != null) {
        in.close();
      }
    } catch (IOException e) {
      // The record and the hash are taken; nothing is left to lose.
    }
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
    return message.replaceAll("\\s+", " ");
  }
}
