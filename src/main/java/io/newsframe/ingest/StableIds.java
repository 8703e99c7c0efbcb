package io.newsframe.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.fs.Path;

/**
 * Ids for records that bring none: a hash of the file's path and the record's line. The path is
 * the file's absolute path without scheme and host ("/data/incoming/2026-12-01/feed.jsonl"), or the
 * part of it under {@code input.id-root} when that is set, never the part under the input folder:
 * the same file read as part of "incoming/" or of "incoming/2026-12-01/" gives its records the same
 * ids, and files of the same name in two day folders give theirs different ones.
 */
final class StableIds {
  private StableIds() {}

  /** The path a file's records' ids are derived from. */
  public static String key(String fileUri, String idRoot) {
    String path = new Path(fileUri).toUri().getPath();
    if (idRoot == null || idRoot.isBlank()) {
      return path;
    }
    String root = new Path(idRoot).toUri().getPath();
    String prefix = root.endsWith("/") ? root : root + "/";
    return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
  }

  /** 16 hex digits (64 bits): a collision among a million records has odds of about 3e-8. */
  public static String of(String key, Long line) {
    String full = line == null ? key : key + "#" + line;
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(full.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
