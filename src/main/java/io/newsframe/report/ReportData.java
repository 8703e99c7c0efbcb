package io.newsframe.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;

import io.newsframe.tables.TableSpec;
import io.newsframe.tables.Tables;
import io.newsframe.tables.Tables.Runs;
import io.newsframe.tables.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the report shows of one run, read from the result tables: small aggregates only (counts by
 * reason, by source, by topic and cluster; the top rows of each), so the driver holds a few
 * thousand values whatever the corpus size. The run is the latest succeeded attempt of its date,
 * whose rows the tables hold.
 */
public record ReportData(Run run, List<Stage> stages, Accounting accounting, List<Count> rejects,
    List<Count> removedLines, List<SourceRemoval> removedBySource, List<Count> qualityFlags, List<Count> languages,
    List<Count> duplicateSizes, List<Topic> topics, List<String> trendPeriods, List<Cluster> clusters,
    Matrix sourceByCluster, Matrix topicByCluster) {

  /** The runs row of the attempt shown. */
  public record Run(String runId, LocalDate runDate, int attempt, String input, String master, String version,
      String configDigest, String startedAt, String finishedAt, Map<String, String> notes, Map<String, String> models) {}

  public record Stage(String name, long rowsIn, long rowsOut, long rowsRejected, double seconds) {}

  /** From records read to what was modelled: read = articles + rejects, articles = kept + ... */
  public record Accounting(long recordsRead, long rejected, long articles, long duplicates, long flagged,
      long modelled) {}

  public record Count(String key, long count) {}

  public record SourceRemoval(String source, long articles, long lines, Map<String, Long> byReason) {}

  /** A topic with its best terms, monthly shares in {@link ReportData#trendPeriods} order, and headlines. */
  public record Topic(int topic, String label, List<String> terms, List<Double> weights, double prevalence,
      double npmi, List<String> titles, List<Double> monthlyShares) {}

  /** A stance cluster with one confident member's evidence. */
  public record Cluster(int cluster, long size, String description, List<String> sources, List<String> terms,
      List<String> titles, Example example) {}

  public record Example(String title, String source, List<Evidence> evidence) {}

  public record Evidence(String feature, String term, String sentence, double weight) {}

  /** Shares by row and column (a row's shares sum to 1 over its columns); rows with their article counts. */
  public record Matrix(List<String> rows, List<Long> rowArticles, List<Integer> columns, List<List<Double>> shares) {}

  static final int TOP_SOURCES = 15;
  static final int TOP_TERMS = 10;
  static final int EVIDENCE = 4;

  /**
   * Reads the run of {@code runDate}, or of the latest date with a succeeded run when null.
   *
   * @throws IllegalArgumentException when there is no such run
   */
  public static ReportData read(SparkSession spark, Warehouse warehouse, LocalDate runDate) {
    Row runRow = runRow(spark, warehouse, runDate);
    LocalDate date = runRow.<java.sql.Date>getAs(TableSpec.RUN_DATE).toLocalDate();
    Reader reader = new Reader(spark, warehouse, date);
    Run run = new Run(runRow.getAs(TableSpec.RUN_ID), date, runRow.<Integer>getAs(Runs.ATTEMPT),
        runRow.getAs("input"), runRow.getAs("master"), runRow.getAs("version"), runRow.getAs("config_digest"),
        String.valueOf(runRow.<Object>getAs("started_at")), String.valueOf(runRow.<Object>getAs("finished_at")),
        javaMap(runRow.getJavaMap(runRow.fieldIndex(Runs.NOTES))),
        javaMap(runRow.getJavaMap(runRow.fieldIndex(Runs.MODELS))));
    List<String> periods = reader.trendPeriods();
    return new ReportData(run, reader.stages(run), reader.accounting(), reader.rejects(), reader.removedLines(),
        reader.removedBySource(), reader.qualityFlags(), reader.languages(), reader.duplicateSizes(),
        reader.topics(periods), periods, reader.clusters(), reader.sourceByCluster(), reader.topicByCluster());
  }

  private static Row runRow(SparkSession spark, Warehouse warehouse, LocalDate runDate) {
    Column succeeded = col(Runs.STATUS).equalTo(lit("succeeded"));
    Column when = runDate == null ? lit(true) : col(TableSpec.RUN_DATE).equalTo(lit(java.sql.Date.valueOf(runDate)));
    List<Row> rows = spark.table(warehouse.qualified(Tables.RUNS)).where(succeeded.and(when))
        .orderBy(col(TableSpec.RUN_DATE).desc(), col(Runs.ATTEMPT).desc()).limit(1).collectAsList();
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(runDate == null ? "the warehouse has no succeeded run"
          : "the warehouse has no succeeded run dated " + runDate);
    }
    return rows.get(0);
  }

  private static Map<String, String> javaMap(Map<Object, Object> map) {
    Map<String, String> out = new TreeMap<>();
    if (map != null) {
      map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    }
    return out;
  }

  /** The run date's rows of each table. */
  private record Reader(SparkSession spark, Warehouse warehouse, LocalDate date) {
    Dataset<Row> table(TableSpec spec) {
      return spark.table(warehouse.qualified(spec))
          .where(col(TableSpec.RUN_DATE).equalTo(lit(java.sql.Date.valueOf(date))));
    }

    List<Stage> stages(Run run) {
      return table(Tables.RUN_STAGES).where(col(Runs.ATTEMPT).equalTo(run.attempt())).orderBy("started_at")
          .collectAsList().stream().map(r -> new Stage(r.getAs("stage"), r.<Long>getAs("rows_in"),
              r.<Long>getAs("rows_out"), r.<Long>getAs("rows_rejected"), r.<Double>getAs("seconds"))).toList();
    }

    Accounting accounting() {
      long rejected = table(Tables.REJECTS).count();
      Row a = table(Tables.ARTICLES).agg(count(lit(1)),
          count_if(not(col("is_canonical"))),
          count_if(col("is_canonical").and(not(col(Tables.Articles.FOR_MODELLING)))),
          count_if(col(Tables.Articles.FOR_MODELLING))).first();
      return new Accounting(a.getLong(0) + rejected, rejected, a.getLong(0), a.getLong(1), a.getLong(2), a.getLong(3));
    }

    List<Count> rejects() {
      return counts(table(Tables.REJECTS).groupBy(col("reason").as("key")).count());
    }

    List<Count> removedLines() {
      return counts(table(Tables.ARTICLES).select(explode(col("removed_lines")).as("r"))
          .groupBy(col("r.reason").as("key")).count());
    }

    List<Count> qualityFlags() {
      return counts(table(Tables.ARTICLES).select(explode(col("quality_flags")).as("key")).groupBy("key").count());
    }

    List<Count> languages() {
      return counts(table(Tables.ARTICLES).groupBy(coalesce(col("language"), lit("und")).as("key")).count());
    }

    /** How many duplicate clusters have each size (2, 3, ...). */
    List<Count> duplicateSizes() {
      return table(Tables.ARTICLES).groupBy("dup_cluster").count().where(col("count").gt(1))
          .groupBy(col("count").cast("string").as("key")).count()
          .orderBy(col("key").cast("int")).collectAsList().stream()
          .map(r -> new Count(r.getString(0), r.getLong(1))).toList();
    }

    List<SourceRemoval> removedBySource() {
      Dataset<Row> articles = table(Tables.ARTICLES).select(coalesce(col("source"), lit("unknown")).as("source"),
          col("removed_lines"));
      List<Row> top = articles.groupBy("source").agg(count(lit(1)).as("articles"),
              sum(org.apache.spark.sql.functions.size(col("removed_lines"))).as("lines"))
          .orderBy(desc("lines"), col("source")).limit(TOP_SOURCES).collectAsList();
      Map<String, Map<String, Long>> reasons = new TreeMap<>();
      List<String> names = top.stream().map(r -> r.getString(0)).toList();
      for (Row r : articles.where(col("source").isin(names.toArray())).select(col("source"),
              explode(col("removed_lines")).as("r")).groupBy(col("source"), col("r.reason")).count().collectAsList()) {
        reasons.computeIfAbsent(r.getString(0), s -> new TreeMap<>()).put(r.getString(1), r.getLong(2));
      }
      return top.stream().map(r -> new SourceRemoval(r.getString(0), r.getLong(1), r.isNullAt(2) ? 0 : r.getLong(2),
          reasons.getOrDefault(r.getString(0), Map.of()))).toList();
    }

    List<String> trendPeriods() {
      return table(Tables.TOPIC_TRENDS).where(col("period_kind").equalTo("month")).select("period_start").distinct()
          .orderBy("period_start").collectAsList().stream().map(r -> String.valueOf(r.get(0)).substring(0, 7))
          .toList();
    }

    List<Topic> topics(List<String> periods) {
      Map<Integer, Map<String, Double>> shares = new TreeMap<>();
      for (Row r : table(Tables.TOPIC_TRENDS).where(col("period_kind").equalTo("month"))
          .select("topic", "period_start", "share").collectAsList()) {
        shares.computeIfAbsent(r.getInt(0), t -> new TreeMap<>()).put(String.valueOf(r.get(1)).substring(0, 7),
            r.getDouble(2));
      }
      List<Topic> topics = new ArrayList<>();
      for (Row r : table(Tables.TOPICS).orderBy(desc("prevalence"), col("topic")).collectAsList()) {
        int topic = r.getAs("topic");
        List<String> terms = r.getList(r.fieldIndex("top_terms"));
        List<Double> weights = r.getList(r.fieldIndex("term_weights"));
        Map<String, Double> byMonth = shares.getOrDefault(topic, Map.of());
        topics.add(new Topic(topic, r.getAs("label"), terms.subList(0, Math.min(TOP_TERMS, terms.size())),
            weights.subList(0, Math.min(TOP_TERMS, weights.size())), r.getAs("prevalence"), r.getAs("npmi"),
            r.getList(r.fieldIndex("representative_titles")),
            periods.stream().map(p -> byMonth.getOrDefault(p, 0.0)).toList()));
      }
      return topics;
    }

    List<Cluster> clusters() {
      Map<Integer, Example> examples = examples();
      return table(Tables.STANCE_CLUSTERS).orderBy("cluster").collectAsList().stream().map(r -> {
        int cluster = r.getAs("cluster");
        return new Cluster(cluster, r.<Long>getAs("size"), r.getAs("description"),
            r.getList(r.fieldIndex("top_sources")), r.getList(r.fieldIndex("top_terms")),
            r.getList(r.fieldIndex("typical_titles")), examples.get(cluster));
      }).toList();
    }

    /** Per cluster its most confident article (ties by id), with the first few items of its evidence. */
    private Map<Integer, Example> examples() {
      var best = org.apache.spark.sql.expressions.Window.partitionBy("cluster")
          .orderBy(col("confidence").desc(), col("id"));
      Dataset<Row> top = table(Tables.ARTICLE_STANCE).where(col("cluster").geq(0))
          .withColumn("rank", org.apache.spark.sql.functions.row_number().over(best)).where(col("rank").equalTo(1))
          .select("id", "cluster", "evidence");
      Dataset<Row> titled = top.join(table(Tables.ARTICLES).select("id", "title", "source"), "id");
      Map<Integer, Example> out = new TreeMap<>();
      for (Row r : titled.collectAsList()) {
        List<Row> items = r.getList(r.fieldIndex("evidence"));
        List<Evidence> evidence = items.stream().limit(EVIDENCE).map(e -> new Evidence(e.getAs("feature"),
            e.getAs("term"), e.getAs("sentence"), e.<Double>getAs("weight"))).toList();
        out.put(r.getAs("cluster"), new Example(r.getAs("title"), r.getAs("source"), evidence));
      }
      return out;
    }

    Matrix sourceByCluster() {
      Dataset<Row> whole = table(Tables.SOURCE_STANCE).where(col("month").isNull());
      List<Row> top = whole.groupBy("source").agg(sum("articles").as("n")).orderBy(desc("n"), col("source"))
          .limit(TOP_SOURCES).collectAsList();
      return matrix(top, whole.where(col("source").isin(top.stream().map(r -> r.get(0)).toArray())), "source");
    }

    Matrix topicByCluster() {
      Dataset<Row> rows = table(Tables.TOPIC_STANCE).withColumn("topic", col("topic").cast("string"));
      List<Row> all = rows.groupBy("topic").agg(sum("articles").as("n")).orderBy(desc("n"), col("topic"))
          .collectAsList();
      return matrix(all, rows, "topic");
    }

    private static Matrix matrix(List<Row> rowTotals, Dataset<Row> cells, String key) {
      List<String> rows = rowTotals.stream().map(r -> r.getString(0)).toList();
      List<Long> articles = rowTotals.stream().map(r -> r.getLong(1)).toList();
      Map<String, Map<Integer, Double>> byRow = new LinkedHashMap<>();
      java.util.SortedSet<Integer> columns = new java.util.TreeSet<>();
      for (Row r : cells.select(key, "cluster", "share").collectAsList()) {
        byRow.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getInt(1), r.getDouble(2));
        columns.add(r.getInt(1));
      }
      List<List<Double>> shares = rows.stream().map(row -> columns.stream()
          .map(c -> byRow.getOrDefault(row, Map.of()).getOrDefault(c, 0.0)).toList()).toList();
      return new Matrix(rows, articles, List.copyOf(columns), shares);
    }

    private static List<Count> counts(Dataset<Row> keyCount) {
      return keyCount.orderBy(desc("count"), col("key")).collectAsList().stream()
          .map(r -> new Count(String.valueOf(r.get(0)), r.getLong(1))).toList();
    }
  }
}
