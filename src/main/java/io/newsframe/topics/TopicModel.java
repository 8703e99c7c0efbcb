package io.newsframe.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.newsframe.ml.SavedModels;
import io.newsframe.tables.ScalaValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
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
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted topic model: the vocabulary, word-topic counts and priors. It gives each topic's term
 * weights and infers the topic mixture of new documents by Gibbs sampling with the topics held
 * fixed. A Spark ML model: {@link #transform} adds each document's mixture, and it is saved and
 * read with Spark ML persistence ({@link #write()}, {@link #read()}) like the other stages' models.
 */
public final class TopicModel extends Model<TopicModel> implements MLWritable {
  private static final long serialVersionUID = 1L;
  private static final DataType MIXTURE = DataTypes.createArrayType(DataTypes.DoubleType, false);
  private static final int INFERENCE_ITERATIONS = 50;
  private static final int INFERENCE_BURN_IN = 20;
  private final String[] terms;
  private final int topics;
  private final int[] wordTopic;
  private final double[] alpha;
  private final double beta;
  private final String uid;
  final Param<String> tokensCol;
  final Param<String> idCol;
  final Param<String> outputCol;
  final LongParam seed;
  /** Tokens per topic and the term index, computed once per JVM on first use. */
  private transient int[] totals;
  private transient Map<String, Integer> termIndex;

  public TopicModel(String[] terms, int topics, int[] wordTopic, double[] alpha, double beta) {
    this(Identifiable$.MODULE$.randomUID("topics"), terms, topics, wordTopic, alpha, beta);
  }

  private TopicModel(String uid, String[] terms, int topics, int[] wordTopic, double[] alpha, double beta) {
    this.uid = uid;
    this.terms = terms;
    this.topics = topics;
    this.wordTopic = wordTopic;
    this.alpha = alpha;
    this.beta = beta;
    tokensCol = new Param<>(this, "tokensCol", "array<string> column of the document's terms");
    idCol = new Param<>(this, "idCol", "string column of the document id, which seeds its chain");
    outputCol = new Param<>(this, "outputCol", "array<double> column for the inferred topic mixture");
    seed = new LongParam(this, "seed", "seed of the inference chains");
    setDefault(tokensCol, "tokens");
    setDefault(idCol, "id");
    setDefault(outputCol, "topic_distribution");
    setDefault(seed, 0L);
  }

  public int topics() {
    return topics;
  }

  public String[] terms() {
    return terms;
  }

  public double[] alpha() {
    return alpha.clone();
  }

  public double beta() {
    return beta;
  }

  /** Tokens per topic over the training corpus. */
  public int[] topicTotals() {
    if (totals == null) {
      totals = AdLdaTrainer.totals(wordTopic, topics);
    }
    return totals.clone();
  }

  /** p(term | topic) with the prior: (n_wk + beta) / (n_k + V beta). */
  public double weight(int term, int topic, int[] totals) {
    return (wordTopic[term * topics + topic] + beta) / (totals[topic] + terms.length * beta);
  }

  /** The topic's n best term ids, best first (ties by term id). */
  public int[] topTerms(int topic, int n) {
    Integer[] order = new Integer[terms.length];
    for (int w = 0; w < order.length; w++) {
      order[w] = w;
    }
    Arrays.sort(order, (a, b) -> {
      int c = Integer.compare(wordTopic[b * topics + topic], wordTopic[a * topics + topic]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    return Arrays.stream(order).limit(n).mapToInt(Integer::intValue).toArray();
  }

  /** The topic mixture of a document given as term ids, by sampling with the topics fixed. */
  public double[] infer(int[] words, long seed) {
    double[] mixture = new double[topics];
    double alphaSum = Arrays.stream(alpha).sum();
    if (words.length == 0) {
      for (int k = 0; k < topics; k++) {
        mixture[k] = alpha[k] / alphaSum;
      }
      return mixture;
    }
    int[] totals = topicTotals();
    SplittableRandom random = new SplittableRandom(seed);
    int[] assigned = new int[words.length];
    int[] docTopic = new int[topics];
    for (int i = 0; i < words.length; i++) {
      assigned[i] = random.nextInt(topics);
      docTopic[assigned[i]]++;
    }
    double[] p = new double[topics];
    int kept = 0;
    for (int iteration = 0; iteration < INFERENCE_ITERATIONS; iteration++) {
      for (int i = 0; i < words.length; i++) {
        docTopic[assigned[i]]--;
        double sum = 0;
        for (int k = 0; k < topics; k++) {
          sum += (alpha[k] + docTopic[k]) * weight(words[i], k, totals);
          p[k] = sum;
        }
        double u = random.nextDouble() * sum;
        int k = 0;
        while (k < topics - 1 && p[k] < u) {
          k++;
        }
        assigned[i] = k;
        docTopic[k]++;
      }
      if (iteration >= INFERENCE_BURN_IN) {
        for (int k = 0; k < topics; k++) {
          mixture[k] += (docTopic[k] + alpha[k]) / (words.length + alphaSum);
        }
        kept++;
      }
    }
    for (int k = 0; k < topics; k++) {
      mixture[k] /= kept;
    }
    return mixture;
  }

  private Map<String, Integer> termIndex() {
    if (termIndex == null) {
      termIndex = indexOf(terms);
    }
    return termIndex;
  }

  static Map<String, Integer> indexOf(String[] terms) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < terms.length; i++) {
      index.put(terms[i], i);
    }
    return index;
  }

  static int[] ids(List<String> tokens, Map<String, Integer> index) {
    return tokens.stream().map(index::get).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).toArray();
  }

  // Spark ML finds Params through public no-argument methods that return them.
  public Param<String> tokensCol() {
    return tokensCol;
  }

  public Param<String> idCol() {
    return idCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public LongParam seed() {
    return seed;
  }

  public TopicModel setSeed(long value) {
    set(seed, value);
    return this;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    requireColumn(schema, getOrDefault(idCol), DataTypes.StringType);
    requireColumn(schema, getOrDefault(tokensCol), DataTypes.createArrayType(DataTypes.StringType));
    String out = getOrDefault(outputCol);
    if (java.util.Arrays.asList(schema.fieldNames()).contains(out)) {
      throw new IllegalArgumentException("the topic mixture column " + out + " exists already");
    }
    return schema.add(out, MIXTURE, false);
  }

  private static void requireColumn(StructType schema, String name, DataType type) {
    if (!java.util.Arrays.asList(schema.fieldNames()).contains(name)) {
      throw new IllegalArgumentException("the topic model needs a column " + name + " (" + type.simpleString()
          + "); the input has " + String.join(", ", schema.fieldNames()));
    }
    DataType actual = schema.apply(name).dataType();
    boolean matches = type instanceof ArrayType a && actual instanceof ArrayType b
        ? a.elementType().equals(b.elementType()) : type.equals(actual);
    if (!matches) {
      throw new IllegalArgumentException("the topic model's column " + name + " must be " + type.simpleString()
          + ", not " + actual.simpleString());
    }
  }

  /**
   * Adds each document's topic mixture, inferred with the topics fixed; the chain of a document is
   * seeded by the seed param and its id, so a mixture does not depend on partitioning or order.
   */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    // Read once per executor, not once per task (the counts are vocabulary x K).
    Broadcast<TopicModel> shared = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext())
        .broadcast(this);
    long base = (Long) getOrDefault(seed);
    UserDefinedFunction mixture = udf((UDF2<String, scala.collection.immutable.Seq<String>, double[]>) (id, tokens) -> {
      TopicModel model = shared.value();
      return model.infer(ids(ScalaValues.list(tokens), model.termIndex()), base ^ id.hashCode());
    }, MIXTURE);
    return dataset.withColumn(getOrDefault(outputCol),
        mixture.apply(col(getOrDefault(idCol)), col(getOrDefault(tokensCol))));
  }

  @Override
  public TopicModel copy(ParamMap extra) {
    return copyValues(new TopicModel(uid, terms, topics, wordTopic, alpha, beta), extra).setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new Writer(this);
  }

  public static MLReader<TopicModel> read() {
    return new Reader();
  }

  private static final StructType WORDS = new StructType().add("term_index", "int").add("term", "string")
      .add("counts", DataTypes.createArrayType(DataTypes.IntegerType));
  private static final StructType PRIORS = new StructType().add("topics", "int").add("beta", "double")
      .add("alpha", DataTypes.createArrayType(DataTypes.DoubleType));

  /** Params as Spark ML's JSON metadata; the word-topic counts and the priors as Parquet beside it. */
  private static final class Writer extends MLWriter {
    private final TopicModel model;

    Writer(TopicModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      DefaultParamsWriter.saveMetadata(model, path, sparkSession());
      List<Row> rows = new ArrayList<>(model.terms.length);
      for (int w = 0; w < model.terms.length; w++) {
        Integer[] counts = new Integer[model.topics];
        for (int k = 0; k < model.topics; k++) {
          counts[k] = model.wordTopic[w * model.topics + k];
        }
        rows.add(RowFactory.create(w, model.terms[w], Arrays.asList(counts)));
      }
      sparkSession().createDataFrame(rows, WORDS).coalesce(1).write().parquet(path + "/words");
      List<Double> alphaList = Arrays.stream(model.alpha).boxed().toList();
      sparkSession().createDataFrame(List.of(RowFactory.create(model.topics, model.beta, alphaList)), PRIORS)
          .coalesce(1).write().parquet(path + "/priors");
    }
  }

  private static final class Reader extends MLReader<TopicModel> {
    @Override
    public TopicModel load(String path) {
      DefaultParamsReader.Metadata metadata = SavedModels.metadata(path, sparkSession(),
          TopicModel.class.getName());
      Row priors = sparkSession().read().parquet(path + "/priors").first();
      int topics = priors.getInt(0);
      double[] alpha = priors.getList(2).stream().mapToDouble(o -> (Double) o).toArray();
      // The vocabulary is bounded by features.vocab-size: it is the model, not the corpus.
      List<Row> words = sparkSession().read().parquet(path + "/words").orderBy("term_index").collectAsList();
      String[] terms = new String[words.size()];
      int[] wordTopic = new int[words.size() * topics];
      for (Row r : words) {
        int w = r.getInt(0);
        terms[w] = r.getString(1);
        List<Integer> counts = r.getList(2);
        for (int k = 0; k < topics; k++) {
          wordTopic[w * topics + k] = counts.get(k);
        }
      }
      TopicModel model = new TopicModel(metadata.uid(), terms, topics, wordTopic, alpha, priors.getDouble(1));
      metadata.getAndSetParams(model, scala.Option.empty());
      return model;
    }
  }
}
