package io.newsframe.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.newsframe.ml.SavedModels;
import io.newsframe.tables.ScalaValues;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.BooleanParam;
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

/** Text to its terms ({@link TermAnalyzer}) as {@code array<string>}, in order. */
public final class TermTokenizer extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  private final String uid;
  final Param<String> inputCol;
  final Param<String> outputCol;
  final BooleanParam stem;
  final BooleanParam lemmatize;

  public TermTokenizer() {
    this(Identifiable.randomUID("terms"));
  }

  public TermTokenizer(String uid) {
    this.uid = uid;
    inputCol = new Param<>(this, "inputCol", "text column");
    outputCol = new Param<>(this, "outputCol", "terms column");
    stem = new BooleanParam(this, "stem", "reduce words to Snowball stems");
    setDefault(inputCol, "text");
    setDefault(outputCol, "terms");
    // A param of its own rather than a third value of stem: models saved before it still load.
    lemmatize = new BooleanParam(this, "lemmatize", "reduce words to their lemmas in context (over stem)");
    setDefault(stem, true);
    setDefault(lemmatize, false);
  }

  public TermTokenizer setLemmatize(boolean value) {
    set(lemmatize, value);
    return this;
  }

  /** The form words take as terms, from the stem and lemmatize params. */
  public TermAnalyzer.Form form() {
    if ((Boolean) getOrDefault(lemmatize)) {
      return TermAnalyzer.Form.LEMMA;
    }
    return (Boolean) getOrDefault(stem) ? TermAnalyzer.Form.STEM : TermAnalyzer.Form.WORD;
  }

  public TermTokenizer setStem(boolean value) {
    set(stem, value);
    return this;
  }

  public TermTokenizer setInputCol(String value) {
    set(inputCol, value);
    return this;
  }

  public TermTokenizer setOutputCol(String value) {
    set(outputCol, value);
    return this;
  }

  // Spark ML finds Params through public no-argument methods that return them.
  public Param<String> inputCol() {
    return inputCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public BooleanParam stem() {
    return stem;
  }

  public BooleanParam lemmatize() {
    return lemmatize;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    TermAnalyzer analyzer = new TermAnalyzer(form());
    var terms = udf((UDF1<String, scala.collection.immutable.Seq<String>>) text -> {
      List<String> out = new ArrayList<>();
      for (TermAnalyzer.Term t : analyzer.terms(text)) {
        out.add(t.term());
      }
      return ScalaValues.seq(out);
    }, DataTypes.createArrayType(DataTypes.StringType, false));
    return dataset.withColumn(getOrDefault(outputCol), terms.apply(col(getOrDefault(inputCol))));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    String in = getOrDefault(inputCol);
    if (schema.getFieldIndex(in).isEmpty()) {
      throw new IllegalArgumentException("TermTokenizer needs a string column " + in);
    }
    return schema.add(getOrDefault(outputCol), DataTypes.createArrayType(DataTypes.StringType, false), false);
  }

  @Override
  public TermTokenizer copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<TermTokenizer> read() {
    return SavedModels.paramsReader();
  }
}
