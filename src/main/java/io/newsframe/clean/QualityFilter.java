package io.newsframe.clean;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsframe.config.CleanSettings;
import io.newsframe.ml.SavedModels;
import io.newsframe.tables.ScalaValues;
import io.newsframe.tables.Tables.Articles;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Adds {@code quality_flags}: the Gopher checks ({@link QualityChecks}) the clean text fails. */
public final class QualityFilter extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String uid;
  /** The thresholds, as the JSON of {@link CleanSettings.Quality} (one param keeps them together). */
  public final Param<String> thresholds;

  public QualityFilter() {
    this(Identifiable.randomUID("quality"));
  }

  public QualityFilter(String uid) {
    this.uid = uid;
    thresholds = new Param<>(this, "thresholds", "JSON of the quality thresholds");
  }

  public QualityFilter setThresholds(CleanSettings.Quality quality) {
    try {
      set(thresholds, JSON.writeValueAsString(quality));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
    return this;
  }

  // Spark ML finds Params through public no-argument methods that return them.
  public Param<String> thresholds() {
    return thresholds;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    QualityChecks checks;
    try {
      checks = new QualityChecks(JSON.readValue(getOrDefault(thresholds), CleanSettings.Quality.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad quality thresholds: " + e.getOriginalMessage(), e);
    }
    var flag = udf((UDF1<String, scala.collection.immutable.Seq<String>>) text ->
            ScalaValues.seq(checks.flags(text == null ? "" : text)),
        DataTypes.createArrayType(DataTypes.StringType, false)).asNondeterministic();
    return dataset.withColumn(Articles.QUALITY_FLAGS,
        flag.apply(col(BoilerplateRemoverModel.CLEANED + "." + Articles.TEXT)));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    if (schema.getFieldIndex(BoilerplateRemoverModel.CLEANED).isEmpty()) {
      throw new IllegalArgumentException("QualityFilter needs cleaned (BoilerplateRemoverModel)");
    }
    return schema.add(Articles.QUALITY_FLAGS, DataTypes.createArrayType(DataTypes.StringType, false), false);
  }

  @Override
  public QualityFilter copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<QualityFilter> read() {
    return SavedModels.paramsReader();
  }
}
