package io.newsframe.ingest;

import java.io.Serializable;

/**
 * One file of the input: its full URI, its path relative to the input root (the base of stable
 * ids, so the corpus can move between file systems), its size and how it is read.
 */
public record InputFile(String uri, String relativePath, long length, FileKind kind)
    implements Serializable {}
