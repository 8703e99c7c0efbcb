package io.newsframe.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.newsframe.config.FieldMapping;
import io.newsframe.config.IngestSettings;
import io.newsframe.config.InputSettings;
import io.newsframe.ingest.IngestRecords.Origin;
import io.newsframe.tables.Tables.RawArticles;
import io.newsframe.tables.Tables.Rejects;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.storage.StorageLevel;

/**
 * Reads the input into one dataset of {@link IngestRecords}: every record once, as an article or a
 * reject. {@link #readRecords} reads the files; {@link #rejectDuplicateIds} turns later uses of an
 * id into rejects; {@link #articles} and {@link #rejects} split the result into the two tables.
 */
public final class IngestStage {
  public static final String NAME = "ingest";
  /**
   * The most ids used more than once in a batch that {@link #rejectDuplicateIds} sends to every
   * task: a few megabytes of ids and places. Usually there are none or a handful.
   */
  static final int MAX_BROADCAST_REPEATED_IDS = 100_000;

  private IngestStage() {}

  /** Every file of the input, as listed now ({@link InputFile#SCHEMA}). */
  public static Dataset<Row> listInput(SparkSession spark, InputSettings input) {
    return InputFiles.list(spark, input.uri(), input.format(), input.idRoot(), InputFiles.DRIVER_FILES);
  }

  /**
   * All records of {@code files} (rows with {@link InputFile#SCHEMA}) as read, ids not yet checked
   * for uniqueness; each file is read by exactly one task. Callers that use the result more than
   * once should persist it: every other use reads the files again. Only the Parquet files' URIs
   * come to the driver (Spark's Parquet source plans them there); each holds many records.
   */
  public static Dataset<Row> readRecords(SparkSession spark, Dataset<Row> files, InputSettings input,
      IngestSettings settings) {
    return readRecords(spark, files, FileSizes.of(files), input, settings);
  }

  /** The same, with the files' sizes counted already (the ingest plan counts them with its own counts). */
  public static Dataset<Row> readRecords(SparkSession spark, Dataset<Row> files, FileSizes sizes, InputSettings input,
      IngestSettings settings) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<HadoopConf> conf = jsc.broadcast(new HadoopConf(hadoop));
    Column isParquet = col(InputFile.KIND).equalTo(FileKind.PARQUET.name());
    Dataset<Row> records = spark.createDataFrame(readStreamed(jsc, files.where(not(isParquet)), sizes.streamedFiles(),
        sizes.streamedBytes(), input.fields(), settings, conf), IngestRecords.SCHEMA);
    if (sizes.parquetFiles() > 0) {
      List<InputFile> parquet = files.where(isParquet).select(InputFile.columns()).collectAsList()
          .stream().map(InputFile::of).toList();
      records = records.unionByName(
          ParquetRecords.read(spark, parquet, input.idRoot(), input.fields(), settings, conf));
    }
    return records;
  }

  /** Text and JSONL files, spread over tasks by size: about {@code ingest.bytes-per-task} each. */
  private static JavaRDD<Row> readStreamed(JavaSparkContext jsc, Dataset<Row> files, long count, long bytes,
      FieldMapping fields, IngestSettings settings, Broadcast<HadoopConf> conf) {
    if (count == 0) {
      return jsc.emptyRDD();
    }
    int slices = (int) Math.max(1, Math.min(count,
        Math.max(2L * jsc.defaultParallelism(), (bytes + settings.bytesPerTask() - 1) / settings.bytesPerTask())));
    TextFileReader text = new TextFileReader(settings);
    JsonlFileReader jsonl = new JsonlFileReader(settings, fields);
    return files.select(InputFile.columns()).repartition(slices).toJavaRDD()
        .flatMap(row -> readFile(InputFile.of(row), text, jsonl, conf.value().get()));
  }

  private static Iterator<Row> readFile(InputFile file, TextFileReader text, JsonlFileReader jsonl,
      Configuration conf) {
    switch (file.kind()) {
      case TXT:
        return Collections.singletonList(text.read(file, conf)).iterator();
      case JSONL:
        return jsonl.read(file, conf);
      default:
        Origin origin = new Origin(file.uri(), null, file.kind().label(), StableIds.of(file.idKey(), null));
        return Collections.singletonList(IngestRecords.reject(origin, RejectReason.UNSUPPORTED_FILE,
            "file name has no supported extension (.txt, .jsonl, .ndjson, .json, .parquet, "
                + "optionally compressed); set --input-format to read it anyway", null)).iterator();
    }
  }

  /**
   * The first record (by path, then line) keeps an id; later ones with the same id become rejects.
   *
   * <p>The ids used more than once are found first (an aggregate of the ids alone). Usually there
   * are none, and the records are returned as they are. Up to {@link #MAX_BROADCAST_REPEATED_IDS}
   * of them are sent to every task, and each record is looked up where it was read: the result is
   * then as cheap to compute again as {@code records}, and is not kept. Joined by id, every record
   * and its text were shuffled (at 100,000 articles, 43 MB written and read again for a handful of
   * repeated ids), and the result kept beside the records (at a million, 1.3 GB more in the block
   * store). Beyond that many, they are still joined by id, and the result is persisted so that its
   * uses do not repeat the shuffle: callers unpersist the result when done (a no-op otherwise).
   * {@code records} should be persisted: it is read at least twice.
   */
  public static Dataset<Row> rejectDuplicateIds(Dataset<Row> records, int excerptChars) {
    return rejectDuplicateIds(records, excerptChars, MAX_BROADCAST_REPEATED_IDS);
  }

  /** As {@link #rejectDuplicateIds(Dataset, int)}, sending at most {@code maxBroadcastIds} repeated ids to the tasks. */
  static Dataset<Row> rejectDuplicateIds(Dataset<Row> records, int excerptChars, int maxBroadcastIds) {
    Dataset<Row> articles = records.where(col(IngestRecords.OUTCOME).equalTo(IngestRecords.ARTICLE));
    Dataset<Row> repeated = articles
        .groupBy(col(RawArticles.ID).as("dup_id"))
        .agg(count(lit(1)).as("dup_n"),
            min(struct(col(RawArticles.SOURCE_PATH), col(RawArticles.SOURCE_LINE))).as("dup_first"))
        .where(col("dup_n").gt(1));
    List<Row> few = repeated.limit(maxBroadcastIds + 1).collectAsList();
    if (few.isEmpty()) {
      return records;
    }
    boolean sent = few.size() <= maxBroadcastIds;
    Dataset<Row> ids = sent ? broadcast(records.sparkSession().createDataFrame(few, repeated.schema())) : repeated;
    Dataset<Row> joined = records.join(ids,
        col(RawArticles.ID).equalTo(col("dup_id"))
            .and(col(IngestRecords.OUTCOME).equalTo(IngestRecords.ARTICLE)), "left");
    Dataset<Row> checked = joined.select(markedLaterCopies(excerptChars));
    return sent ? checked : checked.persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** The records' columns, later uses of a repeated id turned into rejects (after the join with {@code dup_*}). */
  private static Column[] markedLaterCopies(int excerptChars) {
    Column isLaterCopy = col("dup_id").isNotNull().and(
        col("dup_first.source_path").notEqual(col(RawArticles.SOURCE_PATH))
            .or(col("dup_first.source_line").eqNullSafe(col(RawArticles.SOURCE_LINE)).unary_$bang()));
    Column firstPlace = concat(col("dup_first.source_path"),
        when(col("dup_first.source_line").isNotNull(),
            concat(lit(":"), col("dup_first.source_line").cast("string"))).otherwise(lit("")));
    String[] names = IngestRecords.SCHEMA.fieldNames();
    List<Column> out = new ArrayList<>();
    for (String name : names) {
      Column value = col(name);
      if (name.equals(IngestRecords.OUTCOME)) {
        value = when(isLaterCopy, lit(IngestRecords.REJECT)).otherwise(value);
      } else if (name.equals(Rejects.REASON)) {
        value = when(isLaterCopy, lit(RejectReason.DUPLICATE_ID.code())).otherwise(value);
      } else if (name.equals(Rejects.DETAIL)) {
        value = when(isLaterCopy, concat(lit("id also used by the record at "), firstPlace)).otherwise(value);
      } else if (name.equals(Rejects.EXCERPT)) {
        value = when(isLaterCopy, org.apache.spark.sql.functions.substring(
            org.apache.spark.sql.functions.regexp_replace(col(RawArticles.RAW_TEXT), "\\s+", " "), 1, excerptChars))
            .otherwise(value);
      }
      out.add(value.as(name));
    }
    return out.toArray(Column[]::new);
  }

  /** The rows that go to {@code raw_articles}. */
  public static Dataset<Row> articles(Dataset<Row> records) {
    return records.where(col(IngestRecords.OUTCOME).equalTo(IngestRecords.ARTICLE))
        .select(col(RawArticles.ID), col(RawArticles.SOURCE_PATH), col(RawArticles.SOURCE_LINE),
            col(RawArticles.SOURCE_FORMAT), col(RawArticles.RAW_TEXT), col(RawArticles.TITLE),
            col(RawArticles.DATE), col(RawArticles.SOURCE), col(RawArticles.URL), col(RawArticles.BYTES));
  }

  /** The rows that go to {@code rejects}. */
  public static Dataset<Row> rejects(Dataset<Row> records) {
    return records.where(col(IngestRecords.OUTCOME).equalTo(IngestRecords.REJECT))
        .select(lit(NAME).as(Rejects.STAGE), col(RawArticles.SOURCE_PATH).as(Rejects.SOURCE_PATH),
            col(RawArticles.SOURCE_LINE).as(Rejects.SOURCE_LINE), col(RawArticles.ID).as(Rejects.RECORD_ID),
            col(Rejects.REASON), col(Rejects.DETAIL), col(Rejects.EXCERPT));
  }

  /**
   * SHA-256 of a file's bytes (as stored, before decompression), by URI: what the ingest ledger
   * records, and how a file whose time changed but whose bytes did not is told apart. Runs on the
   * executors; null for a file that cannot be read (reading it then rejects it, with the reason).
   */
  public static UDF1<String, String> contentHasher(SparkSession spark) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<HadoopConf> conf = jsc.broadcast(new HadoopConf(spark.sparkContext().hadoopConfiguration()));
    return uri -> ContentHash.of(uri, conf.value().get());
  }
}
