package io.newsframe.ingest;

import java.io.Serializable;

/**
 * One file of the input: its full URI, the path its records' ids derive from ({@link StableIds}),
 * its size and modification time (epoch milliseconds) as listed, and how it is read.
 */
public record InputFile(String uri, String idKey, long length, long modifiedAt, FileKind kind)
    implements Serializable {}
