package io.newsframe.topics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted topic model: the vocabulary, word-topic counts and priors. It gives each topic's term
 * weights and infers the topic mixture of new documents by Gibbs sampling with the topics held
 * fixed. Saved as Parquet beside the run's other models.
 */
public final class TopicModel implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int INFERENCE_ITERATIONS = 50;
  private static final int INFERENCE_BURN_IN = 20;
  private final String[] terms;
  private final int topics;
  private final int[] wordTopic;
  private final double[] alpha;
  private final double beta;
  /** Tokens per topic, computed once per JVM on first use. */
  private transient int[] totals;

  public TopicModel(String[] terms, int topics, int[] wordTopic, double[] alpha, double beta) {
    this.terms = terms;
    this.topics = topics;
    this.wordTopic = wordTopic;
    this.alpha = alpha;
    this.beta = beta;
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

  /** Term ids of the known terms among {@code tokens}, in order. */
  public int[] termIds(List<String> tokens) {
    return ids(tokens, indexOf(terms));
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

  private static final StructType WORDS = new StructType().add("term_index", "int").add("term", "string")
      .add("counts", DataTypes.createArrayType(DataTypes.IntegerType));
  private static final StructType PRIORS = new StructType().add("topics", "int").add("beta", "double")
      .add("alpha", DataTypes.createArrayType(DataTypes.DoubleType));

  public void save(SparkSession spark, String path) {
    List<Row> rows = new ArrayList<>(terms.length);
    for (int w = 0; w < terms.length; w++) {
      Integer[] counts = new Integer[topics];
      for (int k = 0; k < topics; k++) {
        counts[k] = wordTopic[w * topics + k];
      }
      rows.add(RowFactory.create(w, terms[w], Arrays.asList(counts)));
    }
    spark.createDataFrame(rows, WORDS).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path + "/words");
    List<Double> alphaList = Arrays.stream(alpha).boxed().toList();
    spark.createDataFrame(List.of(RowFactory.create(topics, beta, alphaList)), PRIORS).coalesce(1)
        .write().mode(SaveMode.Overwrite).parquet(path + "/priors");
  }

  public static TopicModel load(SparkSession spark, String path) {
    Row priors = spark.read().parquet(path + "/priors").first();
    int topics = priors.getInt(0);
    double[] alpha = priors.getList(2).stream().mapToDouble(o -> (Double) o).toArray();
    List<Row> words = spark.read().parquet(path + "/words").orderBy("term_index").collectAsList();
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
    return new TopicModel(terms, topics, wordTopic, alpha, priors.getDouble(1));
  }
}
