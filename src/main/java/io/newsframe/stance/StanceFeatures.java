package io.newsframe.stance;

import io.newsframe.tables.ScalaValues;
import io.newsframe.tables.Tables;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Articles (id, title, text) to stance features: {@code features} (vector in {@link
 * FeatureSpace#names()} order), per-target {@code mentions}, {@code polarity} and {@code voices}
 * (in target order), {@code evidence}, and {@code placed}: whether the body has the
 * stance.min-body-words words an article needs to be given a cluster; and {@code learned}, copied
 * from the input's column of that name (false without it): whether the model learns from the
 * article.
 */
final class StanceFeatures {
  /** Column of {@link #SCHEMA}: the article has body enough to be placed in a cluster. */
  public static final String PLACED = "placed";
  /** Column of {@link #SCHEMA}: the article is one the model is fitted on. */
  public static final String LEARNED = "learned";

  public static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("features", SQLDataTypes.VectorType(), false)
      .add("mentions", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("polarity", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
      .add("voices", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("evidence", DataTypes.createArrayType(Tables.STANCE_EVIDENCE, false), false)
      .add(PLACED, DataTypes.BooleanType, false)
      .add(LEARNED, DataTypes.BooleanType, false);

  private StanceFeatures() {}

  public static Dataset<Row> score(SparkSession spark, Dataset<Row> articles, FeatureSpace space,
      Map<String, Double> lexicon, FramingAxes.Weights axes) {
    var context = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<FeatureSpace> spaceCopy = context.broadcast(space);
    Broadcast<Map<String, Double>> lexiconCopy = context.broadcast(new java.util.HashMap<>(lexicon));
    // Hash maps: the scorer looks every word of every article up in them.
    Broadcast<FramingAxes.Weights> axesCopy = context.broadcast(new FramingAxes.Weights(new java.util.HashMap<>(axes.idf()),
        new ArrayList<>(axes.axes().stream().map(m -> (Map<String, Double>) new java.util.HashMap<>(m)).toList())));
    var learned = java.util.Arrays.asList(articles.columns()).contains(LEARNED)
        ? org.apache.spark.sql.functions.col(LEARNED) : org.apache.spark.sql.functions.lit(false);
    return articles.select(org.apache.spark.sql.functions.col("id"), org.apache.spark.sql.functions.col("title"),
        org.apache.spark.sql.functions.col("text"), learned).mapPartitions(
        (org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) rows ->
            scorePartition(rows, new ArticleScorer(spaceCopy.value(), lexiconCopy.value(), axesCopy.value()),
                spaceCopy.value().settings().minBodyWords()),
        Encoders.row(SCHEMA));
  }

  private static Iterator<Row> scorePartition(Iterator<Row> rows, ArticleScorer scorer, int minBodyWords) {
    return mapped(rows, row -> {
      String title = row.isNullAt(1) ? "" : row.getString(1);
      String text = row.isNullAt(2) ? "" : row.getString(2);
      // The headline is the article's most deliberate wording: it is scored with the body.
      ArticleScorer.Scores s = scorer.score(title.isEmpty() ? text : title + ".\n\n" + text);
      List<Row> evidence = new ArrayList<>(s.evidence().size());
      s.evidence().forEach(e -> evidence.add(RowFactory.create(e.feature(), e.term(), e.sentence(), e.weight())));
      return RowFactory.create(row.getString(0), Vectors.dense(s.features()), ScalaValues.seq(boxed(s.mentions())),
          ScalaValues.seq(boxed(s.polarity())), ScalaValues.seq(boxed(s.voices())), ScalaValues.seq(evidence),
          io.newsframe.text.Words.count(text) >= minBodyWords, row.getBoolean(3));
    });
  }

  /** A partition's rows mapped one at a time, so that a partition is never held whole. */
  static <A, B> Iterator<B> mapped(Iterator<A> rows, java.util.function.Function<A, B> f) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public B next() {
        return f.apply(rows.next());
      }
    };
  }

  private static List<Integer> boxed(int[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }

  private static List<Double> boxed(double[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }
}
