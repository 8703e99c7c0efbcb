package io.newsframe.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.udf;

import io.newsframe.config.FeaturesSettings;
import io.newsframe.tables.ScalaValues;
import io.newsframe.tables.Tables;
import io.newsframe.text.PartialCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import io.newsframe.text.StableCountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.IDFModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The features stage: clean articles to terms ({@link TermTokenizer}), collocations
 * ({@link PhraseDetector}, one per pass), a pruned vocabulary with term counts
 * ({@link StableCountVectorizer}: MLlib's, ties broken by term) and TF-IDF ({@link IDF}), as one
 * Spark ML pipeline saved with the run; and from its output the rows of article_tokens, article_features and vocabulary.
 */
public final class FeaturesStage {
  public static final String NAME = "features";
  static final String DOCUMENT = "document";
  static final String TERMS = "terms";
  static final String PHRASED = "phrased";
  static final String COUNTS = "counts";
  static final String TFIDF = "tfidf_vector";

  /** A batch of n articles asks a term to be in at most n / 20 of them (then min-docs applies). */
  private static final long SMALL_BATCH_DIVISOR = 20;

  private FeaturesStage() {}

  /**
   * @param documents how many articles it will be fitted on: document-frequency bounds are counts
   *     (MLlib checks min <= max in one unit), and a small batch gets a lower minimum so that it
   *     still has a vocabulary
   */
  public static Pipeline pipeline(FeaturesSettings settings, long documents) {
    long minDocs = Math.min(settings.vocabulary().minDocs(), Math.max(1, documents / SMALL_BATCH_DIVISOR));
    long maxDocs = Math.max(minDocs, (long) Math.floor(settings.vocabulary().maxDocShare() * documents));
    List<PipelineStage> stages = new ArrayList<>();
    stages.add(tokenizer(settings));
    for (int pass = 0; pass < settings.phrases().passes(); pass++) {
      stages.add(new PhraseDetector().setMinCount(settings.phrases().minCount())
          .setThreshold(settings.phrases().threshold()).setMaxPhrases(settings.phrases().max()));
    }
    stages.add(new org.apache.spark.ml.feature.SQLTransformer().setStatement(
        "SELECT *, filter(" + TERMS + ", t -> t != '" + TermAnalyzer.BOUNDARY + "') AS " + PHRASED + " FROM __THIS__"));
    stages.add(new StableCountVectorizer().setInputCol(PHRASED).setOutputCol(COUNTS)
        .setMinDF(minDocs).setMaxDF(maxDocs)
        .setVocabSize(settings.vocabulary().maxSize()));
    stages.add(new IDF().setInputCol(COUNTS).setOutputCol(TFIDF));
    return new Pipeline().setStages(stages.toArray(new PipelineStage[0]));
  }

  private static TermTokenizer tokenizer(FeaturesSettings settings) {
    return new TermTokenizer().setInputCol(DOCUMENT).setOutputCol(TERMS).setStem(settings.stem())
        .setLemmatize(settings.lemmatize());
  }

  /** The id and terms of {@code documents}: the pipeline's first stage, which fits nothing. */
  public static Dataset<Row> tokenize(FeaturesSettings settings, Dataset<Row> documents) {
    return tokenizer(settings).transform(documents).drop(DOCUMENT);
  }

  /**
   * The features pipeline fitted on documents already tokenized by {@link #tokenize} (keep them:
   * each fitted stage reads them once more, and lemmas cost about 0.1 ms a word). The model's
   * first stage is that tokenizer, so that a batch it is reused on is tokenized the same way.
   *
   * @param count how many documents {@code tokenized} holds (the IDF's document count)
   */
  public static PipelineModel fitTokenized(FeaturesSettings settings, Dataset<Row> tokenized, long count) {
    PipelineStage[] stages = pipeline(settings, count).getStages();
    int vectorizerAt = stages.length - 2;
    Dataset<Row> terms = tokenized.select(TERMS);
    PipelineModel phrasing = new Pipeline().setStages(Arrays.copyOfRange(stages, 1, vectorizerAt)).fit(terms);
    // The vocabulary's document frequencies come with it, so the IDF makes no pass of its own over
    // the batch (which would phrase and count every document again).
    StableCountVectorizer.Counted counted = ((StableCountVectorizer) stages[vectorizerAt])
        .fitCounted(phrasing.transform(terms));
    List<PipelineStage> all = new ArrayList<>();
    all.add(stages[0]);
    all.addAll(Arrays.asList(phrasing.stages()));
    all.add(counted.model());
    all.add(StableCountVectorizer.idfModel((IDF) stages[vectorizerAt + 1], counted.documentFrequencies(), count));
    // Transformers only: fit checks them against a documents schema and assembles them, running no job.
    Dataset<Row> schemaOnly = tokenized.sparkSession().createDataFrame(List.of(),
        new org.apache.spark.sql.types.StructType().add(DOCUMENT, DataTypes.StringType));
    return new Pipeline().setStages(all.toArray(new PipelineStage[0])).fit(schemaOnly);
  }

  /** The text the features are made from: headline and body. */
  public static Dataset<Row> documents(Dataset<Row> articles) {
    return articles.select(col("id"), concat_ws("\n", col("title"), col("text")).as(DOCUMENT));
  }

  /** The fitted vocabulary, in term_index order. */
  public static String[] vocabulary(PipelineModel model) {
    return countModel(model).vocabulary();
  }

  private static TermTokenizer tokenizerOf(PipelineModel model) {
    if (model.stages().length == 0 || !(model.stages()[0] instanceof TermTokenizer tokenizer)) {
      throw new IllegalArgumentException("not a features model: its first stage is not the tokenizer");
    }
    return tokenizer;
  }

  private static CountVectorizerModel countModel(PipelineModel model) {
    return (CountVectorizerModel) Arrays.stream(model.stages())
        .filter(s -> s instanceof CountVectorizerModel).findFirst().orElseThrow();
  }

  /** id, tokens (vocabulary terms only, in order), token_count, term_counts, tfidf. */
  public static Dataset<Row> transform(PipelineModel model, Dataset<Row> documents) {
    return transformTokenized(model, tokenizerOf(model).transform(documents));
  }

  /**
   * As {@link #transform}, from documents the model's own tokenizer already tokenized (the
   * documents a model was just fitted on): they are not tokenized a second time.
   */
  public static Dataset<Row> transformTokenized(PipelineModel model, Dataset<Row> tokenized) {
    Transformer[] stages = model.stages();
    tokenizerOf(model); // fails on a model that is not this stage's: its first stage, skipped here, is the tokenizer
    Dataset<Row> transformed = tokenized;
    for (int i = 1; i < stages.length; i++) {
      transformed = stages[i].transform(transformed);
    }
    Set<String> vocabulary = new HashSet<>(Arrays.asList(vocabulary(model)));
    var keep = udf((UDF1<scala.collection.immutable.Seq<String>, scala.collection.immutable.Seq<String>>) terms -> {
      List<String> out = new ArrayList<>();
      for (String t : ScalaValues.list(terms)) {
        if (vocabulary.contains(t)) {
          out.add(t);
        }
      }
      return ScalaValues.seq(out);
    }, DataTypes.createArrayType(DataTypes.StringType, false));
    var sparse = udf((UDF1<Vector, Row>) FeaturesStage::sparseRow, io.newsframe.tables.Tables.SPARSE_VECTOR);
    return transformed
        .withColumn("tokens", keep.apply(col(PHRASED)))
        .select(col("id"), col("tokens"), org.apache.spark.sql.functions.size(col("tokens")).as("token_count"),
            sparse.apply(col(COUNTS)).as("term_counts"), sparse.apply(col(TFIDF)).as("tfidf"));
  }

  private static Row sparseRow(Vector vector) {
    SparseVector v = vector.toSparse();
    return RowFactory.create(v.size(), ScalaValues.seq(Arrays.stream(v.indices()).boxed().toList()),
        ScalaValues.seq(Arrays.stream(v.values()).boxed().toList()));
  }

  /**
   * The vocabulary table's rows: term_index, term, display, doc_freq. A term shows as the commonest
   * word it was made from; a phrase as its parts' words.
   */
  public static Dataset<Row> vocabularyRows(SparkSession spark, PipelineModel model, Dataset<Row> documents) {
    String[] terms = vocabulary(model);
    long[] docFreq = Arrays.stream(model.stages()).filter(s -> s instanceof IDFModel)
        .map(s -> ((IDFModel) s).docFreq()).findFirst().orElseThrow();
    Set<String> parts = new HashSet<>();
    for (String term : terms) {
      parts.addAll(Arrays.asList(term.split(PhraseModel.JOINER)));
    }
    // The model's own analyzer: a reused model's terms were made its way, whatever the conf says now.
    TermAnalyzer analyzer = new TermAnalyzer(Arrays.stream(model.stages()).filter(s -> s instanceof TermTokenizer)
        .map(s -> ((TermTokenizer) s).form()).findFirst().orElseThrow());
    Map<String, String> display = new HashMap<>();
    // (part, word) pairs counted in each task, then in Spark; only the commonest word per part
    // reaches the driver.
    Dataset<Row> words = documents.select(DOCUMENT).as(Encoders.STRING())
        .mapPartitions((MapPartitionsFunction<String, Row>) texts -> PartialCounts.of(texts,
            (String text, Consumer<TermAnalyzer.Term> pairs) -> surfaces(analyzer, text, parts, pairs),
            (pair, n) -> RowFactory.create(pair.term(), pair.surface(), n), PartialCounts.MAX_KEYS),
            Encoders.row(SURFACE_COUNTS))
        .groupBy("part", "word").agg(org.apache.spark.sql.functions.sum("count").as("count"))
        .groupBy("part").agg(org.apache.spark.sql.functions.expr("max_by(word, struct(count, word))").as("word"));
    for (Row r : words.collectAsList()) {
      display.put(r.getString(0), r.getString(1));
    }
    List<Row> rows = new ArrayList<>(terms.length);
    for (int i = 0; i < terms.length; i++) {
      StringBuilder shown = new StringBuilder();
      for (String part : terms[i].split(PhraseModel.JOINER)) {
        shown.append(shown.length() == 0 ? "" : " ").append(display.getOrDefault(part, part));
      }
      rows.add(RowFactory.create(i, terms[i], shown.toString(), docFreq[i]));
    }
    return spark.createDataFrame(rows, Tables.VOCABULARY.dataSchema());
  }

  private static final StructType SURFACE_COUNTS = new StructType().add("part", DataTypes.StringType, false)
      .add("word", DataTypes.StringType, false).add("count", DataTypes.LongType, false);

  /** The text's terms that are parts of the vocabulary, each with the word it was made from. */
  private static void surfaces(TermAnalyzer analyzer, String text, Set<String> parts,
      Consumer<TermAnalyzer.Term> pairs) {
    for (TermAnalyzer.Term t : analyzer.terms(text)) {
      if (parts.contains(t.term())) {
        pairs.accept(t);
      }
    }
  }
}
