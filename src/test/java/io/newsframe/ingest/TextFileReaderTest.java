package io.newsframe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsframe.config.IngestSettings;
import io.newsframe.tables.Tables.Rejects;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A text file's record carries the SHA-256 of the file as stored, the same as ContentHash reads alone. */
class TextFileReaderTest {
  @TempDir Path dir;
  private final Configuration conf = new Configuration();
  /** Records of at most 64 bytes, so that a too large one is easy to write. */
  private final TextFileReader reader = new TextFileReader(
      new IngestSettings(64, 40, 0.01, 1 << 20, IngestSettings.Mode.NEW));

  private Row read(Path file) {
    return reader.read(new InputFile(file.toUri().toString(), file.getFileName().toString(), 0, 0, FileKind.TXT), conf);
  }

  private static String get(Row row, String field) {
    Object value = row.get(IngestRecords.SCHEMA.fieldIndex(field));
    return value == null ? null : value.toString();
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private void assertHashedAsStored(Path file, String outcome, String reason) throws Exception {
    Row row = read(file);
    assertEquals(outcome, get(row, IngestRecords.OUTCOME), row.toString());
    assertEquals(reason, get(row, Rejects.REASON), row.toString());
    assertEquals(sha256(file), get(row, IngestRecords.CONTENT_HASH), file.toString());
    assertEquals(sha256(file), ContentHash.of(file.toUri().toString(), conf), file.toString());
  }

  @Test
  void anArticleIsHashed() throws Exception {
    Path file = Files.writeString(dir.resolve("a.txt"), "Kremlin ready for dialogue.\n");
    assertHashedAsStored(file, IngestRecords.ARTICLE, null);
  }

  @Test
  void aTooLargeRecordIsHashedWhole() throws Exception {
    // Read only up to the limit for the record; the rest is read for the hash.
    Path file = Files.writeString(dir.resolve("long.txt"), "word ".repeat(20_000));
    assertHashedAsStored(file, IngestRecords.REJECT, RejectReason.TOO_LARGE.code());
  }

  @Test
  void aCompressedFileIsHashedAsStoredNotAsDecompressed() throws Exception {
    Path file = dir.resolve("b.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("Compressed article body.".getBytes(StandardCharsets.UTF_8));
    }
    assertHashedAsStored(file, IngestRecords.ARTICLE, null);
  }

  @Test
  void aBrokenCompressedFileIsUnreadableAndStillHashed() throws Exception {
    Path file = Files.write(dir.resolve("broken.txt.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
    assertHashedAsStored(file, IngestRecords.REJECT, RejectReason.UNREADABLE.code());
  }

  @Test
  void aBinaryFileIsRejectedAndHashed() throws Exception {
    Path file = Files.write(dir.resolve("logo.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
    assertHashedAsStored(file, IngestRecords.REJECT, RejectReason.BINARY.code());
  }

  @Test
  void aMissingFileIsUnreadableWithoutAHash() throws IOException {
    Row row = read(dir.resolve("gone.txt"));
    assertEquals(RejectReason.UNREADABLE.code(), get(row, Rejects.REASON));
    assertNull(get(row, IngestRecords.CONTENT_HASH));
    assertNull(ContentHash.of(dir.resolve("gone.txt").toUri().toString(), conf));
  }
}
