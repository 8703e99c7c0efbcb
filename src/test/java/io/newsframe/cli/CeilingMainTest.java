package io.newsframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-and-split ceiling counts the files, bytes and words the pipeline would read. */
class CeilingMainTest {
  @TempDir Path dir;

  @Test
  void countsTheListedFilesDecompressedAndSkipsHiddenOnes() throws IOException {
    Files.createDirectories(dir.resolve("outlet/2024"));
    Files.writeString(dir.resolve("a.txt"), "Kremlin ready for dialogue.\n");
    Files.writeString(dir.resolve("outlet/2024/b.jsonl"), "{\"text\": \"two words\"}\n");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("outlet/c.txt.gz")))) {
      out.write("Sanctions were discussed at length".getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve(".hidden.txt"), "not read at all");
    Files.writeString(dir.resolve("outlet/_SUCCESS"), "");

    CeilingMain.Pass pass = CeilingMain.measure(dir.toString(), 2);
    assertEquals(3, pass.files);
    assertEquals(28 + 22 + 34, pass.bytes, "decompressed bytes");
    assertEquals(4 + 3 + 5, pass.words);
    assertTrue(pass.seconds > 0);
  }

  @Test
  void aMissingInputIsNamed() {
    String missing = dir.resolve("nothing").toString();
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> CeilingMain.measure(missing, 1));
    assertEquals("input not found: " + missing, error.getMessage());
  }
}
