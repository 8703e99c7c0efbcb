/**
 * The ingest stage: reads the raw corpus (a tree of text files, JSONL or Parquet, optionally
 * compressed, on any Hadoop file system) into {@code raw_articles}, one row per readable record
 * with its provenance and a stable id, and {@code rejects}, one row per record that could not be
 * read, with the reason and an excerpt.
 *
 * <p>Invariant: records seen = rows of raw_articles + rows of rejects (stage "ingest"). Nothing
 * that was read is dropped; one bad record never fails the batch.
 */
package io.newsframe.ingest;
