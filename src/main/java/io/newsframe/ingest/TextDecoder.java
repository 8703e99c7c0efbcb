package io.newsframe.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of one record into text, or says precisely why they are not text: empty, binary
 * (NUL bytes, too many control characters) or not UTF-8 (with the byte offset).
 */
final class TextDecoder implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /** The result: {@code text} when it is text, otherwise {@code reason} and {@code detail}. */
  record Decoded(String text, RejectReason reason, String detail) {
    boolean ok() {
      return text != null;
    }
  }

  private final double maxControlCharRatio;

  TextDecoder(double maxControlCharRatio) {
    this.maxControlCharRatio = maxControlCharRatio;
  }

  Decoded decode(byte[] bytes, int length) {
    if (length == 0) {
      return rejected(RejectReason.EMPTY, "no bytes");
    }
    for (int i = 0; i < length; i++) {
      if (bytes[i] == 0) {
        return rejected(RejectReason.BINARY, "NUL byte at offset " + i);
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer out = CharBuffer.allocate(length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      return rejected(RejectReason.INVALID_UTF8, "invalid UTF-8 at byte offset " + in.position());
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    return checkText(text);
  }

  /**
   * The checks that apply to text however it was obtained (file bytes or a JSON string). A stray
   * NUL escaped in a JSON string counts as one control character: long articles scraped with one
   * are still articles (clean removes it); a file's raw NUL bytes were rejected in decode().
   */
  Decoded checkText(String text) {
    if (text.isBlank()) {
      return rejected(RejectReason.EMPTY, "only white space (" + text.length() + " characters)");
    }
    int controls = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        controls++;
      }
    }
    double ratio = (double) controls / text.length();
    if (ratio > maxControlCharRatio) {
      return rejected(RejectReason.BINARY, String.format(java.util.Locale.ROOT,
          "%.1f%% control characters (limit %.1f%%)", 100 * ratio, 100 * maxControlCharRatio));
    }
    return new Decoded(text, null, null);
  }

  private static Decoded rejected(RejectReason reason, String detail) {
    return new Decoded(null, reason, detail);
  }
}
