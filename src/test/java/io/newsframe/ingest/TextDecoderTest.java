package io.newsframe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
  private final TextDecoder decoder = new TextDecoder(0.01);

  private TextDecoder.Decoded decode(byte[] bytes) {
    return decoder.decode(bytes, bytes.length);
  }

  @Test
  void utf8TextIsReturnedWithoutItsByteOrderMark() {
    TextDecoder.Decoded d = decode("\uFEFFKremlin: “dialogue” — Kyiv".getBytes(StandardCharsets.UTF_8));
    assertTrue(d.ok());
    assertEquals("Kremlin: “dialogue” — Kyiv", d.text());
  }

  @Test
  void noBytesAndOnlyWhiteSpaceAreEmpty() {
    assertEquals(RejectReason.EMPTY, decode(new byte[0]).reason());
    assertEquals(RejectReason.EMPTY, decode(" \n\t\r\n".getBytes(StandardCharsets.UTF_8)).reason());
  }

  @Test
  void aNulByteMeansBinaryAndSaysWhere() {
    TextDecoder.Decoded d = decode(new byte[] {'a', 'b', 0, 'c'});
    assertEquals(RejectReason.BINARY, d.reason());
    assertEquals("NUL byte at offset 2", d.detail());
  }

  @Test
  void latin1BytesAreInvalidUtf8AtTheirOffset() {
    TextDecoder.Decoded d = decode("Café".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(RejectReason.INVALID_UTF8, d.reason());
    assertEquals("invalid UTF-8 at byte offset 3", d.detail());
  }

  @Test
  void aStrayNulInsideLongTextIsNotBinary() {
    assertTrue(decoder.checkText("x".repeat(500) + "\u0000" + "y".repeat(500)).ok());
  }

  @Test
  void tooManyControlCharactersMeanBinary() {
    String text = "abc\u0001\u0002\u0003" + "x".repeat(100);
    TextDecoder.Decoded d = decoder.checkText(text);
    assertEquals(RejectReason.BINARY, d.reason());
    assertTrue(d.detail().contains("control characters"), d.detail());
    assertTrue(new TextDecoder(0.05).checkText(text).ok());
  }
}
