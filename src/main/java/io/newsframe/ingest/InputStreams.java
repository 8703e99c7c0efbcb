package io.newsframe.ingest;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/** Opens an input file through its Hadoop FileSystem, decompressing by file suffix (.gz, .bz2, ...). */
final class InputStreams {
  private InputStreams() {}

  // Building a codec factory scans the configuration and loads classes: once per JVM and conf.
  private static final java.util.Map<Configuration, CompressionCodecFactory> CODECS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private static CompressionCodecFactory codecs(Configuration conf) {
    return CODECS.computeIfAbsent(conf, CompressionCodecFactory::new);
  }

  static InputStream open(String uri, Configuration conf) throws IOException {
    Path path = new Path(uri);
    InputStream raw = path.getFileSystem(conf).open(path);
    CompressionCodec codec = codecs(conf).getCodec(path);
    if (codec == null) {
      return raw;
    }
    try {
      return codec.createInputStream(raw);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /**
   * Reads at most {@code limit} bytes; the returned length exceeds {@code limit - 1} only when the
   * stream had more, so callers pass max + 1 to learn that a record is too large.
   */
  static Chunk readUpTo(InputStream in, long limit) throws IOException {
    int cap = (int) Math.min(limit, Integer.MAX_VALUE - 16);
    byte[] buffer = new byte[Math.min(cap, 64 * 1024)];
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
