package io.newsframe.ingest;

import java.util.Locale;

/** Why a record did not go on. The codes are what {@code rejects.reason} holds. */
enum RejectReason {
  /** No bytes, or only white space. */
  EMPTY,
  /** NUL bytes or too many control characters: not text. */
  BINARY,
  /** Bytes that are not UTF-8. */
  INVALID_UTF8,
  /** Larger than ingest.max-record-bytes. */
  TOO_LARGE,
  /** A JSONL line that is not a JSON object. */
  MALFORMED_JSON,
  /** A structured record without a usable text field. */
  MISSING_TEXT,
  /** An id already taken by another record of the run. */
  DUPLICATE_ID,
  /** The file could not be opened or read to the end (I/O error, corrupt compression). */
  UNREADABLE,
  /** A file whose name says no supported format (with input format auto). */
  UNSUPPORTED_FILE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
