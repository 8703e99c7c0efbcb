package io.newsframe.config;

import java.io.Serializable;

/** Names of the fields of a JSONL or Parquet record that hold each article attribute. */
public record FieldMapping(String id, String text, String title, String date, String source, String url)
    implements Serializable {}
