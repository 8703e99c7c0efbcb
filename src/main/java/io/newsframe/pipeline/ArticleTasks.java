package io.newsframe.pipeline;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How a step spreads a run's articles over Spark tasks before its per-article work.
 *
 * <p>A table is read in splits of up to a Parquet row group (128 MB): a 100,000-article run is one
 * split, so a stage reading it straight keeps one core of two busy, and a split of a million-article
 * run holds 250,000 articles, more than a task's share of the heap once a stage keeps per-article
 * rows (stance's evidence sentences ran a 4 GB driver out of heap). Spread, every core has tasks
 * and no task holds more than {@link #MAX_ARTICLES}, whatever the corpus. Rows go by a hash of the
 * article id, so the same articles share a task whatever files the table has.
 */
final class ArticleTasks {
  /** Articles per task at most: a few tens of megabytes of text and of the rows made from it. */
  static final long MAX_ARTICLES = 20_000;
  /**
   * Articles per task at least, below four tasks a core: a stance stage starts about 150 Spark
   * jobs, and on a small batch each job's tasks cost more than the work they share.
   */
  static final long MIN_ARTICLES = 5_000;

  private ArticleTasks() {}

  /** Tasks for {@code articles} articles: up to four per core (even load), more for a large run, one for a tiny one. */
  static int count(SparkContext context, long articles) {
    if (articles < 0) {
      throw new IllegalArgumentException("a run cannot have " + articles + " articles");
    }
    long even = Math.min(4L * context.defaultParallelism(), (articles + MIN_ARTICLES - 1) / MIN_ARTICLES);
    long bounded = (articles + MAX_ARTICLES - 1) / MAX_ARTICLES;
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, Math.max(even, bounded)));
  }

  /**
   * Articles per file at least, where a table of one row per article is written by the tasks that
   * computed it ({@code Warehouse.writeRunWhereComputed}): at the 130 to 380 bytes a row that
   * article_stance, articles and dup_index take compressed, 1.3 MB or more, above the files
   * maintenance compacts (operations.maintenance.small-file-bytes).
   */
  static final long MIN_ARTICLES_PER_FILE = 10_000;

  /** The most files a table of one row per article gets for {@code articles} articles: at least one. */
  static int files(long articles) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, articles / MIN_ARTICLES_PER_FILE));
  }

  /** {@code articles} (with an {@code id} column, {@code count} rows) hash-partitioned by id into {@link #count} tasks. */
  static Dataset<Row> spread(Dataset<Row> articles, long count) {
    return articles.repartition(count(articles.sparkSession().sparkContext(), count), col("id"));
  }
}
