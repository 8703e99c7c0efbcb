package io.newsframe.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The SHA-256 of a file's stored bytes ({@link InputStreams#openStored}), hex; null when they
 * cannot be read. {@link #of} reads a file for it alone; {@link Digesting} hashes the bytes a reader
 * takes from the file, and the rest once it is done, so that a file is read once for both.
 */
final class ContentHash {
  private static final int BLOCK = 1 << 16;

  private ContentHash() {}

  static String of(String uri, Configuration conf) {
    try (Digesting in = new Digesting(InputStreams.openStored(new Path(uri), conf))) {
      return in.hashToEnd();
    } catch (IOException e) {
      // Reading the file for its records fails the same way, and rejects it as unreadable, naming why.
      return null;
    }
  }

  /** A stored file's bytes, hashed as they are read (skipped bytes too). */
  static final class Digesting extends DigestInputStream {
    Digesting(InputStream stored) {
      super(stored, sha256());
    }

    @Override
    public long skip(long n) throws IOException {
      // Read, not skipped: every byte of the file is in the hash.
      byte[] buffer = new byte[(int) Math.max(1, Math.min(n, BLOCK))];
      long skipped = 0;
      while (skipped < n) {
        int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
        if (read < 0) {
          break;
        }
        skipped += read;
      }
      return skipped;
    }

    /** Reads the bytes not read yet and returns the hash of all of them; null when they cannot be read. */
    String hashToEnd() {
      try {
        // Most readers have read to the end already: one byte tells, where a block's buffer for
        // every file was an eighth of what ingest and clean allocated at 100k files.
        if (read() >= 0) {
          byte[] buffer = new byte[BLOCK];
          while (read(buffer, 0, buffer.length) >= 0) {
            // the digest takes the bytes as they pass
          }
        }
        return HexFormat.of().formatHex(getMessageDigest().digest());
      } catch (IOException e) {
        return null;
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
