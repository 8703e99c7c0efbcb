package io.newsframe.clean;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import io.newsframe.ml.SavedModels;
import io.newsframe.tables.ScalaValues;
import io.newsframe.tables.Tables;
import io.newsframe.text.LineKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Removes boilerplate from each article: the chrome lines learned from the batch (kept as a sorted
 * array of 64-bit line hashes) and the line rules of {@link ArticleCleaner}. Adds the struct column
 * {@code cleaned}: title, title_method, text, removed_lines, author.
 */
public final class BoilerplateRemoverModel extends Model<BoilerplateRemoverModel>
    implements BoilerplateParams, MLWritable {
  private static final long serialVersionUID = 1L;
  public static final String CLEANED = "cleaned";
  /** The site name taken off the end of the title, for {@link MetadataExtractor}. */
  static final String TITLE_SITE = "title_site";
  static final StructType CLEANED_TYPE = new StructType()
      .add(Tables.Articles.TITLE, "string")
      .add(Tables.Articles.TITLE_METHOD, "string")
      .add(Tables.Articles.TEXT, "string")
      .add(Tables.Articles.REMOVED_LINES, DataTypes.createArrayType(Tables.REMOVED_LINE, false))
      .add(Tables.Articles.AUTHOR, "string")
      .add(TITLE_SITE, "string");

  private final String uid;
  private final long[] chromeHashes;
  private final TitleSites titleSites;
  private final RepeatedPassages passages;
  private final Declared declared;

  BoilerplateRemoverModel(String uid, long[] chromeHashes, TitleSites titleSites, RepeatedPassages passages) {
    this.uid = uid;
    this.chromeHashes = chromeHashes;
    this.titleSites = titleSites;
    this.passages = passages;
    this.declared = new Declared(this);
  }

  @Override
  public Declared declared() {
    return declared;
  }

  @Override
  public String uid() {
    return uid;
  }

  /** How many chrome lines the batch taught the model. */
  public int chromeLines() {
    return chromeHashes.length;
  }

  /** How many repeated passage shingles the batch taught the model. */
  public int passageShingles() {
    return passages.shingles();
  }

  RepeatedPassages passages() {
    return passages;
  }

  /** The site names the batch's titles end with, as {@link io.newsframe.text.LineKeys} keys. */
  public java.util.Set<String> titleSites() {
    return titleSites.keys();
  }

  /**
   * The UDFs of the clean stage are deterministic, but are declared otherwise: Spark then computes
   * each once per row instead of copying it into every expression that reads one of its fields
   * (which tripled the stage's time).
   */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    ArticleCleaner cleaner = new ArticleCleaner(lineRules(), titleSites, passages);
    long[] hashes = chromeHashes;
    UserDefinedFunction clean = udf((UDF2<String, String, Row>) (raw, title) -> {
      CleanedText c = cleaner.clean(raw == null ? "" : raw, title,
          line -> Arrays.binarySearch(hashes, LineKeys.keyHash(line)) >= 0);
      List<Row> removed = new ArrayList<>(c.removed().size());
      for (CleanedText.RemovedLine r : c.removed()) {
        removed.add(RowFactory.create(r.line(), r.text(), r.reason()));
      }
      return RowFactory.create(c.title(), c.titleMethod(), c.text(),
          ScalaValues.seq(removed), c.author(), c.titleSite());
    }, CLEANED_TYPE).asNondeterministic();
    boolean hasTitle = dataset.schema().getFieldIndex(BoilerplateRemover.RECORD_TITLE).nonEmpty();
    return dataset.withColumn(CLEANED, clean.apply(col(BoilerplateRemover.RAW_TEXT),
        hasTitle ? col(BoilerplateRemover.RECORD_TITLE) : lit(null).cast("string")));
  }

  private BoilerplateRemoverModel withPassages(RepeatedPassages learned) {
    return copyValues(new BoilerplateRemoverModel(uid, chromeHashes, titleSites, learned), ParamMap.empty())
        .setParent(parent());
  }

  static StructType outputSchema(StructType schema) {
    return schema.add(CLEANED, CLEANED_TYPE, false);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    if (schema.getFieldIndex(BoilerplateRemover.RAW_TEXT).isEmpty()) {
      throw new IllegalArgumentException("BoilerplateRemoverModel needs a raw_text column");
    }
    return outputSchema(schema);
  }

  @Override
  public BoilerplateRemoverModel copy(ParamMap extra) {
    return copyValues(new BoilerplateRemoverModel(uid, chromeHashes, titleSites, passages), extra).setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new Writer(this);
  }

  public static MLReader<BoilerplateRemoverModel> read() {
    return new Reader();
  }

  /** Params as JSON metadata; chrome hashes, title sites and passage shingles as Parquet files beside it. */
  private static final class Writer extends MLWriter {
    private final BoilerplateRemoverModel model;

    Writer(BoilerplateRemoverModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      DefaultParamsWriter.saveMetadata(model, path, sparkSession());
      List<Long> hashes = Arrays.stream(model.chromeHashes).boxed().toList();
      sparkSession().createDataset(hashes, Encoders.LONG()).toDF("hash").coalesce(1)
          .write().parquet(path + "/data");
      sparkSession().createDataset(List.copyOf(model.titleSites.keys()), Encoders.STRING()).toDF("key")
          .coalesce(1).write().parquet(path + "/" + TITLE_SITES_DIR);
      List<Long> shingles = Arrays.stream(model.passages.sortedShingles()).boxed().toList();
      sparkSession().createDataset(shingles, Encoders.LONG()).toDF("hash").coalesce(1)
          .write().parquet(path + "/" + PASSAGES_DIR);
    }
  }

  private static final String TITLE_SITES_DIR = "title_sites";
  private static final String PASSAGES_DIR = "passages";

  private static final class Reader extends MLReader<BoilerplateRemoverModel> {
    /** Models saved before title sites or passages were learned have none. */
    private boolean exists(String dir) {
      try {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
        return p.getFileSystem(sparkSession().sparkContext().hadoopConfiguration()).exists(p);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot read " + dir, e);
      }
    }

    private TitleSites titleSites(String path) {
      String dir = path + "/" + TITLE_SITES_DIR;
      if (!exists(dir)) {
        return TitleSites.none();
      }
      return new TitleSites(new java.util.TreeSet<>(
          sparkSession().read().parquet(dir).as(Encoders.STRING()).collectAsList()));
    }

    private long[] sortedHashes(String dir) {
      return sparkSession().read().parquet(dir).as(Encoders.LONG()).collectAsList()
          .stream().mapToLong(Long::longValue).sorted().toArray();
    }

    @Override
    public BoilerplateRemoverModel load(String path) {
      DefaultParamsReader.Metadata metadata = SavedModels.metadata(path, sparkSession(),
          BoilerplateRemoverModel.class.getName());
      long[] hashes = sortedHashes(path + "/data");
      BoilerplateRemoverModel model = new BoilerplateRemoverModel(metadata.uid(), hashes, titleSites(path),
          RepeatedPassages.none());
      metadata.getAndSetParams(model, scala.Option.empty());
      String passagesDir = path + "/" + PASSAGES_DIR;
      if (exists(passagesDir)) {
        int words = (Integer) model.getOrDefault(model.passageWords());
        model = model.withPassages(new RepeatedPassages(sortedHashes(passagesDir), words));
      }
      return model;
    }
  }
}
