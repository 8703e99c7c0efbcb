package io.newsframe.stance;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the stance stage learns from a batch and later batches reuse: the feature names it was fitted
 * on, the induced polarity lexicon, the axes' vocabulary (idf) and word weights, and the scaler +
 * k-means pipeline. Saved as a folder: {@code features} and {@code weights} as Parquet ({@code
 * weights} rows: axis -1 the lexicon, -2 the axes' idf, 0.. each axis's word weights), {@code
 * clustering} as an MLlib PipelineModel.
 */
public record StanceModel(List<String> featureNames, Map<String, Double> lexicon, FramingAxes.Weights axes,
    PipelineModel clustering) {
  private static final int LEXICON = -1;
  private static final int IDF = -2;

  private static final StructType NAMES = new StructType()
      .add("position", DataTypes.IntegerType, false).add("name", DataTypes.StringType, false);
  private static final StructType WEIGHTS = new StructType()
      .add("axis", DataTypes.IntegerType, false).add("word", DataTypes.StringType, false)
      .add("weight", DataTypes.DoubleType, false);

  public KMeansModel kmeans() {
    return (KMeansModel) clustering.stages()[clustering.stages().length - 1];
  }

  public int k() {
    return kmeans().getK();
  }

  public void save(SparkSession spark, String path) {
    List<Row> names = new ArrayList<>();
    for (int i = 0; i < featureNames.size(); i++) {
      names.add(RowFactory.create(i, featureNames.get(i)));
    }
    spark.createDataFrame(names, NAMES).coalesce(1).write().mode("overwrite").parquet(path + "/features");
    List<Row> weights = new ArrayList<>();
    lexicon.forEach((w, v) -> weights.add(RowFactory.create(LEXICON, w, v)));
    axes.idf().forEach((w, v) -> weights.add(RowFactory.create(IDF, w, v)));
    for (int x = 0; x < axes.axes().size(); x++) {
      final int axis = x;
      axes.axes().get(x).forEach((w, v) -> weights.add(RowFactory.create(axis, w, v)));
    }
    spark.createDataFrame(weights, WEIGHTS).coalesce(1).write().mode("overwrite").parquet(path + "/weights");
    try {
      clustering.write().overwrite().save(path + "/clustering");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot save the stance clustering to " + path, e);
    }
  }

  /**
   * Loads a saved model; it must have been fitted on the same features as the current settings
   * give, or its clusters would be read against the wrong columns.
   */
  public static StanceModel load(SparkSession spark, String path, FeatureSpace space) {
    List<String> names = spark.read().parquet(path + "/features").orderBy("position").collectAsList()
        .stream().map(r -> r.getString(1)).toList();
    if (!names.equals(space.names())) {
      throw new IllegalArgumentException("the stance model at " + path + " was fitted on features " + names
          + " but the configuration gives " + space.names() + "; set stance.model = fit to refit");
    }
    Map<String, Double> lexicon = new TreeMap<>();
    Map<String, Double> idf = new TreeMap<>();
    List<Map<String, Double>> axes = new ArrayList<>();
    for (int x = 0; x < space.settings().axes().size(); x++) {
      axes.add(new TreeMap<>());
    }
    // The lexicon and axis weights are bounded by lexicon.max-size and axis-terms.max-terms.
    for (Row r : spark.read().parquet(path + "/weights").orderBy(col("axis"), col("word")).collectAsList()) {
      int axis = r.getInt(0);
      (axis == LEXICON ? lexicon : axis == IDF ? idf : axes.get(axis)).put(r.getString(1), r.getDouble(2));
    }
    return new StanceModel(names, lexicon, new FramingAxes.Weights(idf, axes), PipelineModel.load(path + "/clustering"));
  }
}
