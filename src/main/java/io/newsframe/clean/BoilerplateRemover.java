package io.newsframe.clean;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;

import io.newsframe.config.CleanSettings;
import io.newsframe.ml.SavedModels;
import io.newsframe.text.LineKeys;
import io.newsframe.text.TextNormalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.encoders.RowEncoder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Learns the batch's site chrome — normalized lines that recur across documents, passages that recur
 * inside lines ({@link RepeatedPassages}), and the site names its titles end with
 * ({@link TitleSites}) — and yields a
 * {@link BoilerplateRemoverModel} that removes it, with the line rules, from every article.
 * Reads {@code raw_text} (and {@code title}); the model adds the struct column {@code cleaned}.
 */
public final class BoilerplateRemover extends Estimator<BoilerplateRemoverModel>
    implements BoilerplateParams, DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  static final String RAW_TEXT = "raw_text";
  static final String RECORD_TITLE = "title";

  private final String uid;
  private final Declared declared;

  public BoilerplateRemover() {
    this(Identifiable.randomUID("boilerplate"));
  }

  public BoilerplateRemover(String uid) {
    this.uid = uid;
    this.declared = new Declared(this);
  }

  @Override
  public Declared declared() {
    return declared;
  }

  /** All settings at once, from conf. */
  public BoilerplateRemover withSettings(CleanSettings.RepeatedLines repeated, CleanSettings.Boilerplate lines) {
    set(minDocs(), repeated.minDocs());
    set(maxShortWords(), repeated.maxShortWords());
    set(minDocsLong(), repeated.minDocsLong());
    set(maxLines(), repeated.maxLines());
    set(passageWords(), repeated.passageWords());
    set(shortChars(), lines.shortChars());
    set(longChars(), lines.longChars());
    set(stopWordDensity(), lines.stopWordDensity());
    set(minBodyCharsBeforeEnd(), lines.minBodyCharsBeforeEnd());
    set(maxHeadingDistance(), lines.maxHeadingDistance());
    set(inlineChrome(), lines.inlineChrome());
    return this;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public BoilerplateRemoverModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    int minDocsValue = (Integer) getOrDefault(minDocs());
    int shortWords = (Integer) getOrDefault(maxShortWords());
    int longDocs = (Integer) getOrDefault(minDocsLong());
    int passageLength = (Integer) getOrDefault(passageWords());
    int max = (Integer) getOrDefault(maxLines());
    StructType keyed = new StructType().add("passage", "boolean").add("hash", "long").add("words", "int");
    // One pass over the normalized text: each document's distinct lines and passage shingles, then
    // documents per key; only the keys that recur enough are kept (and cached for the two lists).
    Dataset<Row> repeated = dataset.select(col(RAW_TEXT)).as(Encoders.STRING())
        .flatMap((FlatMapFunction<String, Row>) raw -> distinctKeys(raw, passageLength), RowEncoder.encoderFor(keyed))
        .groupBy("passage", "hash").agg(count("*").as("docs"), max("words").as("words"))
        .where(col("passage").and(col("docs").geq(longDocs))
            .or(not(col("passage")).and(col("docs").geq(minDocsValue))
                .and(col("words").leq(shortWords).or(col("docs").geq(longDocs)))))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long[] lines = mostFrequent(repeated.where(not(col("passage"))), max);
      RepeatedPassages passages = passageLength == 0 ? RepeatedPassages.none()
          : new RepeatedPassages(mostFrequent(repeated.where(col("passage")), max), passageLength);
      TitleSites sites = TitleSites.learn(dataset, RECORD_TITLE, minDocsValue, max);
      BoilerplateRemoverModel model = new BoilerplateRemoverModel(uid, lines, sites, passages);
      copyValues(model, extractParamMap());
      return model.setParent(this);
    } finally {
      repeated.unpersist();
    }
  }

  /** The hashes of the {@code max} keys in most documents, sorted for binary search. */
  private static long[] mostFrequent(Dataset<Row> keys, int max) {
    List<Long> hashes = keys.orderBy(desc("docs"), col("hash")).limit(max)
        .select("hash").as(Encoders.LONG()).collectAsList();
    return hashes.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  private static java.util.Iterator<Row> distinctKeys(String raw, int passageWords) {
    Set<Long> seenLines = new HashSet<>();
    Set<Long> seenShingles = new HashSet<>();
    List<Row> out = new java.util.ArrayList<>();
    if (raw == null) {
      return out.iterator();
    }
    for (String line : TextNormalizer.normalize(raw).split("\n")) {
      long hash = LineKeys.keyHash(line);
      // A line of no word has the empty key, which is not counted.
      if ((hash != LineKeys.emptyHash() || LineKeys.keyWords(line) > 0) && seenLines.add(hash)) {
        out.add(RowFactory.create(false, hash, LineKeys.keyWords(line)));
      }
      for (long shingle : RepeatedPassages.shingles(line, passageWords)) {
        if (seenShingles.add(shingle)) {
          out.add(RowFactory.create(true, shingle, passageWords));
        }
      }
    }
    return out.iterator();
  }

  @Override
  public StructType transformSchema(StructType schema) {
    if (schema.getFieldIndex(RAW_TEXT).isEmpty()) {
      throw new IllegalArgumentException("BoilerplateRemover needs a " + RAW_TEXT + " column");
    }
    return BoilerplateRemoverModel.outputSchema(schema);
  }

  @Override
  public BoilerplateRemover copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<BoilerplateRemover> read() {
    return SavedModels.paramsReader();
  }
}
