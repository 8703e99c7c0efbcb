package io.newsframe.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids for records that bring none: a hash of the path relative to the input root and the line, so
 * the same corpus gets the same ids wherever it is stored, and every record a distinct one.
 */
public final class StableIds {
  private StableIds() {}

  /** 16 hex digits (64 bits): a collision among a million records has odds of about 3e-8. */
  public static String of(String relativePath, Long line) {
    String key = line == null ? relativePath : relativePath + "#" + line;
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
