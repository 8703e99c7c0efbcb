package io.newsframe.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.newsframe.config.ConfigError;
import io.newsframe.config.FieldMapping;
import io.newsframe.config.IngestSettings;
import io.newsframe.ingest.IngestRecords.Attributes;
import io.newsframe.ingest.IngestRecords.Origin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.RowEncoder;

/**
 * Parquet input: Spark reads the files (columnar, split by row group); each row becomes an article
 * or a reject. A file whose footer cannot be read is rejected whole before Spark sees it, so one
 * corrupt file does not fail the batch.
 */
final class ParquetRecords {
  private static final String PATH = "_nf_path";
  private static final String ROW = "_nf_row";

  private ParquetRecords() {}

  /** Rows for the parquet files, plus rejects for the unreadable ones. */
  static Dataset<Row> read(SparkSession spark, List<InputFile> files, String idRoot,
      FieldMapping fields, IngestSettings settings, Broadcast<HadoopConf> conf) {
    JavaRDD<Row> checked = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(files, Math.max(1, Math.min(files.size(), spark.sparkContext().defaultParallelism())))
        .map(file -> footerReject(file, conf.value()));
    Dataset<Row> footerRejects = spark.createDataFrame(checked.filter(r -> r != null), IngestRecords.SCHEMA);
    List<String> readable = new ArrayList<>();
    // Only file names come back to the driver, never their contents.
    Set<String> unreadable = Set.copyOf(footerRejects.select(IngestRecords.SCHEMA.fieldNames()[2])
        .as(Encoders.STRING()).collectAsList());
    for (InputFile file : files) {
      if (!unreadable.contains(file.uri())) {
        readable.add(file.uri());
      }
    }
    if (readable.isEmpty()) {
      return footerRejects;
    }
    Dataset<Row> raw = spark.read().parquet(readable.toArray(String[]::new));
    Set<String> columns = Set.of(raw.columns());
    if (!columns.contains(fields.text())) {
      throw new ConfigError("text field '" + fields.text() + "' (--text-field) is not a column of the "
          + "Parquet input; its columns are " + Arrays.toString(raw.columns()));
    }
    Dataset<Row> projected = raw.select(
        col("_metadata.file_path").as(PATH), col("_metadata.row_index").as(ROW),
        field(columns, fields.id()), field(columns, fields.text()), field(columns, fields.title()),
        field(columns, fields.date()), field(columns, fields.source()), field(columns, fields.url()));
    TextDecoder decoder = new TextDecoder(settings.maxControlCharRatio());
    int excerptChars = settings.excerptChars();
    Dataset<Row> rows = projected.map(
        (org.apache.spark.api.java.function.MapFunction<Row, Row>)
            row -> toRecord(row, idRoot, fields, decoder, excerptChars),
        RowEncoder.encoderFor(IngestRecords.SCHEMA));
    return rows.unionByName(footerRejects);
  }

  private static Column field(Set<String> columns, String name) {
    return (columns.contains(name) ? col(name).cast("string") : lit(null).cast("string")).as("f_" + name);
  }

  private static Row footerReject(InputFile file, HadoopConf conf) {
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file.uri()), conf.get()))) {
      reader.getFooter();
      return null;
    } catch (IOException | RuntimeException e) {
      Origin origin = new Origin(file.uri(), null, FileKind.PARQUET.label(), StableIds.of(file.idKey(), null));
      return IngestRecords.reject(origin, RejectReason.UNREADABLE,
          "not a readable Parquet file: " + TextFileReader.oneLine(e), null);
    }
  }

  private static Row toRecord(Row row, String idRoot, FieldMapping fields, TextDecoder decoder,
      int excerptChars) {
    String path = row.getString(0);
    long line = row.getLong(1) + 1;
    String id = row.getString(2);
    Origin origin = new Origin(path, line, FileKind.PARQUET.label(),
        id == null || id.isBlank() ? StableIds.of(StableIds.key(path, idRoot), line) : id);
    String text = row.getString(3);
    if (text == null) {
      return IngestRecords.reject(origin, RejectReason.MISSING_TEXT,
          "field '" + fields.text() + "' is null", null);
    }
    TextDecoder.Decoded decoded = decoder.checkText(text);
    if (!decoded.ok()) {
      return IngestRecords.reject(origin, decoded.reason(),
          "field '" + fields.text() + "': " + decoded.detail(), Excerpts.of(text, excerptChars));
    }
    Attributes attributes = new Attributes(row.getString(4), row.getString(5), row.getString(6),
        row.getString(7));
    return IngestRecords.article(origin, text,
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, attributes);
  }
}
