package io.newsframe.stance;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;

import io.newsframe.config.StanceSettings;
import io.newsframe.ml.Concurrently;
import io.newsframe.stance.TermMatcher.Hit;
import io.newsframe.stance.TermMatcher.Kind;
import io.newsframe.stance.TermMatcher.Role;
import io.newsframe.tables.Checkpoints;
import io.newsframe.tables.ScalaValues;
import io.newsframe.text.StopWords;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import io.newsframe.text.StableCountVectorizer;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Word weights on the configured framing axes, learned from the batch. An article is on side a of
 * axis (a, b) when it uses, in its own voice (outside quotations, {@link Quotations}), more terms of
 * a's framing groups than of b's, and on side b when fewer. A logistic regression learns from
 * those articles (about axis-terms.max-training of them at most, fitted on the driver:
 * {@link AxisRegression}) which of their other words tell the sides apart, and so places every
 * article, including the many that use no loaded term at all, by the company its words keep.
 *
 * <p>An article is the set of its terms: its words (lower case, three letters or more; no function
 * word, axis term or axis-terms.exclude word) and each two of them side by side in a sentence
 * ("foreign ministry"), each weighted by its inverse document frequency, the vector scaled to unit
 * length: a binary count vectorizer (terms in min-docs articles or more, the max-terms
 * commonest, ties broken by term), IDF and Normalizer ({@link IdfVectors} makes those vectors for
 * the regressions). A term's weight on an axis is its coefficient times its idf; an article's
 * position is the sum of its terms' weights over the length of its idf vector (the model's margin
 * without intercept: an article with no known term sits at 0), plus log(1 + a-terms) − log(1 +
 * b-terms) of its own loaded terms. Function words stay out: how often a writer uses "she"
 * or "you" is house style, not framing; so do outlet and caption words (axis-terms.exclude).
 *
 * <p>A logistic regression rather than each word's share of a- and b-articles (the earlier
 * weighting): the shares count a word once per article that carries it, so the words of the
 * commonest topic on a side (China's economy on the east side of this corpus) outweighed the words
 * that tell the sides apart within each topic. The regression weighs each word given all the
 * others. With the term lists revised alongside it, purity on the east/west corpus went from 0.77
 * to 0.89 (docs/benchmarks/history.md).
 */
final class FramingAxes {
  private static final Logger LOG = LoggerFactory.getLogger(FramingAxes.class);
  private static final int MIN_WORD_CHARS = 3;
  private static final String WORDS = "axis_words";
  private static final String SIDES = "axis_sides";
  private static final String PRESENT = "axis_present";
  private static final StructType SCHEMA = new StructType()
      .add(WORDS, DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add(SIDES, DataTypes.createArrayType(DataTypes.IntegerType, false), false);

  private FramingAxes() {}

  /**
   * What the axes learned: each vocabulary word's idf, and per axis (in settings order) each word's
   * weight (coefficient times idf). Both are bounded by axis-terms.max-terms.
   */
  public record Weights(Map<String, Double> idf, List<Map<String, Double>> axes) implements Serializable {
    /** No word weighted: positions come from the articles' own loaded terms alone. */
    public static Weights none(int axes) {
      List<Map<String, Double>> empty = new ArrayList<>();
      for (int x = 0; x < axes; x++) {
        empty.add(Map.of());
      }
      return new Weights(Map.of(), empty);
    }
  }

  /** Learns the axes' word weights from texts (one column: title and text). */
  public static Weights induce(Dataset<Row> texts, FeatureSpace space) {
    StanceSettings settings = space.settings();
    int axes = settings.axes().size();
    int[][] sideOfGroup = sides(space);
    Set<String> seedWords = seedWords(settings);
    Dataset<Row> articles = Checkpoints.cache(texts.mapPartitions(
        (org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) rows ->
            wordsAndSides(rows, space, sideOfGroup, seedWords), Encoders.row(SCHEMA)));
    try {
      Labelled labelled = labelled(articles, axes);
      int minDocs = settings.axisTerms().minDocs();
      boolean[] trainable = labelled.trainable(minDocs);
      boolean anyTrainable = false;
      for (boolean t : trainable) {
        anyTrainable |= t;
      }
      if (!anyTrainable) {
        LOG.info("stance axes: fewer than {} articles on a side of every axis; no word weighted", minDocs);
        return Weights.none(axes);
      }
      StableCountVectorizer.Counted present = presence(settings).fitCounted(articles);
      if (present.model().vocabulary().length == 0) {
        LOG.info("stance axes: no word in {} articles; no word weighted", minDocs);
        return Weights.none(axes);
      }
      String[] vocabulary = present.model().vocabulary();
      double[] idf = StableCountVectorizer.idfModel(new IDF(), present.documentFrequencies(), labelled.articles())
          .idf().toArray();
      return learn(vocabulary, idf, articles, settings, labelled, trainable);
    } finally {
      Checkpoints.release(articles);
    }
  }

  private static Weights learn(String[] vocabulary, double[] idf, Dataset<Row> articles, StanceSettings settings,
      Labelled labelled, boolean[] trainable) {
    Map<String, Double> idfOf = new TreeMap<>();
    for (int i = 0; i < vocabulary.length; i++) {
      idfOf.put(vocabulary[i], idf[i]);
    }
    double share = trainingShare(labelled.onSomeSide(), settings.axisTerms().maxTraining());
    List<TrainingArticle> training = trainingArticles(articles, new IdfVectors(vocabulary, idf), share, trainable,
        vocabulary.length);
    long entries = training.stream().mapToLong(article -> article.terms().length).sum();
    LOG.info("stance axes: {} articles of {} terms in all held on the driver for the regressions",
        training.size(), entries);
    // The axes' regressions are independent: one per driver core at a time, the most articles
    // first, so that the largest does not start last and run alone (the longest-first rule).
    Integer[] largestFirst = java.util.stream.IntStream.range(0, trainable.length).boxed()
        .sorted(java.util.Comparator.comparingLong((Integer x) -> -labelled.onSides(x)).thenComparing(x -> x))
        .toArray(Integer[]::new);
    List<Callable<Map<String, Double>>> fits = new ArrayList<>();
    for (int axis : largestFirst) {
      fits.add(() -> axisWeights(training, axis, trainable[axis], labelled.perSide()[axis], settings, vocabulary, idf));
    }
    List<Map<String, Double>> fitted = Concurrently.onDriverCores(fits);
    List<Map<String, Double>> inAxisOrder = new ArrayList<>(java.util.Collections.nCopies(trainable.length, null));
    for (int i = 0; i < largestFirst.length; i++) {
      inAxisOrder.set(largestFirst[i], fitted.get(i));
    }
    return new Weights(idfOf, inAxisOrder);
  }

  /**
   * The share of the articles on a side of some axis that the regressions learn from: all up to
   * max-training, a draw of about max-training above. The draw bounds what the driver holds
   * whatever the batch, and keeps each axis's sides in their proportions.
   */
  static double trainingShare(long onSomeSide, int maxTraining) {
    return onSomeSide <= maxTraining ? 1.0 : (double) maxTraining / onSomeSide;
  }

  /** An article some axis learns from: its terms (shared by the axes) and its sides. */
  private record TrainingArticle(de.bwaldvogel.liblinear.Feature[] terms, int[] sides) {}

  /**
   * The articles the trainable axes learn from, on the driver: those on a side of one of them
   * whose draw, a hash of their terms in [0, 1), is below the share. The same batch draws the same
   * articles. Each is vectorized where its row is cached and comes to the driver packed in bytes.
   */
  private static List<TrainingArticle> trainingArticles(Dataset<Row> articles, IdfVectors vectors, double share,
      boolean[] trainable, int features) {
    var onATrainableSide = lit(false);
    for (int x = 0; x < trainable.length; x++) {
      if (trainable[x]) {
        onATrainableSide = onATrainableSide.or(element_at(col(SIDES), x + 1).notEqual(0));
      }
    }
    var draw = HashDraw.of(col(WORDS));
    var context = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(articles.sparkSession().sparkContext());
    var shared = context.broadcast(vectors);
    try {
      // Spark's own rows (UTF-8 words, no conversion to Java objects): the words are looked up as they are held.
      List<byte[]> packed = articles.where(onATrainableSide.and(draw.lt(share))).select(WORDS, SIDES)
          .queryExecution().toRdd().toJavaRDD()
          .map(row -> IdfVectors.pack(shared.value().of(row.getArray(0)), row.getArray(1)))
          .collect();
      // The packed bytes are a third of the size of LIBLINEAR's objects made from them.
      List<TrainingArticle> training = new ArrayList<>(packed.size());
      for (byte[] bytes : packed) {
        IdfVectors.Unpacked article = IdfVectors.unpack(bytes);
        training.add(new TrainingArticle(
            AxisRegression.terms(article.vector().indices(), article.vector().values(), features), article.sides()));
      }
      return training;
    } finally {
      shared.destroy();
    }
  }

  /** One axis's word weights (idf times the regression's coefficient), or none when a side has too few articles. */
  private static Map<String, Double> axisWeights(List<TrainingArticle> training, int x, boolean trainable,
      long[] labelled, StanceSettings settings, String[] vocabulary, double[] idf) {
    Map<String, Double> axis = new TreeMap<>();
    String name = settings.axes().get(x).name();
    if (!trainable) {
      LOG.info("stance axis {}: {} and {} articles on its sides, fewer than {}; no word weighted",
          name, labelled[0], labelled[1], settings.axisTerms().minDocs());
      return axis;
    }
    List<AxisRegression.Example> examples = new ArrayList<>();
    for (TrainingArticle article : training) {
      if (article.sides()[x] != 0) {
        examples.add(new AxisRegression.Example(article.terms(), article.sides()[x] > 0));
      }
    }
    long drawnA = examples.stream().filter(AxisRegression.Example::sideA).count();
    if (Math.min(drawnA, examples.size() - drawnA) < settings.axisTerms().minDocs()) {
      // Only when a side is a sliver of a batch larger than max-training: the draw keeps the sides' balance.
      LOG.info("stance axis {}: {} and {} articles on its sides, {} and {} drawn, fewer than {}; no word weighted",
          name, labelled[0], labelled[1], drawnA, examples.size() - drawnA, settings.axisTerms().minDocs());
      return axis;
    }
    LOG.info("stance axis {}: {} and {} articles on its sides, learned from {}", name, labelled[0], labelled[1],
        examples.size());
    double[] coefficients = AxisRegression.coefficients(examples, vocabulary.length,
        settings.axisTerms().regParam(), settings.axisTerms().maxIterations());
    for (int i = 0; i < vocabulary.length; i++) {
      double w = coefficients[i] * idf[i];
      if (w != 0) {
        axis.put(vocabulary[i], w);
      }
    }
    return axis;
  }

  /** Which vocabulary words each article has: the vocabulary is fitted on the batch. */
  private static StableCountVectorizer presence(StanceSettings settings) {
    StableCountVectorizer present = new StableCountVectorizer();
    present.setInputCol(WORDS).setOutputCol(PRESENT).setBinary(true)
        .setMinDF(settings.axisTerms().minDocs()).setVocabSize(settings.axisTerms().maxTerms());
    return present;
  }

  /**
   * Per axis, the articles on side a and on side b; the articles on a side of some axis; and all
   * the articles.
   */
  record Labelled(long[][] perSide, long onSomeSide, long articles) {
    /** The articles on either side of axis x. */
    long onSides(int x) {
      return perSide[x][0] + perSide[x][1];
    }

    /** Per axis: min-docs articles or more on each of its sides, so a regression can learn it. */
    boolean[] trainable(int minDocs) {
      boolean[] trainable = new boolean[perSide.length];
      for (int x = 0; x < perSide.length; x++) {
        trainable[x] = Math.min(perSide[x][0], perSide[x][1]) >= minDocs;
      }
      return trainable;
    }
  }

  /** The labelled articles' counts, in one pass. */
  private static Labelled labelled(Dataset<Row> articles, int axes) {
    long[][] counts = new long[axes][2];
    List<org.apache.spark.sql.Column> sums = new ArrayList<>();
    var onSomeSide = lit(false);
    for (int x = 0; x < axes; x++) {
      var side = element_at(col(SIDES), x + 1);
      sums.add(org.apache.spark.sql.functions.count_if(side.gt(0)));
      sums.add(org.apache.spark.sql.functions.count_if(side.lt(0)));
      onSomeSide = onSomeSide.or(side.notEqual(0));
    }
    sums.add(org.apache.spark.sql.functions.count_if(onSomeSide));
    sums.add(org.apache.spark.sql.functions.count(lit(1)));
    Row row = articles.agg(sums.get(0), sums.subList(1, sums.size()).toArray(org.apache.spark.sql.Column[]::new)).first();
    for (int x = 0; x < axes; x++) {
      counts[x][0] = row.getLong(2 * x);
      counts[x][1] = row.getLong(2 * x + 1);
    }
    return new Labelled(counts, row.getLong(2 * axes), row.getLong(2 * axes + 1));
  }

  /** For each framing group, per axis: +1 when it is on side a, -1 on side b, 0 otherwise. */
  static int[][] sides(FeatureSpace space) {
    List<StanceSettings.Axis> axes = space.settings().axes();
    List<String> groups = space.framingGroups();
    int[][] side = new int[groups.size()][axes.size()];
    for (int x = 0; x < axes.size(); x++) {
      for (String g : axes.get(x).a()) {
        side[groups.indexOf(g)][x] = 1;
      }
      for (String g : axes.get(x).b()) {
        side[groups.indexOf(g)][x] = -1;
      }
    }
    return side;
  }

  /** Uses of each framing group in the writer's own voice: hits outside quotations. */
  static int[] ownVoice(List<Hit> hits, List<Quotations.Span> quotations, int groups) {
    int[] counts = new int[groups];
    for (Hit hit : hits) {
      if (Quotations.inside(quotations, hit.start(), hit.end())) {
        continue;
      }
      for (Role role : hit.roles()) {
        if (role.kind() == Kind.FRAMING) {
          counts[role.group()]++;
        }
      }
    }
    return counts;
  }

  /** The uses of axis x's side-a terms and side-b terms among the group counts. */
  static int[] sideTerms(int[] framing, int[][] sideOfGroup, int x) {
    int[] ab = new int[2];
    for (int g = 0; g < framing.length; g++) {
      if (sideOfGroup[g][x] > 0) {
        ab[0] += framing[g];
      } else if (sideOfGroup[g][x] < 0) {
        ab[1] += framing[g];
      }
    }
    return ab;
  }

  /** Each article's distinct axis words and, per axis, its side (1, -1, or 0 for neither). */
  private static Iterator<Row> wordsAndSides(Iterator<Row> rows, FeatureSpace space, int[][] sideOfGroup,
      Set<String> seedWords) {
    TermMatcher matcher = space.matcher();
    int axes = space.settings().axes().size();
    Set<String> excluded = space.settings().axisTerms().exclude();
    int groups = space.framingGroups().size();
    return StanceFeatures.mapped(rows, row -> {
      String text = row.isNullAt(0) ? "" : row.getString(0);
      int[] framing = ownVoice(matcher.find(text), Quotations.of(text), groups);
      Integer[] side = new Integer[axes];
      for (int x = 0; x < axes; x++) {
        int[] ab = sideTerms(framing, sideOfGroup, x);
        side[x] = Integer.signum(ab[0] - ab[1]);
      }
      Set<String> distinct = terms(TextSpans.of(text), word -> word.length() >= MIN_WORD_CHARS
          && Character.isLetter(word.charAt(0)) && !seedWords.contains(word) && !StopWords.ENGLISH.contains(word)
          && !excluded.contains(word) && !(word.endsWith("'s") && excluded.contains(word.substring(0, word.length() - 2))))
          .keySet();
      return RowFactory.create(ScalaValues.seq(new ArrayList<>(distinct)), ScalaValues.seq(Arrays.asList(side)));
    });
  }

  /**
   * An article's distinct axis terms, each with the word it starts at: its words that pass
   * eligible, and each two of them that stand side by side in a sentence ("foreign ministry",
   * "western countries"), joined by a space. Training passes the word rules; scoring passes
   * everything and looks the terms up in the learned vocabulary, which holds no other.
   */
  static Map<String, Integer> terms(TextSpans words, java.util.function.Predicate<String> eligible) {
    Map<String, Integer> firstAt = new java.util.LinkedHashMap<>();
    boolean previous = false;
    for (int w = 0; w < words.size; w++) {
      boolean ok = eligible.test(words.lower[w]);
      if (ok) {
        firstAt.putIfAbsent(words.lower[w], w);
        if (previous && words.sentence[w - 1] == words.sentence[w]) {
          firstAt.putIfAbsent(words.lower[w - 1] + " " + words.lower[w], w - 1);
        }
      }
      previous = ok;
    }
    return firstAt;
  }

  /** Every word of the axes' own framing terms: the sides' definitions, not evidence of them. */
  private static Set<String> seedWords(StanceSettings settings) {
    Set<String> words = new HashSet<>();
    for (var axis : settings.axes()) {
      for (var groups : List.of(axis.a(), axis.b())) {
        for (String group : groups) {
          for (String phrase : settings.framing().get(group)) {
            TextSpans spans = TextSpans.of(phrase);
            words.addAll(Arrays.asList(spans.lower).subList(0, spans.size));
          }
        }
      }
    }
    return words;
  }
}
