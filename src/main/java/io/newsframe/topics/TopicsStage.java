package io.newsframe.topics;

import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;

import io.newsframe.config.TopicsSettings;
import io.newsframe.tables.ScalaValues;
import io.newsframe.tables.Tables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The topics stage: LDA over article_tokens by distributed collapsed Gibbs sampling
 * ({@link AdLdaTrainer}), then the result tables' rows: topics with their terms, NPMI, prevalence
 * and label; each article's topic mixture; topic shares over weeks and months and per source.
 */
public final class TopicsStage {
  public static final String NAME = "topics";
  static final int NPMI_TERMS = 10;
  static final int DIVERSITY_TERMS = 25;
  static final int TITLES_PER_TOPIC = 3;

  /**
   * What one training run produces; {@code sweep} holds the mean NPMI of each candidate K when K was
   * chosen automatically (else it is empty).
   */
  public record Result(TopicModel model, Dataset<Row> topics, Dataset<Row> articleTopics, double meanNpmi,
      double diversity, Map<Integer, Double> sweep) {}

  private TopicsStage() {}

  /**
   * @param tokens article_tokens rows (id, tokens)
   * @param terms the vocabulary in term_index order, and {@code display} its display forms
   * @param titles id and title of the modelled articles, for labels
   */
  public static Result fit(SparkSession spark, Dataset<Row> tokens, String[] terms, String[] display,
      Dataset<Row> titles, TopicsSettings s) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<TopicDocument> documents = documents(sc, tokens, terms, s).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<Integer, Double> sweep = s.topics() == TopicsSettings.AUTO ? sweep(sc, documents, terms.length, s) : Map.of();
      int k = sweep.isEmpty() ? s.topics()
          : sweep.entrySet().stream().max(Map.Entry.<Integer, Double>comparingByValue()
              .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).orElseThrow().getKey();
      AdLdaTrainer.Result trained = AdLdaTrainer.train(sc, documents, terms.length, trainerSettings(s.with(k, s.iterations())));
      TopicModel model = new TopicModel(terms, k, trained.wordTopic(), trained.alpha(), trained.beta());
      Dataset<Row> articleTopics = articleTopics(spark, trained, model).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        Result described = describe(spark, model, articleTopics, trained.documents(), display, titles, s.topTerms());
        return new Result(model, described.topics(), articleTopics, described.meanNpmi(), described.diversity(), sweep);
      } finally {
        trained.release();
      }
    } finally {
      documents.unpersist(false);
    }
  }

  /**
   * K chosen by coherence: a short run (auto.iterations sweeps) for each candidate, scored by the
   * mean NPMI of its topics over the same documents; the best wins, the smaller K on a tie.
   */
  private static Map<Integer, Double> sweep(JavaSparkContext sc, JavaRDD<TopicDocument> documents, int vocabularySize,
      TopicsSettings s) {
    Map<Integer, Double> scores = new java.util.TreeMap<>();
    for (int candidate : s.autoCandidates()) {
      AdLdaTrainer.Result trial = AdLdaTrainer.train(sc, documents, vocabularySize,
          trainerSettings(s.with(candidate, s.autoIterations())));
      TopicModel model = new TopicModel(new String[vocabularySize], candidate, trial.wordTopic(), trial.alpha(), trial.beta());
      int[][] top = new int[candidate][];
      for (int t = 0; t < candidate; t++) {
        top[t] = model.topTerms(t, NPMI_TERMS);
      }
      scores.put(candidate, Arrays.stream(Coherence.npmi(trial.documents().map(TopicDocument::words), top))
          .average().orElse(0));
      trial.release();
    }
    return scores;
  }

  /** The sampler's settings from the stage's (package-private for the MALLET comparison too). */
  static AdLdaTrainer.Settings trainerSettings(TopicsSettings s) {
    return new AdLdaTrainer.Settings(s.topics(), s.iterations(), s.alignedSweeps(), s.sweepsPerSync(), s.burnIn(), s.optimizeInterval(),
        s.alphaSum(), s.beta(), s.seed(), s.driverMaxTokens());
  }

  /**
   * A saved model applied to a new batch: each article's mixture inferred with the model's topics
   * fixed; the topics described, with NPMI counted over this batch.
   *
   * @param display display forms of the model's terms, in the model's term order
   */
  public static Result infer(SparkSession spark, TopicModel model, Dataset<Row> tokens, String[] display,
      Dataset<Row> titles, TopicsSettings s) {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<TopicDocument> documents = documents(sc, tokens, model.terms(), s).persist(StorageLevel.MEMORY_AND_DISK());
    Column mixture = col("topic_distribution");
    Dataset<Row> articleTopics = model.copy(new ParamMap()).setSeed(s.seed())
        .transform(tokens.where(col("token_count").gt(0)).select("id", "tokens"))
        .select(col("id"), mixture,
            // The first best topic, as in a fitted batch's rows.
            array_position(mixture, array_max(mixture)).minus(1).cast("int").as("dominant_topic"),
            array_max(mixture).as("dominant_share"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return describe(spark, model, articleTopics, documents, display, titles, s.topTerms());
    } finally {
      documents.unpersist(false);
    }
  }

  /**
   * Articles with tokens as term ids, partitioned by id and ordered, so that runs repeat exactly.
   * Package-private for the MALLET comparison (src/bench), which times the sampler on them alone.
   */
  static JavaRDD<TopicDocument> documents(JavaSparkContext sc, Dataset<Row> tokens, String[] terms,
      TopicsSettings s) {
    int partitions = s.partitions() > 0 ? s.partitions() : sc.defaultParallelism();
    return tokens.where(col("token_count").gt(0)).select("id", "tokens")
        .repartition(partitions, col("id")).sortWithinPartitions("id")
        .javaRDD().mapPartitions(rows -> {
          // One term index per partition, not per document.
          Map<String, Integer> index = TopicModel.indexOf(terms);
          List<TopicDocument> out = new ArrayList<>();
          while (rows.hasNext()) {
            Row r = rows.next();
            out.add(new TopicDocument(r.getString(0), TopicModel.ids(r.getList(1), index), new int[0]));
          }
          return out.iterator();
        });
  }

  /** Topic rows, NPMI over {@code documents} and diversity; materializes {@code articleTopics}. */
  private static Result describe(SparkSession spark, TopicModel model, Dataset<Row> articleTopics,
      JavaRDD<TopicDocument> documents, String[] display, Dataset<Row> titles, int topTerms) {
    int k = model.topics();
    int[][] top = new int[k][];
    for (int t = 0; t < k; t++) {
      top[t] = model.topTerms(t, Math.max(topTerms, DIVERSITY_TERMS));
    }
    int[][] npmiTerms = Arrays.stream(top).map(t -> Arrays.copyOf(t, Math.min(NPMI_TERMS, t.length))).toArray(int[][]::new);
    double[] npmi = Coherence.npmi(documents.map(TopicDocument::words), npmiTerms);
    articleTopics.count();
    double diversity = diversity(top, k);
    Dataset<Row> topics = topicRows(spark, model, top, npmi, display, topTerms, diversity,
        RepresentativeTitles.of(articleTopics, titles, TITLES_PER_TOPIC));
    return new Result(model, topics, articleTopics, Arrays.stream(npmi).average().orElse(0), diversity, Map.of());
  }

  /** Distinct terms among the top 25 of all topics over 25 K (Dieng et al. 2020). */
  static double diversity(int[][] top, int topics) {
    Set<Integer> distinct = new HashSet<>();
    for (int[] t : top) {
      for (int i = 0; i < Math.min(DIVERSITY_TERMS, t.length); i++) {
        distinct.add(t[i]);
      }
    }
    return (double) distinct.size() / (DIVERSITY_TERMS * topics);
  }

  /** theta_dk = (n_dk + alpha_k) / (n_d + alpha sum) from the final sample of the chain. */
  private static Dataset<Row> articleTopics(SparkSession spark, AdLdaTrainer.Result trained, TopicModel model) {
    double[] alpha = model.alpha();
    double alphaSum = Arrays.stream(alpha).sum();
    int k = model.topics();
    JavaRDD<Row> rows = trained.documents().map(d -> {
      double[] theta = new double[k];
      for (int t : d.topics()) {
        theta[t]++;
      }
      int best = 0;
      List<Double> mixture = new ArrayList<>(k);
      for (int t = 0; t < k; t++) {
        theta[t] = (theta[t] + alpha[t]) / (d.words().length + alphaSum);
        mixture.add(theta[t]);
        if (theta[t] > theta[best]) {
          best = t;
        }
      }
      return RowFactory.create(d.id(), ScalaValues.seq(mixture), best, theta[best]);
    });
    return spark.createDataFrame(rows, Tables.ARTICLE_TOPICS.dataSchema());
  }

  private static Dataset<Row> topicRows(SparkSession spark, TopicModel model, int[][] top, double[] npmi,
      String[] display, int topTerms, double diversity, Map<Integer, List<String>> titles) {
    int[] totals = model.topicTotals();
    long tokens = Arrays.stream(totals).asLongStream().sum();
    double[] alpha = model.alpha();
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < model.topics(); k++) {
      List<String> shown = new ArrayList<>();
      List<String> stems = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      for (int i = 0; i < Math.min(topTerms, top[k].length); i++) {
        shown.add(display[top[k][i]]);
        stems.add(model.terms()[top[k][i]]);
        weights.add(model.weight(top[k][i], k, totals));
      }
      List<String> examples = titles.getOrDefault(k, List.of());
      String label = String.join(" / ", shown.subList(0, Math.min(3, shown.size())))
          + (examples.isEmpty() ? "" : " — e.g. \"" + examples.get(0) + "\"");
      rows.add(RowFactory.create(k, label, ScalaValues.seq(shown), ScalaValues.seq(stems), ScalaValues.seq(weights),
          ScalaValues.seq(examples), npmi[k],
          tokens == 0 ? 0.0 : (double) totals[k] / tokens, alpha[k], diversity));
    }
    return spark.createDataFrame(rows, Tables.TOPICS.dataSchema());
  }

  /**
   * Topic shares by week and by month: the mean topic distribution of the articles published in
   * the period. Articles without a date are left out.
   */
  public static Dataset<Row> trends(Dataset<Row> articleTopics, Dataset<Row> dates) {
    Dataset<Row> dated = articleTopics.join(dates.where(col("published_date").isNotNull()), "id")
        .select(col("published_date"), posexplode(col("topic_distribution")).as(new String[] {"topic", "share"}));
    Dataset<Row> weeks = dated.withColumn("period_kind", lit("week"))
        .withColumn("period_start", date_trunc("week", col("published_date")).cast("date"));
    Dataset<Row> months = dated.withColumn("period_kind", lit("month"))
        .withColumn("period_start", date_trunc("month", col("published_date")).cast("date"));
    return weeks.unionByName(months).groupBy("topic", "period_kind", "period_start")
        .agg(count(lit(1)).as("articles"), avg("share").as("share"));
  }

  /** Topic shares per source: the mean topic distribution of the source's articles. */
  public static Dataset<Row> sources(Dataset<Row> articleTopics, Dataset<Row> sources) {
    return articleTopics.join(sources, "id")
        .select(coalesce(col("source"), lit("unknown")).as("source"),
            posexplode(col("topic_distribution")).as(new String[] {"topic", "share"}))
        .groupBy("topic", "source").agg(count(lit(1)).as("articles"), avg("share").as("share"));
  }
}
