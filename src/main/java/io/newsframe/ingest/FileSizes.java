package io.newsframe.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How many input files a read takes and how many bytes they hold, by how they are read: text and
 * JSONL files are streamed by newsframe's readers (spread over tasks by their bytes), Parquet files
 * by Spark's Parquet source. Counted in one aggregate over rows of {@link InputFile#SCHEMA}, which
 * the ingest plan shares with its own counts: one Spark job where two were.
 */
public record FileSizes(long streamedFiles, long streamedBytes, long parquetFiles, long parquetBytes) {
  /** The number of columns {@link #sums} gives. */
  static final int COLUMNS = 4;

  /** The files of every kind, their bytes as listed (compressed, for a compressed file). */
  public long files() {
    return streamedFiles + parquetFiles;
  }

  public long bytes() {
    return streamedBytes + parquetBytes;
  }

  /** The {@link #COLUMNS} sums over the rows where {@code counted} holds, for {@link #of(Row, int)}. */
  static Column[] sums(Column counted) {
    Column parquet = col(InputFile.KIND).equalTo(FileKind.PARQUET.name());
    Column streamed = counted.and(not(parquet));
    Column isParquet = counted.and(parquet);
    return new Column[] {
        sum(when(streamed, 1L).otherwise(0L)), sum(when(streamed, col(InputFile.LENGTH)).otherwise(0L)),
        sum(when(isParquet, 1L).otherwise(0L)), sum(when(isParquet, col(InputFile.LENGTH)).otherwise(0L))};
  }

  /** The sizes in {@code row}'s fields from {@code first} on, as {@link #sums} computed them (a sum over no rows is null: 0). */
  static FileSizes of(Row row, int first) {
    long[] values = new long[COLUMNS];
    for (int i = 0; i < COLUMNS; i++) {
      values[i] = row.isNullAt(first + i) ? 0 : row.getLong(first + i);
    }
    return new FileSizes(values[0], values[1], values[2], values[3]);
  }

  /** The sizes of {@code files}, counted on the driver. */
  static FileSizes of(java.util.List<InputFile> files) {
    long streamed = 0;
    long streamedBytes = 0;
    long parquet = 0;
    long parquetBytes = 0;
    for (InputFile file : files) {
      if (file.kind() == FileKind.PARQUET) {
        parquet++;
        parquetBytes += file.length();
      } else {
        streamed++;
        streamedBytes += file.length();
      }
    }
    return new FileSizes(streamed, streamedBytes, parquet, parquetBytes);
  }

  /** The sizes of all of {@code files}: one Spark job. */
  static FileSizes of(Dataset<Row> files) {
    Column[] sums = sums(lit(true));
    return of(files.agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length)).first(), 0);
  }
}
