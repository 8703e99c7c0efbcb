package io.newsframe.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.newsframe.ingest.IngestPlan;
import io.newsframe.ingest.IngestRecords;
import io.newsframe.ingest.IngestStage;
import io.newsframe.ingest.InputFile;
import io.newsframe.tables.TableSpec;
import io.newsframe.tables.Tables;
import io.newsframe.tables.Tables.IngestLedger;
import io.newsframe.tables.Tables.RawArticles;
import io.newsframe.tables.Tables.Rejects;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
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
  private static final String WITHDRAWN_IDS = "nf_withdrawn_ids";
  private static final String REPLACED_FILES = "nf_replaced_files";
  private static final String RECOUNTED_FILES = "nf_recounted_files";

  @Override
  public String name() {
    return IngestStage.NAME;
  }

  @Override
  public StageOutcome run(RunContext context) {
    IngestPlan plan = plan(context);
    LOG.info("ingest: {} files to read ({} replace files read on other dates), {} already taken in{}",
        plan.toRead().size(), plan.replaced().size(), plan.skipped(), plan.rerun() ? "; a re-run of its date" : "");
    // The files are read once. The raw records are kept (spilling to disk) while the id check reads
    // them twice; the checked records are kept for the counts and the writes.
    Dataset<Row> read = IngestStage.readRecords(
        context.spark(), plan.toRead(), context.config().input(), context.config().ingest())
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> records = IngestStage.rejectDuplicateIds(read, context.config().ingest().excerptChars())
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<String, long[]> perFile = countsPerFile(records);
      StageOutcome outcome = outcome(perFile, plan, rejectsByReason(records));
      read.unpersist();
      long withdrawn = withdrawEarlierVersions(context, records, plan);
      context.warehouse().writeRun(Tables.RAW_ARTICLES, IngestStage.articles(records), context.run());
      io.newsframe.tables.CrashPoints.reach("ingest:written");
      context.warehouse().writeRun(Tables.REJECTS, IngestStage.rejects(records), context.run(),
          col(Rejects.STAGE).equalTo(IngestStage.NAME));
      context.warehouse().writeRun(Tables.INGEST_LEDGER, ledgerRows(context, plan, perFile), context.run());
      outcome.details().put("records_replaced", withdrawn);
      return outcome;
    } finally {
      read.unpersist();
      records.unpersist();
    }
  }

  private static IngestPlan plan(RunContext context) {
    List<InputFile> listed = IngestStage.listInput(context.spark(), context.config().input());
    List<IngestPlan.Known> ledger = new ArrayList<>();
    // One row per file taken in: as many as the listing holds, never one per record.
    for (Row row : context.spark().table(context.warehouse().qualified(Tables.INGEST_LEDGER))
        .select(IngestLedger.PATH, IngestLedger.SIZE, IngestLedger.MODIFIED_AT, IngestLedger.CONTENT_HASH,
            TableSpec.RUN_DATE).collectAsList()) {
      ledger.add(new IngestPlan.Known(row.getString(0), row.getLong(1), row.getTimestamp(2).getTime(),
          row.getString(3), row.getDate(4).toLocalDate()));
    }
    return IngestPlan.of(listed, ledger, context.run().runDate(), context.config().ingest().mode(),
        files -> IngestStage.contentHashes(context.spark(), files));
  }

  /** Articles and rejects per file URI: one small aggregate. */
  private static Map<String, long[]> countsPerFile(Dataset<Row> records) {
    Map<String, long[]> perFile = new HashMap<>();
    for (Row row : records.groupBy(RawArticles.SOURCE_PATH, IngestRecords.OUTCOME).count().collectAsList()) {
      long[] counts = perFile.computeIfAbsent(row.getString(0), k -> new long[2]);
      counts[IngestRecords.ARTICLE.equals(row.getString(1)) ? 0 : 1] += row.getLong(2);
    }
    return perFile;
  }

  private static Dataset<Row> ledgerRows(RunContext context, IngestPlan plan, Map<String, long[]> perFile) {
    List<Row> rows = new ArrayList<>();
    for (InputFile file : plan.toRead()) {
      long[] counts = perFile.getOrDefault(file.uri(), new long[2]);
      rows.add(Tables.INGEST_LEDGER.row(Map.of(IngestLedger.PATH, file.uri(), IngestLedger.SIZE, file.length(),
          IngestLedger.MODIFIED_AT, new Timestamp(file.modifiedAt()),
          IngestLedger.CONTENT_HASH, plan.hashes().get(file.uri()),
          IngestLedger.RECORDS, counts[0] + counts[1], IngestLedger.ARTICLES, counts[0],
          IngestLedger.REJECTS, counts[1], IngestLedger.REPLACED, 0L)));
    }
    return context.spark().createDataFrame(rows, Tables.INGEST_LEDGER.dataSchema());
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
    String otherDates = TableSpec.RUN_DATE + " <> DATE'" + context.run().runDate() + "'";
    Dataset<Row> history = spark.table(warehouse.qualified(Tables.RAW_ARTICLES)).where(otherDates)
        .select(RawArticles.ID, RawArticles.SOURCE_PATH);
    Dataset<Row> replacedFiles = spark.createDataset(List.copyOf(plan.replaced()), Encoders.STRING()).toDF("path");
    Dataset<Row> batchIds = IngestStage.articles(records).select(col(RawArticles.ID).as("batch_id"));
    Dataset<Row> withdrawn = history
        .join(replacedFiles, col(RawArticles.SOURCE_PATH).equalTo(col("path")), "left")
        .join(batchIds, col(RawArticles.ID).equalTo(col("batch_id")), "left")
        .where(col("path").isNotNull().or(col("batch_id").isNotNull()))
        .select(RawArticles.ID).distinct()
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long count = withdrawn.count();
      if (count == 0 && plan.replaced().isEmpty()) {
        return 0;
      }
      withdrawn.createOrReplaceTempView(WITHDRAWN_IDS);
      replacedFiles.createOrReplaceTempView(REPLACED_FILES);
      Map<TableSpec, String> deletes = new LinkedHashMap<>();
      if (count > 0) {
        for (TableSpec table : Tables.BY_ARTICLE_ID) {
          deletes.put(table, otherDates + " AND id IN (SELECT id FROM " + WITHDRAWN_IDS + ")");
        }
      }
      if (!plan.replaced().isEmpty()) {
        deletes.put(Tables.REJECTS,
            otherDates + " AND " + Rejects.SOURCE_PATH + " IN (SELECT path FROM " + REPLACED_FILES + ")");
        deletes.put(Tables.INGEST_LEDGER,
            otherDates + " AND " + IngestLedger.PATH + " IN (SELECT path FROM " + REPLACED_FILES + ")");
      }
      warehouse.deleteOnBranches(deletes, context.run());
      recountEarlierFiles(context, withdrawn, history, replacedFiles);
      LOG.info("ingest: {} articles of other run dates replaced by this run's records", count);
      return count;
    } finally {
      withdrawn.unpersist();
      spark.catalog().dropTempView(WITHDRAWN_IDS);
      spark.catalog().dropTempView(REPLACED_FILES);
    }
  }

  /**
   * The ledger rows of earlier files that keep their other records but lose some to ids this run
   * carries: their counts move from {@code articles} and {@code records} to {@code replaced}, so
   * that the ledger's records still equal the articles and rejects the tables hold. One MERGE for
   * all such files: an id field reused across days may touch many.
   */
  private static void recountEarlierFiles(RunContext context, Dataset<Row> withdrawn, Dataset<Row> history,
      Dataset<Row> replacedFiles) {
    withdrawn.join(history, RawArticles.ID)
        .join(replacedFiles, col(RawArticles.SOURCE_PATH).equalTo(col("path")), "left_anti")
        .groupBy(RawArticles.SOURCE_PATH).agg(org.apache.spark.sql.functions.count(lit(1)).as("lost"))
        .createOrReplaceTempView(RECOUNTED_FILES);
    try {
      context.warehouse().mergeOnBranch(Tables.INGEST_LEDGER, context.run(), RECOUNTED_FILES,
          "t." + IngestLedger.PATH + " = s." + RawArticles.SOURCE_PATH
              + " AND t." + TableSpec.RUN_DATE + " <> DATE'" + context.run().runDate() + "'",
          IngestLedger.RECORDS + " = t." + IngestLedger.RECORDS + " - s.lost, "
              + IngestLedger.ARTICLES + " = t." + IngestLedger.ARTICLES + " - s.lost, "
              + IngestLedger.REPLACED + " = t." + IngestLedger.REPLACED + " + s.lost");
    } finally {
      context.spark().catalog().dropTempView(RECOUNTED_FILES);
    }
  }

  private static Map<String, Long> rejectsByReason(Dataset<Row> records) {
    Map<String, Long> byReason = new TreeMap<>();
    for (Row row : records.where(col(IngestRecords.OUTCOME).equalTo(IngestRecords.REJECT))
        .groupBy(Rejects.REASON).count().collectAsList()) {
      byReason.put("rejected." + row.getString(0), row.getLong(1));
    }
    return byReason;
  }

  private static StageOutcome outcome(Map<String, long[]> perFile, IngestPlan plan, Map<String, Long> byReason) {
    long articles = 0;
    long rejects = 0;
    for (long[] counts : perFile.values()) {
      articles += counts[0];
      rejects += counts[1];
    }
    Map<String, Long> details = new TreeMap<>(byReason);
    details.put("files_read", (long) plan.toRead().size());
    details.put("files_skipped", (long) plan.skipped());
    details.put("files_replaced", (long) plan.replaced().size());
    return new StageOutcome(articles + rejects, articles, rejects,
        List.of(Tables.RAW_ARTICLES, Tables.REJECTS, Tables.INGEST_LEDGER), details);
  }
}
