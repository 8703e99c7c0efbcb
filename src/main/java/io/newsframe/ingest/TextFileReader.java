package io.newsframe.ingest;

import io.newsframe.config.IngestSettings;
import io.newsframe.ingest.IngestRecords.Attributes;
import io.newsframe.ingest.IngestRecords.Origin;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
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

  Row read(InputFile file, Configuration conf) {
    Origin origin = new Origin(file.uri(), null, FileKind.TXT.label(), StableIds.of(file.idKey(), null));
    try (InputStream in = InputStreams.open(file.uri(), conf)) {
      InputStreams.Chunk chunk = InputStreams.readUpTo(in, settings.maxRecordBytes() + 1);
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
    } catch (IOException | RuntimeException e) {
      return IngestRecords.reject(origin, RejectReason.UNREADABLE, oneLine(e), null);
    }
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
    return message.replaceAll("\\s+", " ");
  }
}
