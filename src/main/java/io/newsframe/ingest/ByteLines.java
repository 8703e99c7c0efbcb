package io.newsframe.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it, so that each line can be checked for UTF-8
 * on its own: one bad line is one reject, not a lost file. Lines longer than the limit are skipped
 * to their end and reported as such, so memory stays bounded by the limit.
 */
final class ByteLines {
  private static final int CHUNK = 64 * 1024;

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] chunk = new byte[CHUNK];
  private int chunkPos;
  private int chunkEnd;
  private boolean eof;
  private byte[] line = new byte[1024];
  private int lineLength;
  private boolean lineTooLong;

  ByteLines(InputStream in, long maxLineBytes) {
    this.in = in;
    this.maxLineBytes = (int) Math.min(maxLineBytes, Integer.MAX_VALUE - 16);
  }

  /** Advances to the next line; false at the end of the stream. */
  boolean next() throws IOException {
    lineLength = 0;
    lineTooLong = false;
    boolean sawAny = false;
    while (true) {
      if (chunkPos == chunkEnd) {
        if (eof || !fill()) {
          return sawAny;
        }
      }
      sawAny = true;
      int newline = indexOfNewline();
      int end = newline < 0 ? chunkEnd : newline;
      append(chunkPos, end);
      if (newline >= 0) {
        chunkPos = newline + 1;
        if (lineLength > 0 && line[lineLength - 1] == '\r' && !lineTooLong) {
          lineLength--;
        }
        return true;
      }
      chunkPos = chunkEnd;
    }
  }

  byte[] bytes() {
    return line;
  }

  int length() {
    return lineLength;
  }

  boolean tooLong() {
    return lineTooLong;
  }

  private boolean fill() throws IOException {
    int n = in.read(chunk, 0, CHUNK);
    if (n < 0) {
      eof = true;
      return false;
    }
    chunkPos = 0;
    chunkEnd = n;
    return true;
  }

  private int indexOfNewline() {
    for (int i = chunkPos; i < chunkEnd; i++) {
      if (chunk[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int from, int to) {
    int n = to - from;
    if (lineTooLong || lineLength + n > maxLineBytes) {
      // Keep the start for an excerpt, drop the rest.
      lineTooLong = true;
      n = Math.max(0, Math.min(n, Math.min(maxLineBytes, 4096) - lineLength));
    }
    if (n == 0) {
      return;
    }
    if (lineLength + n > line.length) {
      line = Arrays.copyOf(line, Math.max(lineLength + n, line.length * 2));
    }
    System.arraycopy(chunk, from, line, lineLength, n);
    lineLength += n;
  }
}
