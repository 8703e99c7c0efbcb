package io.newsframe.clean;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import io.newsframe.ml.SavedModels;
import io.newsframe.tables.Tables.Articles;
import io.newsframe.text.TextNormalizer;
import java.time.LocalDate;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.types.StructType;

/**
 * Reads an article's outlet, publication date and dateline from its record fields and its text
 * ({@link SourceFinder}, {@link DateFinder}). Needs raw_text and the {@code cleaned} column of
 * {@link BoilerplateRemoverModel}; uses date, source and url when present.
 */
public final class MetadataExtractor extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  public static final String METADATA = "metadata";
  static final StructType METADATA_TYPE = new StructType()
      .add(Articles.SOURCE, "string").add(Articles.SOURCE_METHOD, "string")
      .add(Articles.PUBLISHED_DATE, "date").add(Articles.DATE_METHOD, "string")
      .add(Articles.DATE_TEXT, "string").add(Articles.DATELINE, "string");

  private final String uid;
  /** Dates without a year resolve to the latest such day on or before this one (YYYY-MM-DD). */
  public final Param<String> referenceDate;

  public MetadataExtractor() {
    this(Identifiable.randomUID("metadata"));
  }

  public MetadataExtractor(String uid) {
    this.uid = uid;
    this.referenceDate = new Param<>(this, "referenceDate", "YYYY-MM-DD that resolves dates without a year");
  }

  public MetadataExtractor setReferenceDate(LocalDate date) {
    set(referenceDate, date.toString());
    return this;
  }

  // Spark ML finds Params through public no-argument methods that return them.
  public Param<String> referenceDate() {
    return referenceDate;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    DateFinder dates = new DateFinder(LocalDate.parse(getOrDefault(referenceDate)));
    SourceFinder sources = new SourceFinder();
    var extract = udf((UDF6<String, String, String, String, String, String, Row>)
        (raw, title, titleSite, date, source, url) -> {
      String normalized = TextNormalizer.normalize(head(raw));
      SourceFinder.Found s = sources.find(source, titleSite, url, normalized, title);
      DateFinder.Found d = dates.find(date, normalized);
      return RowFactory.create(s.source(), s.method(),
          d.date() == null ? null : java.sql.Date.valueOf(d.date()), d.method(), d.text(), d.dateline());
    }, METADATA_TYPE).asNondeterministic();
    return dataset.withColumn(METADATA, extract.apply(col("raw_text"),
        col(BoilerplateRemoverModel.CLEANED + "." + Articles.TITLE),
        col(BoilerplateRemoverModel.CLEANED + "." + BoilerplateRemoverModel.TITLE_SITE), optional(dataset, "date"),
        optional(dataset, "source"), optional(dataset, "url")));
  }

  /**
   * Outlet, date and dateline are read from the start of an article (DateFinder looks at 2,000
   * normalized characters, SourceFinder at the first lines): only that much is normalized again.
   */
  private static final int HEAD_CHARS = 4000;

  private static String head(String raw) {
    return raw == null ? "" : raw.length() > HEAD_CHARS ? raw.substring(0, HEAD_CHARS) : raw;
  }

  private static Column optional(Dataset<?> dataset, String name) {
    return dataset.schema().getFieldIndex(name).nonEmpty() ? col(name).cast("string") : lit(null).cast("string");
  }

  @Override
  public StructType transformSchema(StructType schema) {
    if (schema.getFieldIndex(BoilerplateRemoverModel.CLEANED).isEmpty() || schema.getFieldIndex("raw_text").isEmpty()) {
      throw new IllegalArgumentException("MetadataExtractor needs raw_text and cleaned (BoilerplateRemoverModel)");
    }
    return schema.add(METADATA, METADATA_TYPE, false);
  }

  @Override
  public MetadataExtractor copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<MetadataExtractor> read() {
    return SavedModels.paramsReader();
  }
}
