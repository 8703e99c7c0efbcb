package io.newsframe.stance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsframe.SharedSpark;
import io.newsframe.tables.ScalaValues;
import io.newsframe.text.StableCountVectorizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The training vectors are MLlib's binary count vectorizer, IDF and Normalizer to the bit. */
class IdfVectorsTest {
  private final SparkSession spark = SharedSpark.session();

  @Test
  void sameVectorsAsMllibsTransformers() {
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < 400; d++) {
      // Distinct words, some in every document (idf 0), some rare (under min-df: outside the vocabulary).
      java.util.Set<String> words = new java.util.LinkedHashSet<>(List.of("common"));
      int n = random.nextInt(40);
      for (int w = 0; w < n; w++) {
        words.add("w" + (int) Math.abs(random.nextGaussian() * 60) + (w % 7 == 0 ? " pair" : ""));
      }
      rows.add(RowFactory.create(ScalaValues.seq(new ArrayList<>(words))));
    }
    Dataset<Row> documents = spark.createDataFrame(rows,
        new StructType().add("words", DataTypes.createArrayType(DataTypes.StringType, false), false));
    StableCountVectorizer vectorizer = new StableCountVectorizer();
    vectorizer.setInputCol("words").setOutputCol("present").setBinary(true).setMinDF(3).setVocabSize(90);
    StableCountVectorizer.Counted counted = vectorizer.fitCounted(documents);
    var idf = StableCountVectorizer.idfModel(new IDF().setInputCol("present").setOutputCol("weighted"),
        counted.documentFrequencies(), documents.count());
    PipelineModel mllib = new Pipeline().setStages(new PipelineStage[] {counted.model(), idf,
        new Normalizer().setInputCol("weighted").setOutputCol("vector").setP(2)}).fit(documents);
    IdfVectors ours = new IdfVectors(counted.model().vocabulary(), idf.idf().toArray());

    List<Row> transformed = mllib.transform(documents).select("words", "vector").collectAsList();
    int zeroIdfDropped = 0;
    for (Row row : transformed) {
      SparseVector theirs = ((Vector) row.get(1)).toSparse();
      IdfVectors.Entries mine = ours.of(ArrayData.toArrayData(row.<String>getList(0).stream()
          .map(org.apache.spark.unsafe.types.UTF8String::fromString).toArray()));
      assertArrayEquals(theirs.indices(), mine.indices(), row.getList(0).toString());
      assertArrayEquals(theirs.values(), mine.values(), 0.0, row.getList(0).toString());
      zeroIdfDropped += ((Vector) row.get(1)).numActives() - mine.indices().length;
    }
    // "common" is in every document: idf 0, an entry MLlib keeps as a zero and toSparse drops.
    assertEquals(400, zeroIdfDropped);
  }

  @Test
  void packedArticlesComeBackWhole() {
    IdfVectors.Entries vector = new IdfVectors.Entries(new int[] {2, 5, 9}, new double[] {0.25, -1.5, 1e-300});
    byte[] packed = IdfVectors.pack(vector, ArrayData.toArrayData(new int[] {1, 0, -1}));
    IdfVectors.Unpacked back = IdfVectors.unpack(packed);
    assertArrayEquals(vector.indices(), back.vector().indices());
    assertArrayEquals(vector.values(), back.vector().values(), 0.0);
    assertArrayEquals(new int[] {1, 0, -1}, back.sides());
  }
}
