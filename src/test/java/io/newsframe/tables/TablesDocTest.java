package io.newsframe.tables;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/** docs/tables.md documents every table and column the code defines. */
class TablesDocTest {
  @Test
  void everyTableAndColumnIsDocumented() throws IOException {
    String doc = Files.readString(Path.of("docs/tables.md"));
    for (TableSpec table : Tables.ALL) {
      int section = doc.indexOf("\n## " + table.name() + "\n");
      assertTrue(section >= 0, "no section for " + table.name());
      int end = doc.indexOf("\n## ", section + 1);
      String body = doc.substring(section, end < 0 ? doc.length() : end);
      for (StructField field : table.schema().fields()) {
        assertTrue(body.contains("| `" + field.name() + "` |"), table.name() + "." + field.name() + " undocumented");
      }
    }
  }
}
