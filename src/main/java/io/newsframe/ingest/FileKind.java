package io.newsframe.ingest;

import io.newsframe.config.InputFormat;
import java.util.Locale;

/** How one input file is read. */
enum FileKind {
  TXT,
  JSONL,
  PARQUET,
  /** A name that {@code auto} does not recognise; such a file is rejected, not skipped. */
  UNKNOWN;

  /**
   * @param name the file name without a compression suffix (e.g. "a.jsonl" for "a.jsonl.gz")
   */
  public static FileKind of(String name, InputFormat format) {
    switch (format) {
      case TXT:
        return TXT;
      case JSONL:
        return JSONL;
      case PARQUET:
        return PARQUET;
      default:
        return byName(name);
    }
  }

  private static FileKind byName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".txt") || lower.endsWith(".text")) {
      return TXT;
    }
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
      return JSONL;
    }
    if (lower.endsWith(".parquet")) {
      return PARQUET;
    }
    return UNKNOWN;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
