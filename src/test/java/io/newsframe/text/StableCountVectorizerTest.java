package io.newsframe.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsframe.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.IDFModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class StableCountVectorizerTest {
  private static final StructType SCHEMA = new StructType()
      .add("terms", DataTypes.createArrayType(DataTypes.StringType, false), false);

  /** Forty documents: "common" in all, then twelve terms of equal count (three documents each). */
  private static Dataset<Row> documents(SparkSession spark, int partitions) {
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < 40; d++) {
      List<String> terms = new ArrayList<>(List.of("common", "common"));
      if (d < 36) {
        terms.add("tie" + (char) ('a' + d % 12));
      }
      rows.add(RowFactory.create(terms));
    }
    return spark.createDataFrame(rows, SCHEMA).repartition(partitions);
  }

  private static String[] vocabulary(Dataset<Row> documents, int size) {
    CountVectorizerModel model = new StableCountVectorizer().setInputCol("terms").setOutputCol("counts")
        .setVocabSize(size).fit(documents);
    return model.vocabulary();
  }

  @Test
  void termsOfEqualCountAreKeptAndOrderedByTheTermItself() {
    SparkSession spark = SharedSpark.session();
    assertArrayEquals(new String[] {"common", "tiea", "tieb", "tiec"}, vocabulary(documents(spark, 1), 4));
  }

  @Test
  void thePartitioningDoesNotChangeTheVocabulary() {
    SparkSession spark = SharedSpark.session();
    String[] one = vocabulary(documents(spark, 1), 6);
    for (int partitions : new int[] {2, 5, 7}) {
      assertArrayEquals(one, vocabulary(documents(spark, partitions), 6), partitions + " partitions");
    }
  }

  @Test
  void documentFrequencyBoundsAreCountsOrShares() {
    SparkSession spark = SharedSpark.session();
    Dataset<Row> documents = documents(spark, 3);
    CountVectorizerModel counted = new StableCountVectorizer().setInputCol("terms").setOutputCol("c")
        .setMaxDF(10).fit(documents);
    assertEquals(12, counted.vocabulary().length, "'common' is in 40 documents, above 10");
    CountVectorizerModel shared = new StableCountVectorizer().setInputCol("terms").setOutputCol("c")
        .setMinDF(0.5).fit(documents);
    assertArrayEquals(new String[] {"common"}, shared.vocabulary());
  }

  /**
   * The IDF model made from the vectorizer's own document frequencies is the one MLlib's IDF fits
   * on the vectors, weights, frequencies and document count alike; min-doc-freq as well.
   */
  @Test
  void theIdfFromTheCountedFrequenciesIsMllibsOnTheVectors() {
    SparkSession spark = SharedSpark.session();
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < 50; d++) {
      List<String> terms = new ArrayList<>();
      for (int t = 0; t < 9; t++) {
        if ((d * 7 + t * 3) % (t + 2) == 0) {
          terms.add("t" + t);
          terms.add("t" + t);
        }
      }
      rows.add(RowFactory.create(terms)); // some documents have none of the terms
    }
    Dataset<Row> documents = spark.createDataFrame(rows, SCHEMA).repartition(3);
    StableCountVectorizer vectorizer = new StableCountVectorizer();
    vectorizer.setInputCol("terms").setOutputCol("counts").setVocabSize(6);
    StableCountVectorizer.Counted counted = vectorizer.fitCounted(documents);
    Dataset<Row> vectors = counted.model().transform(documents);
    for (int minDocFreq : new int[] {0, 12}) {
      IDF idf = new IDF().setInputCol("counts").setOutputCol("tfidf").setMinDocFreq(minDocFreq);
      IDFModel expected = idf.fit(vectors);
      IDFModel made = StableCountVectorizer.idfModel(idf, counted.documentFrequencies(), 50);
      assertArrayEquals(expected.idf().toArray(), made.idf().toArray(), 0.0, "minDocFreq " + minDocFreq);
      assertArrayEquals(expected.docFreq(), made.docFreq());
      assertEquals(expected.numDocs(), made.numDocs());
      assertEquals(expected.getOutputCol(), made.getOutputCol());
      assertEquals(expected.transform(vectors).select("tfidf").collectAsList(),
          made.transform(vectors).select("tfidf").collectAsList());
    }
  }
}
