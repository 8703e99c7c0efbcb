package io.newsframe.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsframe.config.FieldMapping;
import io.newsframe.config.IngestSettings;
import io.newsframe.ingest.IngestRecords.Attributes;
import io.newsframe.ingest.IngestRecords.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;

/**
 * Reads a JSONL file (one JSON object per line; .gz and co. too) lazily, one row per non-blank
 * line: an article, or a reject naming the line. A file that breaks off (I/O error, truncated
 * compression) yields a reject for the rest at the line where it broke.
 */
final class JsonlFileReader implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IngestSettings settings;
  private final FieldMapping fields;
  private final TextDecoder decoder;

  JsonlFileReader(IngestSettings settings, FieldMapping fields) {
    this.settings = settings;
    this.fields = fields;
    this.decoder = new TextDecoder(settings.maxControlCharRatio());
  }

  Iterator<Row> read(InputFile file, Configuration conf) {
    return new LineIterator(file, conf);
  }

  /** Turns one line into a row; {@code lineNo} is 1-based. */
  Row parse(InputFile file, long lineNo, byte[] bytes, int length, boolean tooLong) {
    Origin anonymous = origin(file, lineNo, StableIds.of(file.idKey(), lineNo));
    String excerpt = Excerpts.of(bytes, length, settings.excerptChars());
    if (tooLong) {
      return IngestRecords.reject(anonymous, RejectReason.TOO_LARGE,
          "line longer than " + settings.maxRecordBytes() + " bytes (ingest.max-record-bytes)", excerpt);
    }
    TextDecoder.Decoded line = decoder.decode(bytes, length);
    if (!line.ok()) {
      return IngestRecords.reject(anonymous, line.reason(), line.detail(), excerpt);
    }
    JsonNode node;
    try {
      node = JSON.readTree(line.text());
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
      return IngestRecords.reject(anonymous, RejectReason.MALFORMED_JSON,
          "not valid JSON" + where + ": " + e.getOriginalMessage().replaceAll("\\s+", " "), excerpt);
    }
    if (node == null || !node.isObject()) {
      return IngestRecords.reject(anonymous, RejectReason.MALFORMED_JSON,
          "a JSON " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()) + ", not an object",
          excerpt);
    }
    String id = scalar(node, fields.id());
    Origin origin = id == null || id.isBlank() ? anonymous : origin(file, lineNo, id);
    JsonNode textNode = node.get(fields.text());
    if (textNode == null || textNode.isNull()) {
      return IngestRecords.reject(origin, RejectReason.MISSING_TEXT,
          "no field '" + fields.text() + "' (--text-field)", excerpt);
    }
    if (!textNode.isTextual()) {
      return IngestRecords.reject(origin, RejectReason.MISSING_TEXT,
          "field '" + fields.text() + "' is a " + textNode.getNodeType().name().toLowerCase()
              + ", not a string", excerpt);
    }
    TextDecoder.Decoded text = decoder.checkText(textNode.textValue());
    if (!text.ok()) {
      return IngestRecords.reject(origin, text.reason(),
          "field '" + fields.text() + "': " + text.detail(), excerpt);
    }
    Attributes attributes = new Attributes(scalar(node, fields.title()), scalar(node, fields.date()),
        scalar(node, fields.source()), scalar(node, fields.url()));
    return IngestRecords.article(origin, text.text(),
        text.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, attributes);
  }

  private static Origin origin(InputFile file, long lineNo, String id) {
    return new Origin(file.uri(), lineNo, FileKind.JSONL.label(), id);
  }

  /** A field as text: strings as they are, numbers and booleans printed, objects as JSON. */
  private static String scalar(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private final class LineIterator implements Iterator<Row> {
    private final InputFile file;
    private final Configuration conf;
    private InputStream stream;
    private ByteLines lines;
    private long lineNo;
    private Row pending;
    private boolean done;

    LineIterator(InputFile file, Configuration conf) {
      this.file = file;
      this.conf = conf;
    }

    @Override
    public boolean hasNext() {
      if (pending == null && !done) {
        pending = advance();
      }
      return pending != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row row = pending;
      pending = null;
      return row;
    }

    private Row advance() {
      try {
        if (lines == null) {
          stream = InputStreams.open(file.uri(), conf);
          lines = new ByteLines(stream, settings.maxRecordBytes());
        }
        while (lines.next()) {
          lineNo++;
          if (isBlank(lines.bytes(), lines.length()) && !lines.tooLong()) {
            continue;
          }
          return parse(file, lineNo, lines.bytes(), lines.length(), lines.tooLong());
        }
        finish();
        return null;
      } catch (IOException | RuntimeException e) {
        finish();
        Origin origin = origin(file, lineNo + 1, StableIds.of(file.idKey(), lineNo + 1));
        return IngestRecords.reject(origin, RejectReason.UNREADABLE,
            "reading stopped at line " + (lineNo + 1) + ": " + TextFileReader.oneLine(e), null);
      }
    }

    private void finish() {
      done = true;
      if (stream != null) {
        try {
          stream.close();
        } catch (IOException ignored) {
          // Nothing more is read from it.
        }
      }
    }
  }

  /** Blank lines separate nothing in JSONL; they are not records. */
  static boolean isBlank(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
