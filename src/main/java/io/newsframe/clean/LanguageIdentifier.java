package io.newsframe.clean;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.newsframe.ml.SavedModels;
import io.newsframe.tables.Tables.Articles;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.StructType;

/** Adds {@code lang}: the language of the clean text ({@link LanguageGuesser}) and its confidence. */
public final class LanguageIdentifier extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  public static final String LANG = "lang";
  static final StructType LANG_TYPE = new StructType()
      .add(Articles.LANGUAGE, "string").add(Articles.LANGUAGE_CONFIDENCE, "double");

  private final String uid;
  public final IntParam detectChars;
  public final DoubleParam minConfidence;

  public LanguageIdentifier() {
    this(Identifiable.randomUID("language"));
  }

  public LanguageIdentifier(String uid) {
    this.uid = uid;
    detectChars = new IntParam(this, "detectChars", "characters of text read", ParamValidators.gtEq(20));
    minConfidence = new DoubleParam(this, "minConfidence", "below it: und", ParamValidators.inRange(0, 1));
  }

  public LanguageIdentifier setDetectChars(int value) {
    set(detectChars, value);
    return this;
  }

  public LanguageIdentifier setMinConfidence(double value) {
    set(minConfidence, value);
    return this;
  }

  // Spark ML finds Params through public no-argument methods that return them.
  public IntParam detectChars() {
    return detectChars;
  }

  public DoubleParam minConfidence() {
    return minConfidence;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    LanguageGuesser guesser = new LanguageGuesser((Integer) getOrDefault(detectChars),
        (Double) getOrDefault(minConfidence));
    var detect = udf((UDF1<String, Row>) text -> {
      LanguageGuesser.Guess g = guesser.guess(text);
      return RowFactory.create(g.language(), g.confidence());
    }, LANG_TYPE).asNondeterministic();
    return dataset.withColumn(LANG, detect.apply(col(BoilerplateRemoverModel.CLEANED + "." + Articles.TEXT)));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    if (schema.getFieldIndex(BoilerplateRemoverModel.CLEANED).isEmpty()) {
      throw new IllegalArgumentException("LanguageIdentifier needs cleaned (BoilerplateRemoverModel)");
    }
    return schema.add(LANG, LANG_TYPE, false);
  }

  @Override
  public LanguageIdentifier copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  /**
   * Loads the detector's model (about 0.3 s) in this JVM now, unless it is loaded. In local mode
   * the tasks run in the driver's JVM, so a run can load it while it ingests rather than in the
   * first tasks of its clean stage.
   */
  public static void preloadModel() {
    LanguageGuesser.preloadModel();
  }

  public static MLReader<LanguageIdentifier> read() {
    return SavedModels.paramsReader();
  }
}
