package io.newsframe.topics;

import cc.mallet.topics.ParallelTopicModel;
import cc.mallet.types.Alphabet;
import cc.mallet.types.FeatureSequence;
import cc.mallet.types.Instance;
import cc.mallet.types.InstanceList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsframe.cli.Sessions;
import io.newsframe.config.ConfigLoader;
import io.newsframe.config.NewsframeConfig;
import io.newsframe.config.TopicsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * newsframe's topic model against MALLET's ParallelTopicModel on exactly the same article_tokens
 * of a warehouse, same K, same iterations, same cores: the samplers' wall time (and newsframe's whole
 * fit, which also scores NPMI and labels topics), NPMI (the pipeline's Coherence, same windows) and
 * diversity of both; with a labels file, the NMI of each one's dominant topic
 * with the labels. Prints a Markdown table row per system.
 *
 * <p>Arguments: WAREHOUSE K ITERATIONS THREADS SEED [LABELS.jsonl LABEL_FIELD]; both systems take
 * SEED (one run is not the mean: NPMI moves from seed to seed by more than the two differ).
 */
public final class TopicBench {
  private static final int WARM_UP_ITERATIONS = 10;

  private TopicBench() {}

  public static void main(String[] args) throws Exception {
    String warehouse = args[0];
    int k = Integer.parseInt(args[1]);
    int iterations = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    String seed = args[4];
    Map<String, String> labels = args.length > 6 ? labels(Path.of(args[5]), args[6]) : Map.of();
    NewsframeConfig config = ConfigLoader.load(null, Map.of("warehouse", warehouse,
        "spark.master", "local[" + threads + "]", "topics.topics", Integer.toString(k),
        "topics.iterations", Integer.toString(iterations), "topics.partitions", Integer.toString(threads), "topics.seed", seed));
    SparkSession spark = Sessions.create(config);
    spark.sql("USE newsframe.news");
    List<Row> vocabulary = spark.sql("SELECT term, display FROM vocabulary ORDER BY term_index").collectAsList();
    String[] terms = vocabulary.stream().map(r -> r.getString(0)).toArray(String[]::new);
    String[] display = vocabulary.stream().map(r -> r.getString(1)).toArray(String[]::new);
    Dataset<Row> tokens = spark.sql("SELECT id, tokens, token_count FROM article_tokens WHERE token_count > 0").cache();
    long documents = tokens.count();
    long tokenCount = tokens.agg(org.apache.spark.sql.functions.sum("token_count")).first().getLong(0);
    System.err.printf("bench: %d articles, %d tokens, V = %d, K = %d, %d iterations, %d threads%n",
        documents, tokenCount, terms.length, k, iterations, threads);

    Dataset<Row> titles = spark.sql("SELECT id, title FROM articles WHERE for_modelling");
    // Each system first runs a few sweeps untimed, so that neither is timed loading its classes,
    // compiling its sampler or (for Spark) generating code: whichever ran first would pay for it.
    TopicsStage.fit(spark, tokens, terms, display, titles, config.topics().with(k, WARM_UP_ITERATIONS))
        .articleTopics().unpersist();
    long start = System.nanoTime();
    TopicsStage.Result ours = TopicsStage.fit(spark, tokens, terms, display, titles, config.topics());
    double oursSeconds = (System.nanoTime() - start) / 1e9;
    Map<String, Integer> oursDominant = new HashMap<>();
    for (Row r : ours.articleTopics().select("id", "dominant_topic").collectAsList()) {
      oursDominant.put(r.getString(0), r.getInt(1));
    }
    double samplerSeconds = samplerSeconds(spark, tokens, terms, config.topics());

    // MALLET on the same sequences: the alphabet is our vocabulary, in term_index order.
    Alphabet alphabet = new Alphabet(terms);
    InstanceList instances = new InstanceList(alphabet, null);
    List<String> ids = new ArrayList<>();
    List<int[]> sequences = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < terms.length; i++) {
      index.put(terms[i], i);
    }
    for (Row r : tokens.orderBy("id").collectAsList()) {
      List<String> list = r.getList(1);
      int[] seq = list.stream().mapToInt(index::get).toArray();
      ids.add(r.getString(0));
      sequences.add(seq);
      instances.add(new Instance(new FeatureSequence(alphabet, seq), null, r.getString(0), null));
    }
    mallet(instances, k, WARM_UP_ITERATIONS, threads, config.topics()).estimate();
    ParallelTopicModel mallet = mallet(instances, k, iterations, threads, config.topics());
    start = System.nanoTime();
    mallet.estimate();
    double malletSeconds = (System.nanoTime() - start) / 1e9;
    int[][] malletTop = new int[k][];
    var sorted = mallet.getSortedWords();
    for (int t = 0; t < k; t++) {
      malletTop[t] = sorted.get(t).stream().limit(25).mapToInt(ws -> ws.getID()).toArray();
    }
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int[][] malletTop10 = java.util.Arrays.stream(malletTop).map(t -> java.util.Arrays.copyOf(t, Math.min(10, t.length)))
        .toArray(int[][]::new);
    double malletNpmi = java.util.Arrays.stream(Coherence.npmi(sc.parallelize(sequences, threads), malletTop10))
        .average().orElse(0);
    Map<String, Integer> malletDominant = new HashMap<>();
    for (int d = 0; d < ids.size(); d++) {
      double[] p = mallet.getTopicProbabilities(d);
      int best = 0;
      for (int t = 1; t < k; t++) {
        if (p[t] > p[best]) {
          best = t;
        }
      }
      malletDominant.put(ids.get(d), best);
    }

    System.out.println("| system | K | iterations | threads | train s | with NPMI and labels s | NPMI | diversity (top 25) | NMI with labels | NMI with MALLET |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    System.out.printf("| newsframe AD-LDA | %d | %d | %d | %.1f | %.1f | %.3f | %.2f | %s | %.3f |%n", k, iterations,
        threads, samplerSeconds, oursSeconds, ours.meanNpmi(), ours.diversity(), nmiText(oursDominant, labels),
        nmi(oursDominant, malletDominant));
    System.out.printf("| MALLET 2.1.1 ParallelTopicModel | %d | %d | %d | %.1f | – | %.3f | %.2f | %s | 1 |%n", k,
        iterations, threads, malletSeconds, malletNpmi, diversity(malletTop, k), nmiText(malletDominant, labels));
    spark.stop();
  }

  /**
   * newsframe's sampler alone on the same articles, as MALLET's estimate() is timed: from the
   * documents in memory to the trained counts (the random start included). The stage's fit, timed
   * above, also scores every topic's NPMI, labels topics by titles and builds article_topics.
   */
  private static double samplerSeconds(SparkSession spark, Dataset<Row> tokens, String[] terms,
      TopicsSettings settings) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<TopicDocument> documents = TopicsStage.documents(sc, tokens, terms, settings)
        .persist(StorageLevel.MEMORY_AND_DISK());
    documents.count();
    long start = System.nanoTime();
    AdLdaTrainer.train(sc, documents, terms.length, TopicsStage.trainerSettings(settings)).release();
    double seconds = (System.nanoTime() - start) / 1e9;
    documents.unpersist(false);
    return seconds;
  }

  private static ParallelTopicModel mallet(InstanceList instances, int k, int iterations, int threads,
      TopicsSettings settings) {
    ParallelTopicModel mallet = new ParallelTopicModel(k, settings.alphaSum(), settings.beta());
    mallet.addInstances(instances);
    mallet.setNumThreads(threads);
    mallet.setNumIterations(iterations);
    mallet.setOptimizeInterval(settings.optimizeInterval());
    mallet.setBurninPeriod(settings.burnIn());
    mallet.setRandomSeed((int) settings.seed());
    mallet.showTopicsInterval = 0;
    mallet.logger.setLevel(java.util.logging.Level.OFF);
    return mallet;
  }

  private static double diversity(int[][] top, int k) {
    Set<Integer> distinct = new HashSet<>();
    for (int[] t : top) {
      for (int w : t) {
        distinct.add(w);
      }
    }
    return distinct.size() / (25.0 * k);
  }

  private static String nmiText(Map<String, Integer> predicted, Map<String, String> labels) {
    if (labels.isEmpty()) {
      return "–";
    }
    Map<String, String> pred = new HashMap<>();
    predicted.forEach((id, topic) -> pred.put(id, topic.toString()));
    Map<String, String> truth = new HashMap<>();
    labels.forEach((id, label) -> {
      if (pred.containsKey(id)) {
        truth.put(id, label);
      }
    });
    return String.format("%.3f", nmiStrings(pred, truth));
  }

  private static double nmi(Map<String, Integer> a, Map<String, Integer> b) {
    Map<String, String> x = new HashMap<>();
    Map<String, String> y = new HashMap<>();
    a.forEach((id, v) -> {
      if (b.containsKey(id)) {
        x.put(id, v.toString());
        y.put(id, b.get(id).toString());
      }
    });
    return nmiStrings(x, y);
  }

  /** Normalized mutual information, arithmetic-mean normalization (as cluster_score.py and sklearn). */
  private static double nmiStrings(Map<String, String> a, Map<String, String> b) {
    Map<String, Integer> ca = new HashMap<>();
    Map<String, Integer> cb = new HashMap<>();
    Map<String, Integer> joint = new HashMap<>();
    int n = 0;
    for (var e : a.entrySet()) {
      String other = b.get(e.getKey());
      if (other == null) {
        continue;
      }
      n++;
      ca.merge(e.getValue(), 1, Integer::sum);
      cb.merge(other, 1, Integer::sum);
      joint.merge(e.getValue() + "\u0000" + other, 1, Integer::sum);
    }
    double mi = 0;
    for (var e : joint.entrySet()) {
      String[] parts = e.getKey().split("\u0000");
      double pxy = (double) e.getValue() / n;
      mi += pxy * Math.log(pxy / (((double) ca.get(parts[0]) / n) * ((double) cb.get(parts[1]) / n)));
    }
    double ha = entropy(ca, n);
    double hb = entropy(cb, n);
    return ha + hb == 0 ? 1 : 2 * mi / (ha + hb);
  }

  private static double entropy(Map<String, Integer> counts, int n) {
    double h = 0;
    for (int c : counts.values()) {
      double p = (double) c / n;
      h -= p * Math.log(p);
    }
    return h;
  }

  private static Map<String, String> labels(Path file, String field) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> out = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      JsonNode node = json.readTree(line);
      out.put(node.get("id").asText(), node.get(field).asText());
    }
    return out;
  }
}
