package io.newsframe.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import io.newsframe.config.IngestSettings;
import io.newsframe.tables.Checkpoints;
import io.newsframe.tables.TableSpec;
import io.newsframe.tables.Tables.IngestLedger;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Which of the listed input files a run reads, from what the ingest ledger says was taken in
 * before. A file the ledger does not hold is read; one it holds with the same size and time is
 * not; one whose size or time changed is read whole when its bytes changed too (a file only
 * touched is not), and its earlier records are replaced. A re-run of a run date reads exactly the
 * files that date took in; {@code ingest.mode = all} reads everything.
 *
 * <p>The plan is a join of the listing and the ledger, grouped by file and kept once computed (the
 * content hashes read the candidate files that need one here): per-file state stays on the
 * executors, and the driver holds a few counts. Every listed file is kept with its decision, as a
 * first run keeps its listing; only the candidates (files new or changed by size or time, or all in
 * a re-run or {@code all} mode) are hashed where needed. A first run's ledger holds nothing to
 * join: its listing is the plan.
 */
public final class IngestPlan {
  /**
   * The SHA-256 of a file's bytes, hex; null when the file was not a candidate, or is a text file
   * that no earlier date read (its reader hashes it: {@link IngestRecords#CONTENT_HASH}).
   */
  public static final String CONTENT_HASH = "content_hash";
  private static final String READ = "nf_read";
  private static final String REPLACES = "nf_replaces";
  private static final String KNOWN = "nf_known";
  private static final String UNCHANGED = "nf_unchanged";
  private static final String OF_THIS_DATE = "nf_of_this_date";

  private final Dataset<Row> planned;
  private final boolean rerun;
  private final long listed;
  private final FileSizes toRead;
  private final long replaced;

  private IngestPlan(Dataset<Row> planned, boolean rerun, long listed, FileSizes toRead, long replaced) {
    this.planned = planned;
    this.rerun = rerun;
    this.listed = listed;
    this.toRead = toRead;
    this.replaced = replaced;
  }

  /**
   * @param listing the input's files, {@link InputFile#SCHEMA}
   * @param ledger the ingest ledger's rows (path, size, modified_at, content_hash, run_date at least)
   * @param hasher the content hash of a file by URI: called on the executors, once per candidate
   *     hashed here
   */
  public static IngestPlan of(Dataset<Row> listing, Dataset<Row> ledger, LocalDate runDate,
      IngestSettings.Mode mode, UDF1<String, String> hasher) {
    Objects.requireNonNull(listing, "listing");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(runDate, "runDate");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(hasher, "hasher");
    Column thisDate = lit(Date.valueOf(runDate));
    // Two small jobs (one on a first run): a ledger's first row, and a row of the run date.
    if (ledger.isEmpty()) {
      return firstRun(listing, hasher);
    }
    boolean rerun = !ledger.where(col(TableSpec.RUN_DATE).equalTo(thisDate)).isEmpty();
    // The listing is walked once, within the plan's own job: every listed file is kept with its
    // decision, so that the files listed are counted with the rest.
    Dataset<Row> planned = Checkpoints.keep(decided(listing, ledger, thisDate, mode, rerun, hasher));
    // The files listed and replaced, and the sizes of those to read that the read spreads its
    // tasks by: one job.
    List<Column> sums = new ArrayList<>(List.of(sum(when(col(REPLACES), 1L).otherwise(0L))));
    sums.addAll(List.of(FileSizes.sums(col(READ))));
    Row counts = planned.agg(count(lit(1)), sums.toArray(Column[]::new)).first();
    return new IngestPlan(planned, rerun, counts.getLong(0), FileSizes.of(counts, 2),
        counts.isNullAt(1) ? 0 : counts.getLong(1));
  }

  /**
   * A first run's plan: a ledger without rows knows no file, so every listed one is read (in
   * either mode) and none replaces anything; the joins with it would only cost their jobs (about a
   * second at 100,000 files). A listing the driver holds whole (a small input) is counted there,
   * and when none of its files needs a hash here (text files: their reader hashes them) it is the
   * plan itself: no Spark job (five files took seven, about 1.2 s). Otherwise the plan is kept
   * once computed, the listing walked within it, and counted in one job.
   */
  private static IngestPlan firstRun(Dataset<Row> listing, UDF1<String, String> hasher) {
    if (listing.isLocal()) {
      List<InputFile> files = listing.collectAsList().stream().map(InputFile::of).toList();
      boolean hashedHere = files.stream().anyMatch(file -> file.kind() != FileKind.TXT);
      Dataset<Row> planned = hashedHere ? Checkpoints.keep(unknown(listing, hasher)) : unhashed(listing);
      return new IngestPlan(planned, false, files.size(), FileSizes.of(files), 0);
    }
    Dataset<Row> planned = Checkpoints.keep(unknown(listing, hasher));
    Column[] sizes = FileSizes.sums(lit(true));
    Row counts = planned.agg(count(lit(1)), sizes).first();
    return new IngestPlan(planned, false, counts.getLong(0), FileSizes.of(counts, 1), 0);
  }

  /** The plan's rows for text files alone on a first run: read, replacing nothing, hashed by their reader. */
  private static Dataset<Row> unhashed(Dataset<Row> listing) {
    return listing.select(readingEvery(lit(null).cast(DataTypes.StringType)));
  }

  /**
   * The plan's rows when the ledger holds none: every listed file is read (in either mode) and
   * replaces nothing; those its reader does not hash are hashed here, as {@link #hashed} does.
   */
  private static Dataset<Row> unknown(Dataset<Row> listed, UDF1<String, String> hasher) {
    Column hash = when(col(InputFile.KIND).notEqual(lit(FileKind.TXT.name())),
        contentHash(hasher).apply(col(InputFile.URI)));
    return listed.repartition(hashTasks(listed)).select(readingEvery(hash));
  }

  /** A first run's plan columns: the listing's, {@code hash} as the content hash, every file read, none replaced. */
  private static Column[] readingEvery(Column hash) {
    List<Column> columns = new ArrayList<>(List.of(InputFile.columns()));
    columns.addAll(List.of(hash.as(CONTENT_HASH), lit(true).as(READ), lit(false).as(REPLACES)));
    return columns.toArray(Column[]::new);
  }

  /**
   * Every listed file with its decision: whether it is read, and whether it replaces a file read
   * on another date. The candidates are, in {@code new} mode, the files no ledger row holds with
   * the same size and time; in a re-run those the ledger holds on its date; in {@code all} mode
   * every file. A candidate is read when its latest ledger row says so (in {@code new} mode:
   * unknown, or changed by size or time; in a re-run: read on this date last), unless its bytes did
   * not change (only touched).
   */
  private static Dataset<Row> decided(Dataset<Row> listing, Dataset<Row> ledger, Column thisDate,
      IngestSettings.Mode mode, boolean rerun, UDF1<String, String> hasher) {
    Column candidate = switch (mode) {
      case ALL -> lit(true);
      case NEW -> rerun ? col(OF_THIS_DATE) : not(col(UNCHANGED));
    };
    Column known = col(KNOWN).isNotNull();
    Column sameDate = known.and(col(KNOWN + "." + TableSpec.RUN_DATE).equalTo(thisDate));
    Column fromOtherDate = known.and(not(sameDate));
    Column take = candidate.and(switch (mode) {
      case ALL -> lit(true);
      case NEW -> rerun ? sameDate : not(known)
          .or(col(KNOWN + "." + IngestLedger.SIZE).notEqual(col(InputFile.LENGTH)))
          .or(col(KNOWN + ".millis").notEqual(col(InputFile.MODIFIED_AT)));
    });
    // Hashed here where the decision needs it (a file changed by size or time since another date
    // read it: only touched, or changed?), or its reader does not hash it (JSONL, Parquet). A text
    // file read otherwise is hashed by its reader as it reads it (TextFileReader), not read twice.
    Column hashedHere = fromOtherDate.or(col(InputFile.KIND).notEqual(lit(FileKind.TXT.name())));
    // Spread over several tasks before hashing: adaptive execution would otherwise coalesce the
    // grouping's output into few partitions, so that one thread would read every file hashed.
    Dataset<Row> withHash = withLedger(listing, ledger, thisDate).repartition(hashTasks(listing))
        .select(col("*"), when(take.and(hashedHere), contentHash(hasher).apply(col(InputFile.URI))).as(CONTENT_HASH),
            take.as("nf_take"), fromOtherDate.as("nf_other_date"));
    Column onlyTouched = mode == IngestSettings.Mode.NEW
        ? col("nf_other_date").and(col(KNOWN + "." + IngestLedger.CONTENT_HASH).eqNullSafe(col(CONTENT_HASH)))
        : lit(false);
    Column read = col("nf_take").and(not(onlyTouched));
    List<Column> columns = new ArrayList<>(List.of(InputFile.columns()));
    columns.addAll(List.of(col(CONTENT_HASH), read.as(READ), read.and(col("nf_other_date")).as(REPLACES)));
    return withHash.select(columns.toArray(Column[]::new));
  }

  /**
   * Each listed file with what the ledger holds of it, in one join grouped by file: whether a row
   * has its size and time ({@link #UNCHANGED}), whether a row is of the run date
   * ({@link #OF_THIS_DATE}), and the latest row by run date ({@link #KNOWN}, null for a file the
   * ledger does not hold). One join where an anti-join, a semi-join and a left join met the ledger:
   * a run of five files on a warehouse that holds a day planned in about 0.65 s less
   * (docs/benchmarks/history.md, 2026-12-08).
   */
  private static Dataset<Row> withLedger(Dataset<Row> listing, Dataset<Row> ledger, Column thisDate) {
    Dataset<Row> rows = ledger.select(col(IngestLedger.PATH).as("k_path"),
        struct(col(IngestLedger.SIZE), unix_millis(col(IngestLedger.MODIFIED_AT)).as("millis"),
            col(IngestLedger.CONTENT_HASH), col(TableSpec.RUN_DATE)).as("k_row"));
    Column unchanged = col("k_row." + IngestLedger.SIZE).equalTo(col(InputFile.LENGTH))
        .and(col("k_row.millis").equalTo(col(InputFile.MODIFIED_AT)));
    Column ofThisDate = col("k_row." + TableSpec.RUN_DATE).equalTo(thisDate);
    return listing.join(rows, col(InputFile.URI).equalTo(col("k_path")), "left")
        .groupBy(InputFile.columns())
        .agg(max(coalesce(unchanged, lit(false))).as(UNCHANGED),
            max(coalesce(ofThisDate, lit(false))).as(OF_THIS_DATE),
            max_by(col("k_row"), col("k_row." + TableSpec.RUN_DATE)).as(KNOWN));
  }

  /**
   * The hasher as a column function, marked nondeterministic so that the optimizer never copies
   * the call into each use of its column.
   */
  private static UserDefinedFunction contentHash(UDF1<String, String> hasher) {
    return org.apache.spark.sql.functions.udf(hasher, DataTypes.StringType).asNondeterministic();
  }

  /** Tasks the plan's hashes are spread over: four per core. */
  private static int hashTasks(Dataset<Row> files) {
    return 4 * files.sparkSession().sparkContext().defaultParallelism();
  }

  /** The files to read: {@link InputFile#SCHEMA} and their {@link #CONTENT_HASH}. */
  public Dataset<Row> toRead() {
    return planned.where(col(READ)).drop(READ, REPLACES);
  }

  /** URIs (column {@code path}) of files read before on another run date: their earlier rows are withdrawn. */
  public Dataset<Row> replacedPaths() {
    return planned.where(col(REPLACES)).select(col(InputFile.URI).as(IngestLedger.PATH));
  }

  public long filesToRead() {
    return toRead.files();
  }

  /** The files to read, counted and sized by how they are read. */
  public FileSizes sizesToRead() {
    return toRead;
  }

  public long filesReplaced() {
    return replaced;
  }

  /** Files listed but already taken in, unchanged. */
  public long filesSkipped() {
    return listed - toRead.files();
  }

  /** Files the input holds (its listing, hidden names left out). */
  public long filesListed() {
    return listed;
  }

  /** True when the run date had taken files in before. */
  public boolean rerun() {
    return rerun;
  }
}
