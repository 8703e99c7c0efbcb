package io.newsframe.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.SharedSpark;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Two copies of topic_trends, as two runs would write them. */
class TableComparisonTest {
  private static final Date DAY = Date.valueOf("2026-12-01");
  // A session of its own: the views stay out of the shared one.
  private final SparkSession spark = SharedSpark.session().newSession();

  private TableComparison.Result compare(List<Row> left, List<Row> right) {
    spark.createDataFrame(left, Tables.TOPIC_TRENDS.schema()).createOrReplaceTempView("l");
    spark.createDataFrame(right, Tables.TOPIC_TRENDS.schema()).createOrReplaceTempView("r");
    return TableComparison.compare(spark, Tables.TOPIC_TRENDS, "l", "r", 1e-9);
  }

  /** A topic_trends row: topic, period_kind, period_start, articles, share, run_id, run_date. */
  private static Row trend(int topic, double share, String runId) {
    return RowFactory.create(topic, "week", DAY, 3L, share, runId, DAY);
  }

  @Test
  void theSameRowsInAnotherOrderUnderAnotherRunIdAreTheSame() {
    TableComparison.Result result = compare(List.of(trend(0, 0.25, "a"), trend(1, 0.75, "a")),
        List.of(trend(1, 0.75, "b"), trend(0, 0.25, "b")));
    assertTrue(result.same(), result.toString());
    assertEquals(2, result.leftRows());
  }

  @Test
  void doublesAgreeToTheToleranceAndNoFurther() {
    assertTrue(compare(List.of(trend(0, 0.25, "a")), List.of(trend(0, 0.25 * (1 + 1e-12), "a"))).same());
    TableComparison.Result result = compare(List.of(trend(0, 0.25, "a")), List.of(trend(0, 0.2501, "a")));
    assertFalse(result.same());
    assertEquals(1, result.differing());
    assertTrue(result.examples().get(0).left().contains("0.25"), result.toString());
    assertTrue(result.examples().get(0).right().contains("0.2501"), result.toString());
  }

  @Test
  void aMissingRowIsADifference() {
    TableComparison.Result result = compare(List.of(trend(0, 0.25, "a"), trend(1, 0.75, "a")),
        List.of(trend(0, 0.25, "a")));
    assertFalse(result.same());
    assertEquals(1, result.differing());
    assertEquals(null, result.examples().get(0).right());
  }

  @Test
  void aNegativeToleranceIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> TableComparison.compare(spark, Tables.TOPIC_TRENDS, "l", "r", -1));
  }
}
