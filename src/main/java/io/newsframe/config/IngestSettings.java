package io.newsframe.config;

import java.io.Serializable;

/** Limits and thresholds of the ingest stage. */
public record IngestSettings(
    long maxRecordBytes, int excerptChars, double maxControlCharRatio, long bytesPerTask)
    implements Serializable {}
