package io.newsframe.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** The SHA-256 of a file's stored bytes, read in 64 KiB blocks ({@link InputStreams#openStored}); null when they cannot be read. */
final class ContentHash {
  private ContentHash() {}

  static String of(String uri, Configuration conf) {
    try (InputStream in = InputStreams.openStored(new Path(uri), conf)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      // Reading the file for its records fails the same way, and rejects it as unreadable, naming why.
      return null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
