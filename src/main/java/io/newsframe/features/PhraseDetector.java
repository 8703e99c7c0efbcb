package io.newsframe.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;

import io.newsframe.ml.SavedModels;
import io.newsframe.text.PartialCounts;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Learns collocations from corpus statistics: adjacent term pairs seen at least {@code minCount}
 * times whose normalized PMI, log(p(ab) / p(a) p(b)) / -log p(ab), reaches {@code threshold}
 * (Bouma 2009; gensim's Phrases scorer). Its model joins them into one term, "white_hous". Run
 * twice, pairs of a phrase and a term make three-word phrases ("special_militari_oper").
 */
public final class PhraseDetector extends Estimator<PhraseModel> implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  private final String uid;
  final Param<String> termsCol;
  final IntParam minCount;
  final DoubleParam threshold;
  final IntParam maxPhrases;

  public PhraseDetector() {
    this(Identifiable.randomUID("phrases"));
  }

  public PhraseDetector(String uid) {
    this.uid = uid;
    termsCol = new Param<>(this, "termsCol", "array<string> column, replaced by its phrased form");
    minCount = new IntParam(this, "minCount", "occurrences a pair needs", ParamValidators.gtEq(1));
    threshold = new DoubleParam(this, "threshold", "NPMI a pair needs", ParamValidators.inRange(-1, 1));
    maxPhrases = new IntParam(this, "maxPhrases", "most phrases kept, most frequent first", ParamValidators.gtEq(1));
    setDefault(termsCol, "terms");
  }

  public PhraseDetector setMinCount(int value) {
    set(minCount, value);
    return this;
  }

  public PhraseDetector setThreshold(double value) {
    set(threshold, value);
    return this;
  }

  public PhraseDetector setMaxPhrases(int value) {
    set(maxPhrases, value);
    return this;
  }

  // Spark ML finds Params through public no-argument methods that return them.
  public Param<String> termsCol() {
    return termsCol;
  }

  public IntParam minCount() {
    return minCount;
  }

  public DoubleParam threshold() {
    return threshold;
  }

  public IntParam maxPhrases() {
    return maxPhrases;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public PhraseModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Dataset<Row> terms = dataset.select(col(getOrDefault(termsCol)).as("terms"));
    // Unigrams and adjacent pairs ("a b") in one pass, counted in each task first; the total is the
    // number of terms.
    Dataset<Row> counts = terms.mapPartitions((MapPartitionsFunction<Row, Row>) rows ->
            PartialCounts.of(rows, PhraseDetector::unitsOf, PartialCounts::keyAndCount, PartialCounts.MAX_KEYS), Encoders.row(PartialCounts.SCHEMA))
        .groupBy(col("key").as("gram")).agg(org.apache.spark.sql.functions.sum("count").as("n")).cache();
    try {
      long total = counts.where(org.apache.spark.sql.functions.not(col("gram").contains(" ")))
          .agg(org.apache.spark.sql.functions.coalesce(org.apache.spark.sql.functions.sum("n"), lit(0L)))
          .as(Encoders.LONG()).first();
      Dataset<Row> pairs = counts.where(col("gram").contains(" ").and(col("n").geq((Integer) getOrDefault(minCount))));
      Dataset<Row> singles = counts.where(org.apache.spark.sql.functions.not(col("gram").contains(" ")));
      Dataset<Row> scored = pairs
          .withColumn("a", org.apache.spark.sql.functions.substring_index(col("gram"), " ", 1))
          .withColumn("b", org.apache.spark.sql.functions.substring_index(col("gram"), " ", -1))
          .join(singles.withColumnRenamed("gram", "a").withColumnRenamed("n", "na"), "a")
          .join(singles.withColumnRenamed("gram", "b").withColumnRenamed("n", "nb"), "b")
          .withColumn("npmi", org.apache.spark.sql.functions.expr(
              "ln((n * " + total + ") / (na * nb)) / -ln(n / " + total + ")"))
          .where(col("npmi").geq((Double) getOrDefault(threshold)))
          .orderBy(desc("n"), col("gram"))
          .limit((Integer) getOrDefault(maxPhrases));
      List<String> phrases = total == 0 ? List.of() : scored.select("gram").as(Encoders.STRING()).collectAsList();
      PhraseModel model = new PhraseModel(uid, phrases.toArray(new String[0]));
      copyValues(model, extractParamMap());
      return model.setParent(this);
    } finally {
      counts.unpersist();
    }
  }

  private static void unitsOf(Row row, Consumer<String> units) {
    if (row.isNullAt(0)) {
      return;
    }
    List<String> terms = row.getList(0);
    for (int i = 0; i < terms.size(); i++) {
      if (terms.get(i).equals(TermAnalyzer.BOUNDARY)) {
        continue;
      }
      units.accept(terms.get(i));
      if (i + 1 < terms.size() && !terms.get(i + 1).equals(TermAnalyzer.BOUNDARY)) {
        units.accept(terms.get(i) + " " + terms.get(i + 1));
      }
    }
  }

  @Override
  public StructType transformSchema(StructType schema) {
    String terms = getOrDefault(termsCol);
    if (schema.getFieldIndex(terms).isEmpty()
        || !schema.apply(terms).dataType().sameType(DataTypes.createArrayType(DataTypes.StringType))) {
      throw new IllegalArgumentException("PhraseDetector needs an array<string> column " + terms);
    }
    return schema;
  }

  @Override
  public PhraseDetector copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<PhraseDetector> read() {
    return SavedModels.paramsReader();
  }
}
