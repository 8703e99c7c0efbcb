package io.newsframe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsframe.SharedSpark;
import io.newsframe.config.ConfigError;
import io.newsframe.config.InputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing an input tree: the same files whether the driver or the tasks list them. */
class InputFilesTest {
  @TempDir Path dir;
  private final SparkSession spark = SharedSpark.session();

  private void write(String relative) throws IOException {
    Path path = dir.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.writeString(path, relative);
  }

  private List<String> listed(int driverFiles) {
    return InputFiles.list(spark, dir.toString(), InputFormat.AUTO, dir.toString(), driverFiles)
        .collectAsList().stream().map(InputFile::of)
        .map(f -> f.idKey() + " " + f.kind() + " " + f.length()).sorted().toList();
  }

  @Test
  void everyBudgetListsTheSameFilesOnce() throws IOException {
    for (String name : List.of("a.txt", "b.jsonl.gz", "x/c.txt", "x/d.parquet", "x/y/e.bin", "x/y/z/f.txt",
        "w/g.txt", "w/h.txt", "w/i.txt", ".hidden/j.txt", "x/_SUCCESS", "x/.k.txt.crc")) {
      write(name);
    }
    List<String> expected = List.of("a.txt TXT 5", "b.jsonl.gz JSONL 10", "w/g.txt TXT 7", "w/h.txt TXT 7",
        "w/i.txt TXT 7", "x/c.txt TXT 7", "x/d.parquet PARQUET 11", "x/y/e.bin UNKNOWN 9", "x/y/z/f.txt TXT 11");
    // 0: the tasks walk it all; 1: the root's files do not fit; 4: the root fits, 'w' and 'x' do not; 100: the driver.
    for (int budget : List.of(0, 1, 4, 100)) {
      assertEquals(expected, listed(budget), "driver budget " + budget);
    }
  }

  @Test
  void theLocalListingNamesFilesAsHadoopDoes() throws IOException {
    for (String name : List.of("a b.txt", "p%20q.txt", "x/c#1.jsonl", "x/ü/d.txt", "x/.e.txt.crc")) {
      write(name);
    }
    Files.setLastModifiedTime(dir.resolve("a b.txt"), java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_123L));
    var root = new org.apache.hadoop.fs.Path(dir.toUri());
    var fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
    List<String> hadoop = new java.util.ArrayList<>();
    var files = fs.listFiles(root, true);
    while (files.hasNext()) {
      var status = files.next();
      if (!status.getPath().getName().startsWith(".")) {
        hadoop.add(status.getPath() + " " + status.getLen() + " " + status.getModificationTime());
      }
    }
    // Both budgets: the driver's listing and the tasks' take the same local path.
    for (int budget : List.of(0, 100)) {
      List<String> ours = InputFiles.list(spark, dir.toString(), InputFormat.AUTO, dir.toString(), budget)
          .collectAsList().stream().map(InputFile::of).map(f -> f.uri() + " " + f.length() + " " + f.modifiedAt())
          .sorted().toList();
      assertEquals(hadoop.stream().sorted().toList(), ours, "driver budget " + budget);
    }
  }

  @Test
  void aSingleFileIsItsOwnListing() throws IOException {
    write("only.txt");
    List<Row> rows = InputFiles.list(spark, dir.resolve("only.txt").toString(), InputFormat.AUTO, dir.toString(), 0)
        .collectAsList();
    assertEquals(1, rows.size());
    assertEquals("only.txt", InputFile.of(rows.get(0)).idKey());
  }

  @Test
  void aMissingInputIsNamed() {
    String missing = dir.resolve("nothing-here").toString();
    ConfigError error = assertThrows(ConfigError.class,
        () -> InputFiles.list(spark, missing, InputFormat.AUTO, dir.toString(), 10));
    assertEquals("input not found: " + missing, error.getMessage());
  }
}
