/**
 * The ingest stage: reads the raw corpus (a tree of text files, JSONL or Parquet, optionally
 * compressed, on any Hadoop file system) into {@code raw_articles}, one row per readable record
 * with its provenance and a stable id, and {@code rejects}, one row per record that could not be
 * read, with the reason and an excerpt.
 *
 * <p>{@link io.newsframe.ingest.IngestPlan} decides which files a run reads from the ingest
 * ledger: new ones, changed ones (read whole), or exactly the files of the run date on a re-run.
 * The listing ({@link io.newsframe.ingest.InputFiles}), the plan and the ledger rows are Datasets
 * joined on the file URI: the driver holds at most {@code InputFiles.DRIVER_FILES} listed files and
 * a few counts, never a row per file of the corpus.
 *
 * <p>Invariant: records seen = rows of raw_articles + rows of rejects (stage "ingest") = the
 * records the run's ingest_ledger rows count. Nothing that was read is dropped; one bad record
 * never fails the batch.
 */
package io.newsframe.ingest;
