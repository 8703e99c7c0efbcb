package io.newsframe.stance;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/** How the clusters of article_stance divide each outlet (source_stance) and each topic (topic_stance). */
public final class StanceShares {
  private StanceShares() {}

  /** source_stance: each outlet's share per cluster over the run (month null) and per month. */
  public static Dataset<Row> sources(Dataset<Row> articleStance, Dataset<Row> articles) {
    Dataset<Row> joined = articleStance.select("id", "cluster")
        .join(articles.select(col("id"), col("source"), col("published_date")), "id")
        .na().fill("unknown", new String[] {"source"})
        .withColumn("month", trunc(col("published_date"), "month"));
    Dataset<Row> overall = shares(joined.withColumn("month", lit(null).cast(DataTypes.DateType)),
        new String[] {"source", "month"});
    Dataset<Row> monthly = shares(joined.where(col("month").isNotNull()), new String[] {"source", "month"});
    return overall.unionByName(monthly);
  }

  /** topic_stance: each dominant topic's share per cluster. */
  public static Dataset<Row> topics(Dataset<Row> articleStance) {
    return shares(articleStance.where(col("topic").isNotNull()).select("id", "topic", "cluster"),
        new String[] {"topic"});
  }

  private static Dataset<Row> shares(Dataset<Row> rows, String[] by) {
    Column[] groups = java.util.Arrays.stream(by).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    Column[] withCluster = java.util.Arrays.copyOf(groups, groups.length + 1);
    withCluster[groups.length] = col("cluster");
    Dataset<Row> counts = rows.groupBy(withCluster).agg(count(lit(1)).as("articles"));
    return counts.withColumn("share", col("articles").divide(sum("articles").over(Window.partitionBy(groups))));
  }
}
