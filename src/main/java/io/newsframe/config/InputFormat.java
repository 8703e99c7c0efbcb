package io.newsframe.config;

import java.util.Locale;

/** How input files are read. */
public enum InputFormat {
  /** Decide per file by its name. */
  AUTO,
  /** One article per file. */
  TXT,
  /** One JSON record per line. */
  JSONL,
  /** Parquet files with the configured field names. */
  PARQUET;

  public static InputFormat parse(String value, String key) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigError(key + ": '" + value + "' is not one of auto, txt, jsonl, parquet");
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
