package io.newsframe.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/** Opens an input file through its Hadoop FileSystem, decompressing by file suffix (.gz, .bz2, ...). */
final class InputStreams {
  private InputStreams() {}

  /** The smallest first buffer of {@link #readUpTo}, and the largest it takes from the expected length. */
  private static final int MIN_BUFFER = 1024;
  private static final long MAX_FIRST_BUFFER = 1L << 20;

  // Building a codec factory scans the configuration and loads classes: once per JVM and conf.
  private static final java.util.Map<Configuration, CompressionCodecFactory> CODECS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private static CompressionCodecFactory codecs(Configuration conf) {
    return CODECS.computeIfAbsent(conf, CompressionCodecFactory::new);
  }

  /** The file's bytes, decompressed when its suffix names a codec. */
  static InputStream open(String uri, Configuration conf) throws IOException {
    Path path = new Path(uri);
    InputStream raw = openStored(path, conf);
    try {
      return decompressed(path, raw, conf);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** The bytes of {@code stored} (the file at {@code path}, as stored), decompressed when its suffix names a codec. */
  static InputStream decompressed(Path path, InputStream stored, Configuration conf) throws IOException {
    CompressionCodec codec = codecs(conf).getCodec(path);
    return codec == null ? stored : codec.createInputStream(stored);
  }

  /**
   * The file's bytes as stored. A {@code file:} URI is opened through java.nio: Hadoop's local file
   * system looks for a {@code .crc} file beside every file it opens and stats the file twice more,
   * with an exception for the missing checksum, and a scraper writes no checksums. At 100k files,
   * hashed and then read, those opens were a fifth of the ingest stage's CPU (async-profiler); a
   * new text file is now opened once, hashed as it is read (TextFileReader).
   * Other schemes (hdfs:, s3a: ...) go through their Hadoop FileSystem.
   */
  static InputStream openStored(Path path, Configuration conf) throws IOException {
    java.net.URI uri = path.toUri();
    if ("file".equals(uri.getScheme())) {
      return Files.newInputStream(Paths.get(uri.getPath()));
    }
    return path.getFileSystem(conf).open(path);
  }

  /**
   * Reads at most {@code limit} bytes; the returned length exceeds {@code limit - 1} only when the
   * stream had more, so callers pass max + 1 to learn that a record is too large. The buffer starts
   * at {@code expectedLength} + 1 bytes (the file's stored length: a plain file's bytes fit with one
   * to spare, and the next read finds the end), and doubles when a stream holds more (a compressed file).
   * A 64 KB buffer for every file, most of them a kilobyte or two, was an eighth of everything
   * ingest and clean allocated at 100k files, each zeroed and then collected.
   */
  static Chunk readUpTo(InputStream in, long limit, long expectedLength) throws IOException {
    int cap = (int) Math.min(limit, Integer.MAX_VALUE - 16);
    long first = Math.max(MIN_BUFFER, Math.min(expectedLength, MAX_FIRST_BUFFER) + 1);
    byte[] buffer = new byte[(int) Math.min(cap, first)];
    int length = 0;
    while (length < cap) {
      if (length == buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, cap));
      }
      int n = in.read(buffer, length, buffer.length - length);
      if (n < 0) {
        break;
      }
      length += n;
    }
    return new Chunk(buffer, length);
  }

  /** The first {@code length} bytes of {@code bytes}. */
  record Chunk(byte[] bytes, int length) {}
}
