package io.newsframe.stance;

import static org.apache.spark.sql.functions.col;

import io.newsframe.ml.SavedModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the stance stage learns from a batch and later batches reuse: the feature names it was fitted
 * on, the induced polarity lexicon, the axes' vocabulary (idf) and word weights, and the scaler +
 * k-means pipeline. A Spark ML model: {@link #transform} assigns the clusters of articles scored
 * with its lexicon and axes ({@link StanceFeatures}), and it is saved and read with Spark ML
 * persistence. The folder holds Spark ML's metadata, {@code features} and {@code weights} as Parquet
 * ({@code weights} rows: axis -1 the lexicon, -2 the axes' idf, 0.. each axis's word weights;
 * {@code axes} one row per axis) and {@code clustering}, the MLlib PipelineModel.
 */
public final class StanceModel extends Model<StanceModel> implements MLWritable {
  private static final long serialVersionUID = 1L;
  private static final int LEXICON = -1;
  private static final int IDF = -2;
  private static final StructType NAMES = new StructType()
      .add("position", DataTypes.IntegerType, false).add("name", DataTypes.StringType, false);
  private static final StructType WEIGHTS = new StructType()
      .add("axis", DataTypes.IntegerType, false).add("word", DataTypes.StringType, false)
      .add("weight", DataTypes.DoubleType, false);
  private static final StructType AXES = new StructType()
      .add("axis", DataTypes.IntegerType, false).add("words", DataTypes.IntegerType, false);

  private final String uid;
  private final List<String> featureNames;
  private final Map<String, Double> lexicon;
  private final FramingAxes.Weights axes;
  private final PipelineModel clustering;

  public StanceModel(List<String> featureNames, Map<String, Double> lexicon, FramingAxes.Weights axes,
      PipelineModel clustering) {
    this(Identifiable$.MODULE$.randomUID("stance"), featureNames, lexicon, axes, clustering);
  }

  private StanceModel(String uid, List<String> featureNames, Map<String, Double> lexicon,
      FramingAxes.Weights axes, PipelineModel clustering) {
    this.uid = uid;
    this.featureNames = List.copyOf(featureNames);
    this.lexicon = lexicon;
    this.axes = axes;
    this.clustering = clustering;
  }

  public List<String> featureNames() {
    return featureNames;
  }

  public Map<String, Double> lexicon() {
    return lexicon;
  }

  public FramingAxes.Weights axes() {
    return axes;
  }

  public PipelineModel clustering() {
    return clustering;
  }

  public KMeansModel kmeans() {
    return (KMeansModel) clustering.stages()[clustering.stages().length - 1];
  }

  public int k() {
    return kmeans().getK();
  }

  /**
   * Fails unless the model was fitted on the features the current settings give: its clusters
   * would be read against the wrong columns.
   */
  public StanceModel requireFeatures(FeatureSpace space, String path) {
    if (!featureNames.equals(space.names())) {
      throw new IllegalArgumentException("the stance model at " + path + " was fitted on features " + featureNames
          + " but the configuration gives " + space.names() + "; set stance.model = fit to refit");
    }
    return this;
  }

  @Override
  public String uid() {
    return uid;
  }

  /** Needs the {@code features} vector ({@link StanceFeatures#score}); adds the scaled features and the nearest cluster. */
  @Override
  public StructType transformSchema(StructType schema) {
    if (!java.util.Arrays.asList(schema.fieldNames()).contains(StanceClustering.FEATURES)) {
      throw new IllegalArgumentException("the stance model needs the vector column " + StanceClustering.FEATURES
          + " of " + featureNames.size() + " features (StanceFeatures.score); the input has "
          + String.join(", ", schema.fieldNames()));
    }
    return clustering.transformSchema(schema);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    return clustering.transform(dataset);
  }

  @Override
  public StanceModel copy(ParamMap extra) {
    return copyValues(new StanceModel(uid, featureNames, lexicon, axes, clustering.copy(extra)), extra)
        .setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new Writer(this);
  }

  public static MLReader<StanceModel> read() {
    return new Reader();
  }

  private static final class Writer extends MLWriter {
    private final StanceModel model;

    Writer(StanceModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      DefaultParamsWriter.saveMetadata(model, path, sparkSession());
      List<Row> names = new ArrayList<>();
      for (int i = 0; i < model.featureNames.size(); i++) {
        names.add(RowFactory.create(i, model.featureNames.get(i)));
      }
      sparkSession().createDataFrame(names, NAMES).coalesce(1).write().parquet(path + "/features");
      List<Row> weights = new ArrayList<>();
      model.lexicon.forEach((w, v) -> weights.add(RowFactory.create(LEXICON, w, v)));
      model.axes.idf().forEach((w, v) -> weights.add(RowFactory.create(IDF, w, v)));
      for (int x = 0; x < model.axes.axes().size(); x++) {
        final int axis = x;
        model.axes.axes().get(x).forEach((w, v) -> weights.add(RowFactory.create(axis, w, v)));
      }
      sparkSession().createDataFrame(weights, WEIGHTS).coalesce(1).write().parquet(path + "/weights");
      // An axis may have no word weighted: how many there are is saved apart from the weights.
      List<Row> axes = new ArrayList<>();
      for (int x = 0; x < model.axes.axes().size(); x++) {
        axes.add(RowFactory.create(x, model.axes.axes().get(x).size()));
      }
      sparkSession().createDataFrame(axes, AXES).coalesce(1).write().parquet(path + "/axes");
      try {
        model.clustering.write().save(path + "/clustering");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot save the stance clustering to " + path, e);
      }
    }
  }

  private static final class Reader extends MLReader<StanceModel> {
    @Override
    public StanceModel load(String path) {
      DefaultParamsReader.Metadata metadata = SavedModels.metadata(path, sparkSession(),
          StanceModel.class.getName());
      List<String> names = sparkSession().read().parquet(path + "/features").orderBy("position").collectAsList()
          .stream().map(r -> r.getString(1)).toList();
      Map<String, Double> lexicon = new TreeMap<>();
      Map<String, Double> idf = new TreeMap<>();
      List<Map<String, Double>> axes = new ArrayList<>();
      for (long x = sparkSession().read().parquet(path + "/axes").count(); x > 0; x--) {
        axes.add(new TreeMap<>());
      }
      // The lexicon and axis weights are bounded by lexicon.max-size and axis-terms.max-terms.
      for (Row r : sparkSession().read().parquet(path + "/weights").orderBy(col("axis"), col("word")).collectAsList()) {
        int axis = r.getInt(0);
        (axis == LEXICON ? lexicon : axis == IDF ? idf : axes.get(axis)).put(r.getString(1), r.getDouble(2));
      }
      StanceModel model = new StanceModel(metadata.uid(), names, lexicon, new FramingAxes.Weights(idf, axes),
          SavedModels.pipelineReader().session(sparkSession()).load(path + "/clustering"));
      metadata.getAndSetParams(model, scala.Option.empty());
      return model;
    }
  }
}
