package io.newsframe.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.newsframe.ml.SavedModels;
import io.newsframe.tables.ScalaValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Joins the learned phrases, left to right: "white hous" becomes the one term "white_hous". */
public final class PhraseModel extends Model<PhraseModel> implements MLWritable {
  private static final long serialVersionUID = 1L;
  public static final String JOINER = "_";
  private final String uid;
  private final String[] phrases;
  final Param<String> termsCol;

  PhraseModel(String uid, String[] phrases) {
    this.uid = uid;
    this.phrases = phrases;
    termsCol = new Param<>(this, "termsCol", "array<string> column, replaced by its phrased form");
    setDefault(termsCol, "terms");
  }

  // Spark ML finds Params through public no-argument methods that return them.
  public Param<String> termsCol() {
    return termsCol;
  }

  /** The learned pairs, "a b", most frequent first. */
  public List<String> phrases() {
    return List.of(phrases);
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Set<String> known = new HashSet<>(Arrays.asList(phrases));
    var join = udf((UDF1<scala.collection.immutable.Seq<String>, scala.collection.immutable.Seq<String>>) terms -> {
      List<String> in = ScalaValues.list(terms);
      List<String> out = new ArrayList<>(in.size());
      for (int i = 0; i < in.size(); i++) {
        if (i + 1 < in.size() && !in.get(i).equals(TermAnalyzer.BOUNDARY)
            && known.contains(in.get(i) + " " + in.get(i + 1))) {
          out.add(in.get(i) + JOINER + in.get(i + 1));
          i++;
        } else {
          out.add(in.get(i));
        }
      }
      return ScalaValues.seq(out);
    }, DataTypes.createArrayType(DataTypes.StringType, false));
    String terms = termsColumn();
    return dataset.withColumn(terms, join.apply(col(terms)));
  }

  private String termsColumn() {
    return getOrDefault(termsCol);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    if (schema.getFieldIndex(termsColumn()).isEmpty()) {
      throw new IllegalArgumentException("PhraseModel needs an array<string> column " + termsColumn());
    }
    return schema;
  }

  @Override
  public PhraseModel copy(ParamMap extra) {
    return copyValues(new PhraseModel(uid, phrases), extra).setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new Writer(this);
  }

  public static MLReader<PhraseModel> read() {
    return new Reader();
  }

  private static final class Writer extends MLWriter {
    private final PhraseModel model;

    Writer(PhraseModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      DefaultParamsWriter.saveMetadata(model, path, sparkSession());
      sparkSession().createDataset(Arrays.asList(model.phrases), Encoders.STRING()).toDF("phrase").coalesce(1)
          .write().parquet(path + "/data");
    }
  }

  private static final class Reader extends MLReader<PhraseModel> {
    @Override
    public PhraseModel load(String path) {
      DefaultParamsReader.Metadata metadata = SavedModels.metadata(path, sparkSession(),
          PhraseModel.class.getName());
      // Most frequent first, as fitted; the order only matters for reading the list.
      String[] phrases = sparkSession().read().parquet(path + "/data").as(Encoders.STRING()).collectAsList()
          .toArray(new String[0]);
      PhraseModel model = new PhraseModel(metadata.uid(), phrases);
      metadata.getAndSetParams(model, scala.Option.empty());
      return model;
    }
  }
}
