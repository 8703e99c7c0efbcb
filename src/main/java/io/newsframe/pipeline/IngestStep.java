package io.newsframe.pipeline;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.when;

import io.newsframe.ingest.IngestPlan;
import io.newsframe.ingest.IngestRecords;
import io.newsframe.ingest.IngestStage;
import io.newsframe.ingest.InputFile;
import io.newsframe.ingest.InputFiles;
import io.newsframe.tables.Checkpoints;
import io.newsframe.tables.TableSpec;
import io.newsframe.tables.Tables;
import io.newsframe.tables.Tables.IngestLedger;
import io.newsframe.tables.Tables.RawArticles;
import io.newsframe.tables.Tables.Rejects;
import io.newsframe.tables.Warehouse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans which input files the run reads (against the ingest ledger), runs {@link IngestStage} on
 * them, and writes raw_articles, the stage's rejects and the files' ledger rows. Records read
 * again (a changed file, a record id another run date holds) replace their earlier rows: those
 * are deleted on the run's branches of every table keyed by article id, so they go when the run
 * is published and the counts over all runs still reconcile.
 */
final class IngestStep implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStep.class);
  /** The detail that holds the bytes of input the run read (its ingest plan's). */
  static final String BYTES_READ = "bytes_read";
  private static final String WITHDRAWN_IDS = "nf_withdrawn_ids";
  private static final String REPLACED_FILES = "nf_replaced_files";
  private static final String RECOUNTED_FILES = "nf_recounted_files";

  @Override
  public String name() {
    return IngestStage.NAME;
  }

  @Override
  public StageOutcome run(RunContext context) {
    // Taken before the plan lists the input: a file that changes while it lists counts next night.
    long listingStarted = System.currentTimeMillis();
    IngestPlan plan = plan(context);
    context.watermark().listed(
        new InputWatermark.Listing(inputRoot(context), listingStarted, plan.filesListed()));
    LOG.info("ingest: {} files to read ({} replace files read on other dates), {} already taken in{}",
        plan.filesToRead(), plan.filesReplaced(), plan.filesSkipped(), plan.rerun() ? "; a re-run of its date" : "");
    // The batch's size is known from here: a large one has its queries compiled and adaptively
    // planned, a small one interpreted and planned once, reading included.
    BatchTuning.Choice tuning = BatchTuning.chooseForBatch(context.spark(), plan.sizesToRead().bytes(),
        context.config().spark());
    // The files are read once: the records are kept (spilling to disk) for the id check, the counts
    // and the writes. The checked records are those, with later uses of an id marked where some
    // id repeats: a lookup in the repeated ids, not kept a second time (see rejectDuplicateIds).
    Dataset<Row> read = Checkpoints.cache(IngestStage.readRecords(
        context.spark(), plan.toRead(), plan.sizesToRead(), context.config().input(), context.config().ingest()));
    Dataset<Row> records = IngestStage.rejectDuplicateIds(read, context.config().ingest().excerptChars());
    try {
      StageOutcome outcome = outcome(records, plan);
      outcome.details().put("compiled_expressions", tuning.compiled() ? 1L : 0L);
      outcome.details().put("adaptive_execution", tuning.adaptive() ? 1L : 0L);
      long withdrawn = withdrawEarlierVersions(context, records, plan);
      // Three tables, three independent commits: side by side (each is mostly driver work). The
      // articles are written by the tasks that read them, not shuffled again to gather them.
      Warehouse.concurrently(List.of(
          () -> context.warehouse().writeRunWhereComputed(Tables.RAW_ARTICLES, IngestStage.articles(records),
              context.run(), ArticleTasks.files(outcome.rowsOut())),
          () -> context.warehouse().writeRun(Tables.REJECTS, IngestStage.rejects(records), context.run(),
              col(Rejects.STAGE).equalTo(IngestStage.NAME)),
          () -> context.warehouse().writeRun(Tables.INGEST_LEDGER, ledgerRows(plan, records), context.run())));
      io.newsframe.tables.CrashPoints.reach("ingest:written");
      outcome.details().put("records_replaced", withdrawn);
      return outcome;
    } finally {
      Checkpoints.release(read);
      records.unpersist();
    }
  }

  /** The input's root as its listing qualified it (a scheme, an absolute path). */
  private static String inputRoot(RunContext context) {
    return InputFiles.requireExists(context.config().input().uri(),
        context.spark().sparkContext().hadoopConfiguration()).toString();
  }

  private static IngestPlan plan(RunContext context) {
    Dataset<Row> ledger = context.warehouse().current(Tables.INGEST_LEDGER)
        .select(IngestLedger.PATH, IngestLedger.SIZE, IngestLedger.MODIFIED_AT, IngestLedger.CONTENT_HASH,
            TableSpec.RUN_DATE);
    return IngestPlan.of(IngestStage.listInput(context.spark(), context.config().input()), ledger,
        context.run().runDate(), context.config().ingest().mode(), IngestStage.contentHasher(context.spark()));
  }

  /**
   * A ledger row per file read, with its articles and rejects counted: a join on the executors. Its
   * content hash is the plan's, or the one its reader took as it read it (a text file's).
   */
  private static Dataset<Row> ledgerRows(IngestPlan plan, Dataset<Row> records) {
    Column isArticle = col(IngestRecords.OUTCOME).equalTo(IngestRecords.ARTICLE);
    Dataset<Row> perFile = records.groupBy(col(RawArticles.SOURCE_PATH).as("counted_path"))
        .agg(sum(when(isArticle, 1L).otherwise(0L)).as("n_articles"),
            sum(when(isArticle, 0L).otherwise(1L)).as("n_rejects"),
            max(col(IngestRecords.CONTENT_HASH)).as("read_hash"));
    Column articles = coalesce(col("n_articles"), lit(0L));
    Column rejects = coalesce(col("n_rejects"), lit(0L));
    return plan.toRead().join(perFile, col(InputFile.URI).equalTo(col("counted_path")), "left")
        .select(col(InputFile.URI).as(IngestLedger.PATH), col(InputFile.LENGTH).as(IngestLedger.SIZE),
            timestamp_millis(col(InputFile.MODIFIED_AT)).as(IngestLedger.MODIFIED_AT),
            coalesce(col(IngestPlan.CONTENT_HASH), col("read_hash"), lit("")).as(IngestLedger.CONTENT_HASH),
            articles.plus(rejects).as(IngestLedger.RECORDS), articles.as(IngestLedger.ARTICLES),
            rejects.as(IngestLedger.REJECTS), lit(0L).as(IngestLedger.REPLACED));
  }

  /**
   * Deletes, on the run's branches, the rows of other run dates that this run's records replace:
   * every record of a file it reads again, and every article whose id one of its records carries.
   *
   * @return how many earlier articles were withdrawn
   */
  private static long withdrawEarlierVersions(RunContext context, Dataset<Row> records, IngestPlan plan) {
    var spark = context.spark();
    var warehouse = context.warehouse();
    if (plan.filesReplaced() == 0 && warehouse.holdsNoRows(Tables.RAW_ARTICLES)) {
      // Nothing to replace: no file is read again and no earlier article exists (a first run). The
      // query below would find none, in about ten Spark jobs (about a second at 100,000 articles).
      return 0;
    }
    String otherDates = TableSpec.RUN_DATE + " <> DATE'" + context.run().runDate() + "'";
    Dataset<Row> history = spark.table(warehouse.qualified(Tables.RAW_ARTICLES)).where(otherDates)
        .select(RawArticles.ID, RawArticles.SOURCE_PATH);
    Dataset<Row> replacedFiles = plan.replacedPaths();
    Dataset<Row> batchIds = IngestStage.articles(records).select(col(RawArticles.ID).as("batch_id"));
    Dataset<Row> withdrawn = history
        .join(replacedFiles, col(RawArticles.SOURCE_PATH).equalTo(col("path")), "left")
        .join(batchIds, col(RawArticles.ID).equalTo(col("batch_id")), "left")
        .where(col("path").isNotNull().or(col("batch_id").isNotNull()))
        .select(RawArticles.ID).distinct()
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long count = withdrawn.count();
      if (count == 0 && plan.filesReplaced() == 0) {
        return 0;
      }
      withdrawn.createOrReplaceTempView(WITHDRAWN_IDS);
      replacedFiles.createOrReplaceTempView(REPLACED_FILES);
      recountedFiles(withdrawn, history, replacedFiles).createOrReplaceTempView(RECOUNTED_FILES);
      Map<TableSpec, String> deletes = new LinkedHashMap<>();
      if (count > 0) {
        for (TableSpec table : Tables.BY_ARTICLE_ID) {
          deletes.put(table, otherDates + " AND id IN (SELECT id FROM " + WITHDRAWN_IDS + ")");
        }
      }
      if (plan.filesReplaced() > 0) {
        deletes.put(Tables.REJECTS,
            otherDates + " AND " + Rejects.SOURCE_PATH + " IN (SELECT path FROM " + REPLACED_FILES + ")");
      }
      // The tables' changes overlap; the ledger's two (rows of files read again go, the others are
      // recounted) are one change, in order, since two commits on one branch at once would conflict.
      List<Runnable> changes = new ArrayList<>();
      deletes.forEach((table, where) -> changes.add(() -> warehouse.deleteOnBranch(table, context.run(), where)));
      changes.add(() -> {
        if (plan.filesReplaced() > 0) {
          warehouse.deleteOnBranch(Tables.INGEST_LEDGER, context.run(),
              otherDates + " AND " + IngestLedger.PATH + " IN (SELECT path FROM " + REPLACED_FILES + ")");
        }
        recountEarlierFiles(context);
      });
      Warehouse.concurrently(changes);
      LOG.info("ingest: {} articles of other run dates replaced by this run's records", count);
      return count;
    } finally {
      withdrawn.unpersist();
      spark.catalog().dropTempView(WITHDRAWN_IDS);
      spark.catalog().dropTempView(REPLACED_FILES);
      spark.catalog().dropTempView(RECOUNTED_FILES);
    }
  }

  /**
   * The ledger rows of earlier files that keep their other records but lose some to ids this run
   * carries: their counts move from {@code articles} and {@code records} to {@code replaced}, so
   * that the ledger's records still equal the articles and rejects the tables hold. One MERGE for
   * all such files: an id field reused across days may touch many.
   */
  private static void recountEarlierFiles(RunContext context) {
    context.warehouse().mergeOnBranch(Tables.INGEST_LEDGER, context.run(), RECOUNTED_FILES,
        "t." + IngestLedger.PATH + " = s." + RawArticles.SOURCE_PATH
            + " AND t." + TableSpec.RUN_DATE + " <> DATE'" + context.run().runDate() + "'",
        IngestLedger.RECORDS + " = t." + IngestLedger.RECORDS + " - s.lost, "
            + IngestLedger.ARTICLES + " = t." + IngestLedger.ARTICLES + " - s.lost, "
            + IngestLedger.REPLACED + " = t." + IngestLedger.REPLACED + " + s.lost");
  }

  /** Per earlier file that keeps its other records: how many it loses to this run's ids ({@code lost}). */
  private static Dataset<Row> recountedFiles(Dataset<Row> withdrawn, Dataset<Row> history, Dataset<Row> replacedFiles) {
    return withdrawn.join(history, RawArticles.ID)
        .join(replacedFiles, col(RawArticles.SOURCE_PATH).equalTo(col("path")), "left_anti")
        .groupBy(RawArticles.SOURCE_PATH).agg(org.apache.spark.sql.functions.count(lit(1)).as("lost"));
  }

  /** The stage's counts: records by outcome and reject reason (one small aggregate), files from the plan. */
  private static StageOutcome outcome(Dataset<Row> records, IngestPlan plan) {
    long articles = 0;
    long rejects = 0;
    Map<String, Long> details = new TreeMap<>();
    for (Row row : records.groupBy(IngestRecords.OUTCOME, Rejects.REASON).count().collectAsList()) {
      if (IngestRecords.ARTICLE.equals(row.getString(0))) {
        articles += row.getLong(2);
      } else {
        rejects += row.getLong(2);
        details.merge("rejected." + row.getString(1), row.getLong(2), Long::sum);
      }
    }
    details.put("files_read", plan.filesToRead());
    details.put("files_skipped", plan.filesSkipped());
    details.put("files_replaced", plan.filesReplaced());
    details.put(BYTES_READ, plan.sizesToRead().bytes());
    return new StageOutcome(articles + rejects, articles, rejects,
        List.of(Tables.RAW_ARTICLES, Tables.REJECTS, Tables.INGEST_LEDGER), details);
  }
}
