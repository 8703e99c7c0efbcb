package io.newsframe.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsframe.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class FileSizesTest {
  private final SparkSession spark = SharedSpark.session();

  private Dataset<Row> files(InputFile... files) {
    return spark.createDataFrame(java.util.Arrays.stream(files).map(InputFile::toRow).toList(), InputFile.SCHEMA);
  }

  @Test
  void streamedAndParquetFilesAreCountedApartAndOnlyWhereCounted() {
    Dataset<Row> files = files(new InputFile("a.txt", "a", 100, 1, FileKind.TXT),
        new InputFile("b.jsonl", "b", 250, 1, FileKind.JSONL), new InputFile("c.parquet", "c", 4000, 1, FileKind.PARQUET));
    FileSizes all = FileSizes.of(files);
    assertEquals(new FileSizes(2, 350, 1, 4000), all);
    assertEquals(3, all.files());
    assertEquals(4350, all.bytes());
    // As the ingest plan counts them: one column before the sums, only the rows that are read.
    Row small = files.agg(org.apache.spark.sql.functions.count(col(InputFile.URI)),
        FileSizes.sums(col(InputFile.LENGTH).lt(1000))).first();
    assertEquals(new FileSizes(2, 350, 0, 0), FileSizes.of(small, 1));
  }

  @Test
  void noFilesAreZeroNotNull() {
    assertEquals(new FileSizes(0, 0, 0, 0), FileSizes.of(files()));
  }
}
