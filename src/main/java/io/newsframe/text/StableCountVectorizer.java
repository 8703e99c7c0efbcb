package io.newsframe.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.IDFModel;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * MLlib's CountVectorizer with a vocabulary that does not depend on how the documents are
 * partitioned. MLlib keeps the vocab-size most frequent terms with {@code RDD.top} ordered by count
 * alone, so terms of equal count come in the order of the partitions that counted them: the same
 * articles in one table file or in eight gave another vocabulary, another term order, and so other
 * features, topics and stance axes, and a cluster with another parallelism would as well. Here
 * terms are ranked by count, then by the term itself. The fitted model is MLlib's own
 * CountVectorizerModel, saved and loaded as before.
 */
public final class StableCountVectorizer extends CountVectorizer {
  private static final long serialVersionUID = 1L;

  public StableCountVectorizer() {
    this(Identifiable$.MODULE$.randomUID("stableCntVec"));
  }

  /** Spark ML copies an estimator through this constructor. */
  public StableCountVectorizer(String uid) {
    super(uid);
  }

  @Override
  public CountVectorizerModel fit(Dataset<?> dataset) {
    return fitCounted(dataset).model();
  }

  /** The fitted model, and each vocabulary term's document frequency (in vocabulary order). */
  public record Counted(CountVectorizerModel model, long[] documentFrequencies) {}

  /**
   * As {@link #fit}, also giving each vocabulary term's document frequency, counted in the same
   * pass: what MLlib's IDF would count again over the vectors (see {@link #idfModel}).
   */
  public Counted fitCounted(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    JavaRDD<List<String>> documents = dataset.select(getInputCol()).toJavaRDD().map(StableCountVectorizer::terms);
    double minDf = getMinDF();
    double maxDf = getMaxDF();
    if (minDf < 1 || maxDf < 1) {
      // Fractions are of the documents, as in MLlib.
      long n = documents.count();
      minDf = minDf < 1 ? minDf * n : minDf;
      maxDf = maxDf < 1 ? maxDf * n : maxDf;
    }
    if (maxDf < minDf) {
      throw new IllegalArgumentException("maxDF (" + maxDf + " documents) must not be below minDF (" + minDf + ")");
    }
    double lowest = minDf;
    double highest = maxDf;
    JavaPairRDD<String, long[]> counts = documents.flatMapToPair(StableCountVectorizer::termCounts)
        .reduceByKey((a, b) -> new long[] {a[0] + b[0], a[1] + b[1]})
        .filter(t -> t._2()[1] >= lowest && t._2()[1] <= highest);
    List<Tuple2<String, long[]>> top = counts.takeOrdered(getVocabSize(), new ByCountThenTerm());
    String[] vocabulary = new String[top.size()];
    long[] documentFrequencies = new long[top.size()];
    for (int i = 0; i < top.size(); i++) {
      vocabulary[i] = top.get(i)._1();
      documentFrequencies[i] = top.get(i)._2()[1];
    }
    CountVectorizerModel model = new CountVectorizerModel(uid(), vocabulary);
    model.setParent(this);
    return new Counted(copyValues(model, ParamMap.empty()), documentFrequencies);
  }

  /**
   * MLlib's IDF model of {@code documents} documents whose vocabulary terms have these document
   * frequencies: the model {@code idf.fit} would return on the vectors of those documents, without
   * the pass over them it makes (MLlib's formula, log((m + 1) / (df + 1)), and 0 under its
   * minDocFreq, under which MLlib also records a document frequency of 0). The constructors are
   * public in the bytecode and used here for that alone.
   */
  public static IDFModel idfModel(IDF idf, long[] documentFrequencies, long documents) {
    double[] weights = new double[documentFrequencies.length];
    long[] kept = new long[documentFrequencies.length];
    for (int j = 0; j < weights.length; j++) {
      if (documentFrequencies[j] >= idf.getMinDocFreq()) {
        weights[j] = Math.log((documents + 1.0) / (documentFrequencies[j] + 1.0));
        kept[j] = documentFrequencies[j];
      }
    }
    IDFModel model = new IDFModel(idf.uid(), new org.apache.spark.mllib.feature.IDFModel(
        org.apache.spark.mllib.linalg.Vectors.dense(weights), kept, documents));
    model.setParent(idf);
    return (IDFModel) idf.copyValues(model, ParamMap.empty());
  }

  @Override
  public StableCountVectorizer copy(ParamMap extra) {
    return (StableCountVectorizer) defaultCopy(extra);
  }

  private static List<String> terms(Row row) {
    if (row.isNullAt(0)) {
      throw new IllegalArgumentException("a document's terms are null: " + row);
    }
    return row.getList(0);
  }

  /** Each distinct term of a document with its count there and a document count of one. */
  private static java.util.Iterator<Tuple2<String, long[]>> termCounts(List<String> terms) {
    Map<String, Long> counts = new HashMap<>();
    for (String term : terms) {
      counts.merge(term, 1L, Long::sum);
    }
    List<Tuple2<String, long[]>> out = new ArrayList<>(counts.size());
    counts.forEach((term, n) -> out.add(new Tuple2<>(term, new long[] {n, 1})));
    return out.iterator();
  }

  /** The more frequent term first; of two equally frequent, the one that sorts first. */
  private static final class ByCountThenTerm implements Comparator<Tuple2<String, long[]>>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(Tuple2<String, long[]> a, Tuple2<String, long[]> b) {
      int byCount = Long.compare(b._2()[0], a._2()[0]);
      return byCount != 0 ? byCount : a._1().compareTo(b._1());
    }
  }
}
