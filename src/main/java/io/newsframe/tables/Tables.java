package io.newsframe.tables;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The tables written so far and their columns; docs/tables.md documents the same. Column names are
 * constants so that stages and tests build and read rows by name.
 */
public final class Tables {
  private Tables() {}

  /** Columns of {@code raw_articles}: one row per input record that could be read. */
  public static final class RawArticles {
    public static final String ID = "id";
    public static final String SOURCE_PATH = "source_path";
    public static final String SOURCE_LINE = "source_line";
    public static final String SOURCE_FORMAT = "source_format";
    public static final String RAW_TEXT = "raw_text";
    public static final String TITLE = "title";
    public static final String DATE = "date";
    public static final String SOURCE = "source";
    public static final String URL = "url";
    public static final String BYTES = "bytes";

    private RawArticles() {}
  }

  /** Columns of {@code articles}: one row per raw article, cleaned, with what was removed and why. */
  public static final class Articles {
    public static final String ID = "id";
    public static final String SOURCE = "source";
    public static final String SOURCE_METHOD = "source_method";
    public static final String URL = "url";
    public static final String TITLE = "title";
    public static final String TITLE_METHOD = "title_method";
    public static final String PUBLISHED_DATE = "published_date";
    public static final String DATE_METHOD = "date_method";
    public static final String DATE_TEXT = "date_text";
    public static final String DATELINE = "dateline";
    public static final String AUTHOR = "author";
    public static final String LANGUAGE = "language";
    public static final String LANGUAGE_CONFIDENCE = "language_confidence";
    public static final String TEXT = "text";
    public static final String WORDS = "words";
    public static final String RAW_TEXT = "raw_text";
    public static final String REMOVED_LINES = "removed_lines";
    public static final String QUALITY_FLAGS = "quality_flags";
    public static final String FOR_MODELLING = "for_modelling";
    public static final String DUP_CLUSTER = "dup_cluster";
    public static final String DUP_KIND = "dup_kind";
    public static final String IS_CANONICAL = "is_canonical";
    public static final String SOURCE_PATH = "source_path";
    public static final String SOURCE_LINE = "source_line";

    private Articles() {}
  }

  /** Columns of {@code rejects}: one row per input record that did not make it, with why. */
  public static final class Rejects {
    public static final String STAGE = "stage";
    public static final String SOURCE_PATH = "source_path";
    public static final String SOURCE_LINE = "source_line";
    public static final String RECORD_ID = "record_id";
    public static final String REASON = "reason";
    public static final String DETAIL = "detail";
    public static final String EXCERPT = "excerpt";

    private Rejects() {}
  }

  /** Columns of {@code runs}: one row per attempt at a run date. */
  public static final class Runs {
    public static final String ATTEMPT = "attempt";
    public static final String MODELS = "models";
    public static final String NOTES = "notes";
    public static final String INPUT = "input";
    public static final String INPUT_FORMAT = "input_format";
    public static final String CONFIG_DIGEST = "config_digest";
    public static final String STATUS = "status";
    public static final String STARTED_AT = "started_at";
    public static final String FINISHED_AT = "finished_at";
    public static final String ERROR = "error";
    public static final String MASTER = "master";
    public static final String VERSION = "version";
    public static final String DRIVER_PEAK_RSS_MB = "driver_peak_rss_mb";
    public static final String COUNTS = "counts";

    private Runs() {}
  }

  /** Columns of {@code run_stages}: one row per stage of an attempt. */
  public static final class RunStages {
    public static final String ATTEMPT = "attempt";
    public static final String STAGE = "stage";
    public static final String ROWS_IN = "rows_in";
    public static final String ROWS_OUT = "rows_out";
    public static final String ROWS_REJECTED = "rows_rejected";
    public static final String SECONDS = "seconds";
    public static final String STARTED_AT = "started_at";

    private RunStages() {}
  }

  /** Columns of {@code ingest_ledger}: one row per input file a run took in. */
  public static final class IngestLedger {
    public static final String PATH = "path";
    public static final String SIZE = "size";
    public static final String MODIFIED_AT = "modified_at";
    public static final String CONTENT_HASH = "content_hash";
    public static final String RECORDS = "records";
    public static final String ARTICLES = "articles";
    public static final String REJECTS = "rejects";
    public static final String REPLACED = "replaced";

    private IngestLedger() {}
  }

  /** Columns of {@code dup_index}: the MinHash signature of every canonical article. */
  public static final class DupIndex {
    public static final String ID = "id";
    public static final String DUP_CLUSTER = "dup_cluster";
    public static final String EXACT_HASH = "exact_hash";
    public static final String SIGNATURE = "signature";
    public static final String BANDS = "bands";

    private DupIndex() {}
  }

  public static final TableSpec INGEST_LEDGER = new TableSpec("ingest_ledger", schema(
      col(IngestLedger.PATH, StringType, false, "full URI of the input file"),
      col(IngestLedger.SIZE, LongType, false, "its length in bytes when it was read"),
      col(IngestLedger.MODIFIED_AT, TimestampType, false, "its modification time when it was read"),
      col(IngestLedger.CONTENT_HASH, StringType, false, "SHA-256 of its bytes, hex; empty when they could not be read"),
      col(IngestLedger.RECORDS, LongType, false, "records read from it: articles + rejects"),
      col(IngestLedger.ARTICLES, LongType, false, "of them, rows of raw_articles"),
      col(IngestLedger.REJECTS, LongType, false, "of them, rejects of stage ingest"),
      col(IngestLedger.REPLACED, LongType, false, "articles read from it that later runs replaced by id; not in records"),
      runIdColumn(), runDateColumn()),
      "every input file taken in, by the run that read it last");

  public static final TableSpec DUP_INDEX = new TableSpec("dup_index", schema(
      col(DupIndex.ID, StringType, false, "id of a canonical article"),
      col(DupIndex.DUP_CLUSTER, StringType, false, "its duplicate cluster, as in articles"),
      col(DupIndex.EXACT_HASH, LongType, false, "hash of its normalized text"),
      col(DupIndex.SIGNATURE, DataTypes.createArrayType(IntegerType, false), false, "its MinHash signature (bands x rows)"),
      col(DupIndex.BANDS, DataTypes.createArrayType(LongType, false), false, "hash of each band of the signature"),
      runIdColumn(), runDateColumn()),
      "MinHash signatures of canonical articles, so that later runs find copies of them without their texts");

  public static final TableSpec RAW_ARTICLES = new TableSpec("raw_articles", schema(
      col(RawArticles.ID, StringType, false, "stable article id: the record's id field, else derived from path and line"),
      col(RawArticles.SOURCE_PATH, StringType, false, "file the record was read from"),
      col(RawArticles.SOURCE_LINE, LongType, true, "1-based line (JSONL) or row (Parquet) in that file; null for one-article-per-file text"),
      col(RawArticles.SOURCE_FORMAT, StringType, false, "txt, jsonl or parquet"),
      col(RawArticles.RAW_TEXT, StringType, false, "the record's text as read (UTF-8, BOM removed)"),
      col(RawArticles.TITLE, StringType, true, "title field of the record, if any"),
      col(RawArticles.DATE, StringType, true, "date field of the record as given, if any"),
      col(RawArticles.SOURCE, StringType, true, "source field of the record, if any"),
      col(RawArticles.URL, StringType, true, "url field of the record, if any"),
      col(RawArticles.BYTES, LongType, false, "size of the text in UTF-8 bytes"),
      runIdColumn(), runDateColumn()),
      "every input record that could be read, with its provenance");

  /** One removed line of an article: its position among the non-empty lines, its text, why. */
  public static final StructType REMOVED_LINE = schema(
      col("line", IntegerType, false, "0-based position among the article's non-empty lines"),
      col("text", StringType, false, "the line, normalized"),
      col("reason", StringType, false, "why it was removed"));

  public static final TableSpec ARTICLES = new TableSpec("articles", schema(
      col(Articles.ID, StringType, false, "article id, as in raw_articles"),
      col(Articles.SOURCE, StringType, true, "outlet"),
      col(Articles.SOURCE_METHOD, StringType, false, "how the outlet was found"),
      col(Articles.URL, StringType, true, "url field of the record"),
      col(Articles.TITLE, StringType, true, "headline"),
      col(Articles.TITLE_METHOD, StringType, false, "how the headline was found"),
      col(Articles.PUBLISHED_DATE, DateType, true, "publication date"),
      col(Articles.DATE_METHOD, StringType, false, "how the date was found"),
      col(Articles.DATE_TEXT, StringType, true, "the text the date was read from"),
      col(Articles.DATELINE, StringType, true, "dateline place, e.g. MOSCOW"),
      col(Articles.AUTHOR, StringType, true, "author named by a byline"),
      col(Articles.LANGUAGE, StringType, true, "ISO 639-3 code of the detected language"),
      col(Articles.LANGUAGE_CONFIDENCE, DoubleType, true, "confidence of the detection, 0..1"),
      col(Articles.TEXT, StringType, false, "the clean body, paragraphs separated by blank lines"),
      col(Articles.WORDS, IntegerType, false, "words in text"),
      col(Articles.RAW_TEXT, StringType, false, "the text as ingested"),
      col(Articles.REMOVED_LINES, DataTypes.createArrayType(REMOVED_LINE, false), false,
          "every line not in text, with its reason"),
      col(Articles.QUALITY_FLAGS, DataTypes.createArrayType(StringType, false), false,
          "failed quality checks; empty when the article passes"),
      col(Articles.FOR_MODELLING, BooleanType, false,
          "true when the article goes on to topic and stance modelling"),
      col(Articles.DUP_CLUSTER, StringType, false, "id of the duplicate cluster (its smallest member id)"),
      col(Articles.DUP_KIND, StringType, true, "exact or near when the article has duplicates"),
      col(Articles.IS_CANONICAL, BooleanType, false, "true for the one member of its cluster that is modelled"),
      col(Articles.SOURCE_PATH, StringType, false, "file the record was read from"),
      col(Articles.SOURCE_LINE, LongType, true, "line or row in that file"),
      runIdColumn(), runDateColumn()),
      "every raw article, cleaned: metadata, language, quality, duplicates");

  public static final TableSpec REJECTS = new TableSpec("rejects", schema(
      col(Rejects.STAGE, StringType, false, "stage that rejected the record"),
      col(Rejects.SOURCE_PATH, StringType, false, "file of the record"),
      col(Rejects.SOURCE_LINE, LongType, true, "line or row of the record in the file, if any"),
      col(Rejects.RECORD_ID, StringType, true, "id of the record, when one could be read"),
      col(Rejects.REASON, StringType, false, "reason code, e.g. empty, binary, invalid_utf8, malformed_json"),
      col(Rejects.DETAIL, StringType, false, "what exactly was wrong, in words"),
      col(Rejects.EXCERPT, StringType, true, "the start of the record, control characters escaped"),
      runIdColumn(), runDateColumn()),
      "every input record that did not go on, with the reason");

  public static final TableSpec RUNS = new TableSpec("runs", schema(
      runIdColumn(), runDateColumn(),
      col(Runs.ATTEMPT, IntegerType, false, "1 for the first attempt at the run date, then 2, 3, ..."),
      col(Runs.INPUT, StringType, false, "input URI of the run"),
      col(Runs.INPUT_FORMAT, StringType, false, "input format setting"),
      col(Runs.CONFIG_DIGEST, StringType, false, "digest of the full resolved configuration"),
      col(Runs.STATUS, StringType, false, "running, succeeded, failed or abandoned (the driver died; marked by the next run)"),
      col(Runs.STARTED_AT, TimestampType, false, "when the run started"),
      col(Runs.FINISHED_AT, TimestampType, true, "when it ended"),
      col(Runs.ERROR, StringType, true, "the cause of a failure, one line"),
      col(Runs.MASTER, StringType, false, "Spark master the run used"),
      col(Runs.VERSION, StringType, false, "newsframe version"),
      col(Runs.DRIVER_PEAK_RSS_MB, DoubleType, true, "peak resident memory of the driver process in MiB (in local mode executors run in it too)"),
      col(Runs.COUNTS, DataTypes.createMapType(StringType, LongType), true,
          "counts the stages report, e.g. clean.removed.site_chrome or ingest.rejected.empty"),
      col(Runs.MODELS, DataTypes.createMapType(StringType, StringType), true,
          "per stage, the saved model it used: fitted by this attempt or reused"),
      col(Runs.NOTES, DataTypes.createMapType(StringType, StringType), true,
          "per stage, why it learned nothing or placed nothing, when so")),
      "one row per attempt at a run date; the latest succeeded attempt is the one the other tables hold");

  public static final TableSpec RUN_STAGES = new TableSpec("run_stages", schema(
      runIdColumn(), runDateColumn(),
      col(RunStages.ATTEMPT, IntegerType, false, "the attempt, as in runs"),
      col(RunStages.STAGE, StringType, false, "ingest, clean, features, topics, stance"),
      col(RunStages.ROWS_IN, LongType, false, "records the stage read"),
      col(RunStages.ROWS_OUT, LongType, false, "records it passed on"),
      col(RunStages.ROWS_REJECTED, LongType, false, "records it rejected; rows_in = rows_out + rows_rejected"),
      col(RunStages.SECONDS, DoubleType, false, "wall time of the stage, writes included"),
      col(RunStages.STARTED_AT, TimestampType, false, "when the stage started")),
      "one row per stage of an attempt");

  /** A sparse vector as a plain struct (Iceberg has no Spark vector type). */
  public static final StructType SPARSE_VECTOR = schema(
      col("size", IntegerType, false, "length of the vector: the vocabulary size"),
      col("indices", DataTypes.createArrayType(IntegerType, false), false, "term_index of each non-zero entry, ascending"),
      col("values", DataTypes.createArrayType(DoubleType, false), false, "the entries"));

  public static final TableSpec ARTICLE_TOKENS = new TableSpec("article_tokens", schema(
      col("id", StringType, false, "article id"),
      col("tokens", DataTypes.createArrayType(StringType, false), false,
          "the article's terms in text order (title first), phrases joined by _, only vocabulary terms: what the topic model reads"),
      col("token_count", IntegerType, false, "size of tokens"),
      runIdColumn(), runDateColumn()),
      "the modelled articles as term sequences");

  public static final TableSpec ARTICLE_FEATURES = new TableSpec("article_features", schema(
      col("id", StringType, false, "article id"),
      col("term_counts", SPARSE_VECTOR, false, "count of each vocabulary term"),
      col("tfidf", SPARSE_VECTOR, false, "term count x inverse document frequency, log((n + 1) / (df + 1))"),
      runIdColumn(), runDateColumn()),
      "the modelled articles as sparse vectors over the vocabulary");

  public static final TableSpec VOCABULARY = new TableSpec("vocabulary", schema(
      col("term_index", IntegerType, false, "position of the term in the vectors"),
      col("term", StringType, false, "the term: a stem, or stems joined by _ for a phrase"),
      col("display", StringType, false, "how to show it: the commonest word (or words) it was made from"),
      col("doc_freq", LongType, false, "modelled articles the term occurs in"),
      runIdColumn(), runDateColumn()),
      "the terms the vectors and the topic model use");

  public static final TableSpec TOPICS = new TableSpec("topics", schema(
      col("topic", IntegerType, false, "topic number, 0..K-1"),
      col("label", StringType, false, "display label: its three best terms and its most typical headline"),
      col("top_terms", DataTypes.createArrayType(StringType, false), false, "its best terms as displayed, best first (topics.top-terms of them)"),
      col("top_stems", DataTypes.createArrayType(StringType, false), false, "the same terms as in vocabulary.term"),
      col("term_weights", DataTypes.createArrayType(DoubleType, false), false, "p(term | topic) of each, smoothed by beta"),
      col("representative_titles", DataTypes.createArrayType(StringType, false), false, "headlines of the articles with the largest share of the topic"),
      col("npmi", DoubleType, false, "coherence of its top 10 terms: NPMI over 10-token windows of article_tokens"),
      col("prevalence", DoubleType, false, "share of all tokens assigned to it"),
      col("alpha", DoubleType, false, "its Dirichlet prior after optimization"),
      col("diversity", DoubleType, false, "of the whole model: distinct terms among all topics' top 25 / (25 K)"),
      runIdColumn(), runDateColumn()),
      "the topics of the run's model");

  public static final TableSpec ARTICLE_TOPICS = new TableSpec("article_topics", schema(
      col("id", StringType, false, "article id"),
      col("topic_distribution", DataTypes.createArrayType(DoubleType, false), false, "share of each topic, by topic number; sums to 1"),
      col("dominant_topic", IntegerType, false, "the topic with the largest share"),
      col("dominant_share", DoubleType, false, "that share"),
      runIdColumn(), runDateColumn()),
      "each modelled article's topic mixture");

  public static final TableSpec TOPIC_TRENDS = new TableSpec("topic_trends", schema(
      col("topic", IntegerType, false, "topic number"),
      col("period_kind", StringType, false, "week or month"),
      col("period_start", DateType, false, "first day of the period (weeks start on Monday)"),
      col("articles", LongType, false, "dated articles published in the period"),
      col("share", DoubleType, false, "mean share of the topic over those articles"),
      runIdColumn(), runDateColumn()),
      "topic shares over time");

  public static final TableSpec TOPIC_SOURCES = new TableSpec("topic_sources", schema(
      col("topic", IntegerType, false, "topic number"),
      col("source", StringType, false, "outlet (unknown when none was found)"),
      col("articles", LongType, false, "modelled articles of the source"),
      col("share", DoubleType, false, "mean share of the topic over them"),
      runIdColumn(), runDateColumn()),
      "topic shares per source");

  /** Columns of {@code topic_lineage}: which earlier topic each topic of the run's model continues. */
  public static final class TopicLineage {
    public static final String TOPIC = "topic";
    public static final String MODEL = "model";
    public static final String PREVIOUS_MODEL = "previous_model";
    public static final String PREVIOUS_TOPIC = "previous_topic";
    public static final String SIMILARITY = "similarity";

    private TopicLineage() {}
  }

  public static final TableSpec TOPIC_LINEAGE = new TableSpec("topic_lineage", schema(
      col(TopicLineage.TOPIC, IntegerType, false, "topic number in the run's model"),
      col(TopicLineage.MODEL, StringType, false, "the topic model the run used, as in runs.models"),
      col(TopicLineage.PREVIOUS_MODEL, StringType, true, "the model of the latest earlier run; null for the first"),
      col(TopicLineage.PREVIOUS_TOPIC, IntegerType, true, "the topic of that model this one continues; null when none is alike"),
      col(TopicLineage.SIMILARITY, DoubleType, false, "cosine similarity of the two topics' term distributions; 1 for a reused model"),
      runIdColumn(), runDateColumn()),
      "how the run's topics map to the previous model's, so that trends follow a topic across retrains");

  /** A named feature value of an article. */
  public static final StructType NAMED_VALUE = schema(
      col("name", StringType, false, "feature name, as in stance_clusters.centroid"),
      col("value", DoubleType, false, "its value"));

  /** An article's treatment of one target. */
  public static final StructType TARGET_SCORE = schema(
      col("target", StringType, false, "target key, as in conf stance.targets"),
      col("mentions", IntegerType, false, "mentions of it, by name, title or voice"),
      col("polarity", DoubleType, false, "mean lexicon polarity of the words around its mentions; 0 when not mentioned"),
      col("voice", IntegerType, false, "sentences carrying a statement attributed to it"));

  /** One piece of evidence behind an article's stance features. */
  public static final StructType STANCE_EVIDENCE = schema(
      col("feature", StringType, false, "the feature it moved"),
      col("term", StringType, false, "the word, phrase, quotation or name"),
      col("sentence", StringType, false, "a sentence it occurs in (at most 240 characters)"),
      col("weight", DoubleType, false, "its contribution: occurrences, or summed polarity"));

  public static final TableSpec ARTICLE_STANCE = new TableSpec("article_stance", schema(
      col("id", StringType, false, "article id"),
      col("targets", DataTypes.createArrayType(TARGET_SCORE, false), false, "per-target scores, in target order"),
      col("features", DataTypes.createArrayType(NAMED_VALUE, false), false, "every stance feature, as clustered (before scaling)"),
      col("cluster", IntegerType, false, "stance cluster, 0..k-1; -1 when not placed (body shorter than stance.min-body-words)"),
      col("confidence", DoubleType, true, "null when not placed; membership confidence: d2^2 / (d1^2 + d2^2) for the nearest and second centre; 0.5 on a boundary, 1 at the centre"),
      col("topic", IntegerType, true, "dominant topic (article_topics), if any"),
      col("topic_cluster", IntegerType, true, "cluster within that topic, when the topic is one of the major ones"),
      col("evidence", DataTypes.createArrayType(STANCE_EVIDENCE, false), false, "the terms and sentences that moved its scores most"),
      runIdColumn(), runDateColumn()),
      "every article's stance features, cluster and evidence");

  public static final TableSpec STANCE_CLUSTERS = new TableSpec("stance_clusters", schema(
      col("cluster", IntegerType, false, "cluster number"),
      col("size", LongType, false, "articles in it"),
      col("description", StringType, false, "the cluster in words, from its centroid's strongest features"),
      col("centroid", DataTypes.createArrayType(NAMED_VALUE, false), false, "mean of each feature over its articles, in standard deviations from the batch mean"),
      col("top_sources", DataTypes.createArrayType(StringType, false), false, "outlets with most articles in it"),
      col("top_terms", DataTypes.createArrayType(StringType, false), false, "evidence terms most over-represented in it"),
      col("typical_titles", DataTypes.createArrayType(StringType, false), false, "headlines of its most central articles"),
      col("silhouette", DoubleType, false, "of the whole clustering: mean silhouette (squared Euclidean) over the scaled features; 0 when the batch occupies one cluster"),
      runIdColumn(), runDateColumn()),
      "the stance clusters of the run");

  public static final TableSpec SOURCE_STANCE = new TableSpec("source_stance", schema(
      col("source", StringType, false, "outlet (unknown when none was found)"),
      col("month", DateType, true, "first day of the month; null for the source's whole run"),
      col("cluster", IntegerType, false, "stance cluster; -1 for its articles not placed"),
      col("articles", LongType, false, "its articles in that cluster (and month)"),
      col("share", DoubleType, false, "of the source's articles (in that month)"),
      runIdColumn(), runDateColumn()),
      "how each outlet's articles spread over the stance clusters, overall and by month");

  public static final TableSpec TOPIC_STANCE = new TableSpec("topic_stance", schema(
      col("topic", IntegerType, false, "dominant topic"),
      col("cluster", IntegerType, false, "stance cluster; -1 for its articles not placed"),
      col("articles", LongType, false, "articles of the topic in that cluster"),
      col("share", DoubleType, false, "of the topic's articles"),
      runIdColumn(), runDateColumn()),
      "how each topic's articles spread over the stance clusters");

  /** Every table, in the order of the data flow. */
  public static final List<TableSpec> ALL = List.of(INGEST_LEDGER, RAW_ARTICLES, ARTICLES, REJECTS, RUNS,
      RUN_STAGES, DUP_INDEX, ARTICLE_TOKENS, ARTICLE_FEATURES, VOCABULARY, TOPICS, ARTICLE_TOPICS, TOPIC_TRENDS, TOPIC_SOURCES,
      TOPIC_LINEAGE, ARTICLE_STANCE, STANCE_CLUSTERS, SOURCE_STANCE, TOPIC_STANCE);

  /** The tables with one row per article, keyed by its id: where a replaced record's rows are. */
  public static final List<TableSpec> BY_ARTICLE_ID = List.of(RAW_ARTICLES, ARTICLES, DUP_INDEX, ARTICLE_TOKENS,
      ARTICLE_FEATURES, ARTICLE_TOPICS, ARTICLE_STANCE);

  private static StructField runIdColumn() {
    return col(TableSpec.RUN_ID, StringType, false, "id of the run that wrote the row");
  }

  private static StructField runDateColumn() {
    return col(TableSpec.RUN_DATE, DateType, false, "date of the run; the partition");
  }

  static StructField col(String name, DataType type, boolean nullable, String comment) {
    Metadata metadata = new MetadataBuilder().putString("comment", comment).build();
    return new StructField(name, type, nullable, metadata);
  }

  static StructType schema(StructField... fields) {
    return new StructType(fields);
  }
}
