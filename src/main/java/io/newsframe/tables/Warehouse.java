package io.newsframe.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Iceberg catalog holding the result tables, and the only code that writes them.
 *
 * <p>A Hadoop catalog needs nothing but a folder (or an HDFS path) and commits atomically by
 * renaming a metadata file.
 */
public final class Warehouse {
  private final SparkSession spark;
  private final String catalog;
  private final String namespace;

  public Warehouse(SparkSession spark, String catalog, String namespace) {
    this.spark = spark;
    this.catalog = catalog;
    this.namespace = namespace;
  }

  /** The warehouse's root folder: the catalog's, where the lock, the journal and the models live. */
  public org.apache.hadoop.fs.Path root() {
    return new org.apache.hadoop.fs.Path(spark.conf().get("spark.sql.catalog." + catalog + ".warehouse"));
  }

  /**
   * The folder of the namespace's tables, where the lock and the publish journal are kept: runs
   * of one namespace exclude each other, namespaces sharing a warehouse do not.
   */
  public org.apache.hadoop.fs.Path namespaceDir() {
    return new org.apache.hadoop.fs.Path(root(), namespace);
  }

  public org.apache.hadoop.fs.FileSystem fileSystem() {
    try {
      return root().getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot reach the warehouse " + root() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Session properties that make {@code catalog} an Iceberg Hadoop catalog at {@code warehouseUri}
   * and the default one, so SQL can name tables without catalog or namespace.
   */
  public static Map<String, String> sessionConf(String catalog, String namespace, String warehouseUri) {
    String prefix = "spark.sql.catalog." + catalog;
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions");
    conf.put(prefix, "org.apache.iceberg.spark.SparkCatalog");
    conf.put(prefix + ".type", "hadoop");
    conf.put(prefix + ".warehouse", warehouseUri);
    conf.put(prefix + ".default-namespace", namespace);
    // Branches are fast-forwarded through the table API; a cached table would hide that commit.
    conf.put(prefix + ".cache-enabled", "false");
    conf.put("spark.sql.defaultCatalog", catalog);
    return conf;
  }

  /**
   * Daily commits would otherwise keep every metadata file for ever. Records replaced by a later
   * run are deleted from earlier partitions: merge-on-read writes a small delete file instead of
   * rewriting the partition's data files (copy-on-write), and compaction folds them in later.
   */
  private static final Map<String, String> TABLE_PROPERTIES = Map.of(
      "write.metadata.delete-after-commit.enabled", "true", "write.metadata.previous-versions-max", "10",
      "write.delete.mode", "merge-on-read", "write.update.mode", "merge-on-read", "write.merge.mode", "merge-on-read");

  /** Tables changed at once by {@link #concurrently}: enough to overlap planning with work on 2 cores. */
  private static final int CONCURRENT_COMMITS = 4;

  public String qualified(TableSpec table) {
    return catalog + "." + namespace + "." + table.name();
  }

  /**
   * The table's rows as main holds them now. A table whose main snapshot records no row (every
   * table of a new warehouse) is given as an empty local relation of its columns instead, which
   * Spark answers on the driver: a query of the empty table is still planned against Iceberg and
   * run as a job, and a first run asked four of them (a few tenths of a second each, more at 100k).
   */
  public Dataset<Row> current(TableSpec table) {
    if (holdsNoRows(table)) {
      return spark.createDataFrame(List.of(), table.schema());
    }
    return spark.table(qualified(table));
  }

  /**
   * Whether main holds no row of the table, by its current snapshot's summary (no Spark job):
   * false when the summary does not say.
   */
  public boolean holdsNoRows(TableSpec table) {
    Snapshot snapshot = icebergTable(table).currentSnapshot();
    return snapshot == null || "0".equals(snapshot.summary().get(SnapshotSummary.TOTAL_RECORDS_PROP));
  }

  /**
   * Creates the namespace and any missing table; adds columns a newer version defines. Each
   * existing table's metadata is read once: a scheduled run pays this for every table every night.
   * Tables are checked side by side ({@link #CONCURRENT_COMMITS} at a time): each is its own
   * folder and commit, and one at a time the twenty of a new warehouse took about 1.5 s of a
   * five-article run.
   */
  public void ensureTables(Collection<TableSpec> tables) {
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + catalog + "." + namespace);
    spark.sql("USE " + catalog + "." + namespace);
    concurrently(tables.stream().map(table -> (Runnable) () -> ensureTable(table)).toList());
  }

  private void ensureTable(TableSpec table) {
    Table iceberg = loadTable(table.name());
    if (iceberg == null) {
      create(table);
      return;
    }
    addMissingColumns(table, iceberg);
    if (!iceberg.properties().containsKey("write.delete.mode")) {
      spark.sql("ALTER TABLE " + qualified(table) + " SET TBLPROPERTIES (" + TABLE_PROPERTIES.entrySet().stream()
          .map(p -> "'" + p.getKey() + "' = '" + p.getValue() + "'").collect(Collectors.joining(", ")) + ")");
    }
    if (iceberg.currentSnapshot() == null) {
      iceberg.newAppend().commit();
    }
  }

  /**
   * Creates {@code table} partitioned by run date, with what Spark's CREATE TABLE would record
   * (its comment and owner), and main at an empty snapshot, so that every publish moves it from
   * one snapshot to another: one transaction, one metadata file (CREATE TABLE and then the empty
   * append wrote two, each a commit).
   */
  private void create(TableSpec table) {
    org.apache.iceberg.Schema schema = org.apache.iceberg.spark.SparkSchemaUtil.convert(nullable(table.schema()));
    org.apache.iceberg.PartitionSpec byRunDate =
        org.apache.iceberg.PartitionSpec.builderFor(schema).identity(TableSpec.RUN_DATE).build();
    Map<String, String> properties = new LinkedHashMap<>(TABLE_PROPERTIES);
    properties.put("format-version", "2");
    properties.put("write.parquet.compression-codec", "zstd");
    properties.put("comment", table.description());
    properties.put("owner", currentUser());
    org.apache.iceberg.Transaction creation =
        icebergCatalog().newCreateTableTransaction(identifier(table.name()), schema, byRunDate, properties);
    creation.newAppend().commit();
    creation.commitTransaction();
  }

  /** The user Spark names as a table's owner: SPARK_USER, or Hadoop's current user. */
  private static String currentUser() {
    String sparkUser = System.getenv("SPARK_USER");
    if (sparkUser != null) {
      return sparkUser;
    }
    try {
      return org.apache.hadoop.security.UserGroupInformation.getCurrentUser().getShortUserName();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot tell the current user: " + e.getMessage(), e);
    }
  }

  /**
   * The table named {@code name} in the namespace as committed now (the catalog does not cache),
   * or null when there is none.
   */
  private Table loadTable(String name) {
    try {
      return icebergCatalog().loadTable(identifier(name));
    } catch (org.apache.iceberg.exceptions.NoSuchTableException e) {
      return null;
    }
  }

  /**
   * The catalog's identifier of the table {@code name} in the namespace, parsed as SQL parses
   * catalog.namespace.table, so a namespace with dots has the same levels as the tables SQL made.
   */
  private org.apache.iceberg.catalog.TableIdentifier identifier(String name) {
    return org.apache.iceberg.catalog.TableIdentifier.parse(namespace + "." + name);
  }

  private org.apache.iceberg.catalog.Catalog icebergCatalog() {
    var plugin = spark.sessionState().catalogManager().catalog(catalog);
    if (!(plugin instanceof org.apache.iceberg.spark.SparkCatalog sparkCatalog)) {
      throw new IllegalStateException("catalog " + catalog + " is not an Iceberg catalog: " + plugin.getClass().getName());
    }
    return sparkCatalog.icebergCatalog();
  }

  /**
   * Columns are created optional: Spark marks most computed columns nullable, and Iceberg would
   * refuse to write those into required ones. docs/tables.md says which are always set.
   */
  private static StructType nullable(StructType schema) {
    StructField[] fields = schema.fields().clone();
    for (int i = 0; i < fields.length; i++) {
      fields[i] = fields[i].copy(fields[i].name(), fields[i].dataType(), true, fields[i].metadata());
    }
    return new StructType(fields);
  }

  private void addMissingColumns(TableSpec table, Table iceberg) {
    List<String> missing = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      if (iceberg.schema().findField(field.name()) == null) {
        missing.add(nullable(new StructType(new StructField[] {field})).toDDL());
      }
    }
    if (!missing.isEmpty()) {
      spark.sql("ALTER TABLE " + qualified(table) + " ADD COLUMNS (" + String.join(", ", missing) + ")");
    }
  }

  /**
   * Replaces the run date's rows of {@code table} on the run's branch with {@code rows}, in one
   * commit, even when {@code rows} is empty.
   */
  public void writeRun(TableSpec table, Dataset<Row> rows, RunSlice run) {
    writeRun(table, rows, run, lit(true));
  }

  /**
   * Like {@link #writeRun(TableSpec, Dataset, RunSlice)}, each task writing the rows it computed,
   * one file each, in at most {@code maxFiles} tasks (neighbouring tasks merged, no shuffle).
   * Iceberg would first gather the rows by partition, a shuffle of every row, though all of a
   * run's rows go to its one run-date partition: for a large table whose rows are already spread
   * over the cores, that shuffle is the write's costliest part. Callers bound the files so that
   * each is larger than what maintenance compacts (operations.maintenance.small-file-bytes).
   */
  public void writeRunWhereComputed(TableSpec table, Dataset<Row> rows, RunSlice run, int maxFiles) {
    overwrite(runWriter(table, rows.coalesce(Math.max(1, maxFiles)), run).option("distribution-mode", "none"),
        table, runDateIs(run));
  }

  /**
   * Like {@link #writeRun(TableSpec, Dataset, RunSlice)} for a table that several stages write
   * (rejects): only the run date's rows that also match {@code ownRows} are replaced.
   */
  public void writeRun(TableSpec table, Dataset<Row> rows, RunSlice run, Column ownRows) {
    overwrite(runWriter(table, rows, run), table, runDateIs(run).and(ownRows));
  }

  /** A writer of the run's rows to the table's branch, its commit marked with the run's id. */
  private org.apache.spark.sql.DataFrameWriterV2<Row> runWriter(TableSpec table, Dataset<Row> rows, RunSlice run) {
    openBranch(table, run);
    return conform(table, rows, run).writeTo(onBranch(table, run))
        .option("snapshot-property.newsframe.run-id", run.runId());
  }

  /**
   * {@link #writeRun(TableSpec, Dataset, RunSlice)} for several tables at once, a few at a time:
   * each write is mostly planning and a commit on the driver, and a small batch's tables are
   * written faster side by side than one after the other. In the map's order.
   */
  public void writeRuns(Map<TableSpec, Dataset<Row>> rowsByTable, RunSlice run) {
    List<Runnable> writes = new ArrayList<>();
    rowsByTable.forEach((table, rows) -> writes.add(() -> writeRun(table, rows, run)));
    concurrently(writes);
  }

  /** Empties the run date's rows of {@code tables} on the run's branches: a stage had nothing to write. */
  public void writeEmptyRuns(Collection<TableSpec> tables, RunSlice run) {
    Map<TableSpec, Dataset<Row>> empty = new LinkedHashMap<>();
    for (TableSpec table : tables) {
      empty.put(table, spark.createDataFrame(List.<Row>of(), table.schema()));
    }
    writeRuns(empty, run);
  }

  /** The run date's rows of {@code table} as the run sees them: its branch if it wrote one. */
  public Dataset<Row> readRun(TableSpec table, RunSlice run) {
    boolean written = icebergTable(table).refs().containsKey(run.branch());
    return spark.table(written ? onBranch(table, run) : qualified(table)).where(runDateIs(run));
  }

  /** The run's branch starts where main is now (an empty table gets an empty first snapshot). */
  private void openBranch(TableSpec table, RunSlice run) {
    Table iceberg = icebergTable(table);
    if (!iceberg.refs().containsKey(run.branch())) {
      iceberg.manageSnapshots().createBranch(run.branch()).commit();
    }
  }

  /** Iceberg's name for a branch of a table in SQL and DataFrame writes. */
  private String onBranch(TableSpec table, RunSlice run) {
    return qualified(table) + ".branch_" + run.branch();
  }

  /**
   * Replaces the run date's rows of a run-history table that match {@code ownRows} (one attempt's)
   * on main directly: what an attempt is doing is visible while it runs, and stays when it fails.
   */
  public void writeHistory(TableSpec table, Dataset<Row> rows, RunSlice run, Column ownRows) {
    overwrite(conform(table, rows, run).writeTo(qualified(table))
        .option("snapshot-property.newsframe.run-id", run.runId()), table, runDateIs(run).and(ownRows));
  }

  /**
   * Updates, on the run's branch, the rows ({@code t}) that a row of the temporary view
   * {@code source} ({@code s}) matches by {@code on}: {@code set} is SQL's SET list. One statement
   * for any number of rows.
   */
  public void mergeOnBranch(TableSpec table, RunSlice run, String source, String on, String set) {
    openBranch(table, run);
    spark.sql("MERGE INTO " + onBranch(table, run) + " t USING " + source + " s ON " + on
        + " WHEN MATCHED THEN UPDATE SET " + set);
  }

  /**
   * Deletes the rows matching {@code where} (SQL, may name temporary views) on the run's branch, so
   * that they go when the run is published: earlier versions of records the run reads again.
   */
  public void deleteOnBranch(TableSpec table, RunSlice run, String where) {
    openBranch(table, run);
    spark.sql("DELETE FROM " + onBranch(table, run) + " WHERE " + where);
  }

  /**
   * Runs {@code changes} (each the commits of one table, in order) a few at a time, and returns
   * when all have ended; then the first failure is rethrown, so that no change is still committing
   * when a failed run drops its branches. Each change is mostly planning and a commit on the
   * driver, and the tables' commits are independent: a small batch's overlap instead of queueing.
   * Changes to one table belong in one of them: two commits racing on a branch would conflict.
   */
  public static void concurrently(List<Runnable> changes) {
    List<java.util.concurrent.Callable<Void>> work = new ArrayList<>();
    changes.forEach(change -> work.add(() -> {
      change.run();
      return null;
    }));
    io.newsframe.ml.Concurrently.all(work, CONCURRENT_COMMITS);
  }

  private void overwrite(org.apache.spark.sql.DataFrameWriterV2<Row> writer, TableSpec table, Column rows) {
    try {
      writer.overwrite(rows);
    } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
      throw new IllegalStateException("table " + qualified(table) + " is gone; was the warehouse changed "
          + "while the run went on?", e);
    }
  }

  /**
   * Makes every branch the run wrote the table's main state, then drops the branches. The publish
   * journal is written first and deleted last: a driver killed in between leaves it for
   * {@link #completeInterruptedPublish} to finish.
   */
  public void publish(RunSlice run, int attempt, Collection<TableSpec> tables) {
    List<PublishJournal.Entry> entries = new ArrayList<>();
    for (TableSpec table : tables) {
      Table iceberg = icebergTable(table);
      SnapshotRef branch = iceberg.refs().get(run.branch());
      if (branch != null) {
        entries.add(new PublishJournal.Entry(table.name(), run.branch(), iceberg.currentSnapshot().snapshotId(),
            branch.snapshotId()));
      }
    }
    PublishJournal journal = new PublishJournal(run.runId(), run.runDate(), attempt, List.copyOf(entries));
    journal.write(fileSystem(), namespaceDir());
    CrashPoints.reach("publish:0");
    complete(journal);
  }

  /**
   * Finishes a publish a killed driver left half done (its journal is there), or does nothing.
   *
   * @return the journal that was completed, or null
   */
  public PublishJournal completeInterruptedPublish() {
    PublishJournal journal = PublishJournal.read(fileSystem(), namespaceDir());
    if (journal != null) {
      complete(journal);
    }
    return journal;
  }

  /** True while a publish is in progress or was interrupted: readers should not trust main yet. */
  public boolean publishPending() {
    try {
      return fileSystem().exists(PublishJournal.path(namespaceDir()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Moves each table's main to its target, table by table; a table already there is skipped, so
   * completing twice is completing once. A main that is neither where the journal found it nor at
   * the target was moved by someone else, and the publish stops rather than overwrite that.
   */
  private void complete(PublishJournal journal) {
    int moved = 0;
    for (PublishJournal.Entry entry : journal.entries()) {
      Table iceberg = icebergTableNamed(entry.table());
      long current = iceberg.currentSnapshot().snapshotId();
      if (current != entry.target()) {
        if (current != entry.before()) {
          throw new IllegalStateException("table " + entry.table() + " changed during the publish of run "
              + journal.runId() + " (main is at snapshot " + current + ", expected " + entry.before() + " or "
              + entry.target() + "); the journal " + PublishJournal.path(namespaceDir()) + " is kept for inspection");
        }
        iceberg.manageSnapshots().replaceBranch(SnapshotRef.MAIN_BRANCH, entry.target()).commit();
        iceberg.refresh();
      }
      if (iceberg.refs().containsKey(entry.branch())) {
        iceberg.manageSnapshots().removeBranch(entry.branch()).commit();
      }
      CrashPoints.reach("publish:" + ++moved);
    }
    PublishJournal.delete(fileSystem(), namespaceDir());
  }

  /** Drops the run's branches without publishing them (a failed run). */
  public void discard(RunSlice run, Collection<TableSpec> tables) {
    for (TableSpec table : tables) {
      Table iceberg = icebergTable(table);
      if (iceberg.refs().containsKey(run.branch())) {
        iceberg.manageSnapshots().removeBranch(run.branch()).commit();
      }
    }
  }

  /**
   * Drops every run branch of the tables (names starting with {@code run_}): what killed runs left.
   * Only a run holding the warehouse lock calls this, so no live run owns any of them.
   *
   * @return the branches dropped, as table.branch
   */
  public List<String> discardAllRunBranches(Collection<TableSpec> tables) {
    List<String> dropped = new ArrayList<>();
    for (TableSpec table : tables) {
      Table iceberg = icebergTable(table);
      for (String ref : List.copyOf(iceberg.refs().keySet())) {
        if (ref.startsWith(RunSlice.BRANCH_PREFIX)) {
          iceberg.manageSnapshots().removeBranch(ref).commit();
          dropped.add(table.name() + "." + ref);
        }
      }
    }
    return dropped;
  }

  /** The Iceberg table behind {@code table}, as committed now (the catalog does not cache). */
  public Table icebergTable(TableSpec table) {
    return icebergTableNamed(table.name());
  }

  private Table icebergTableNamed(String name) {
    Table table = loadTable(name);
    if (table == null) {
      throw new IllegalStateException("cannot load table " + catalog + "." + namespace + "." + name
          + ": the catalog has no such table");
    }
    return table;
  }

  /** Stamps the run's id and date on the rows and orders the columns as the table has them. */
  private static Dataset<Row> conform(TableSpec table, Dataset<Row> rows, RunSlice run) {
    Dataset<Row> stamped = rows
        .withColumn(TableSpec.RUN_ID, lit(run.runId()))
        .withColumn(TableSpec.RUN_DATE, lit(java.sql.Date.valueOf(run.runDate())));
    Set<String> present = Set.of(stamped.columns());
    List<Column> columns = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      if (!present.contains(field.name())) {
        throw new IllegalArgumentException("rows for " + table.name() + " lack column " + field.name()
            + "; they have " + present.stream().sorted().collect(Collectors.joining(", ")));
      }
      columns.add(col(field.name()).cast(field.dataType()).as(field.name()));
    }
    return stamped.select(columns.toArray(Column[]::new));
  }

  private static Column runDateIs(RunSlice run) {
    return col(TableSpec.RUN_DATE).equalTo(lit(java.sql.Date.valueOf(run.runDate())));
  }
}
