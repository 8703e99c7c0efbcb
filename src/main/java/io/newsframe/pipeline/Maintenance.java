package io.newsframe.pipeline;

import static org.apache.spark.sql.functions.col;

import io.newsframe.config.NewsframeConfig;
import io.newsframe.config.OperationsSettings;
import io.newsframe.tables.TableSpec;
import io.newsframe.tables.Tables;
import io.newsframe.tables.Tables.Runs;
import io.newsframe.tables.Warehouse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a warehouse that runs every day from growing without end, with Iceberg's own actions: it
 * compacts each partition's small data files and the manifests commits pile up, expires old
 * snapshots (the files only they used go with them) and removes files no snapshot references
 * (what killed writers left), then deletes the saved models no recent run used. Runs after each succeeded run (operations.maintenance.enabled)
 * and from jobs/maintain; the caller holds the warehouse lock.
 */
public final class Maintenance {
  private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);
  private static final String ORPHAN_MARKER = "_orphans_checked";

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final NewsframeConfig config;

  public Maintenance(SparkSession spark, Warehouse warehouse, NewsframeConfig config) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.config = config;
  }

  /** What one pass did: data files rewritten, tables whose snapshots were expired, files and models removed. */
  public record Summary(long filesCompacted, long snapshotsExpired, long orphansRemoved, int modelsDeleted) {}

  /** Maintenance after a run, when the configuration turns it on. */
  void afterRun() {
    if (config.operations().maintenance().enabled()) {
      Summary summary = run(false);
      LOG.info("maintenance: {} data files compacted, {} tables' old snapshots expired, {} orphan files and {} saved models removed",
          summary.filesCompacted(), summary.snapshotsExpired(), summary.orphansRemoved(), summary.modelsDeleted());
    }
  }

  /**
   * One pass over every table, then the saved models.
   *
   * @param orphansNow search the tables for orphan files whatever orphan-check-every says
   */
  public Summary run(boolean orphansNow) {
    OperationsSettings.Maintenance settings = config.operations().maintenance();
    long now = System.currentTimeMillis();
    boolean orphansDue = orphanCheckDue(now, settings) || orphansNow;
    long compacted = 0;
    long expired = 0;
    long orphans = 0;
    SparkActions actions = SparkActions.get(spark);
    for (TableSpec spec : Tables.ALL) {
      Table table = warehouse.icebergTable(spec);
      if (hasFilesToCompact(table, settings)) {
        compacted += actions.rewriteDataFiles(table)
            .option("min-input-files", String.valueOf(settings.minInputFiles()))
            // Only small files are gathered: a large run's write is split into files of several
            // MB to use every core, and rewriting those would cost a large run a second write.
            .option("min-file-size-bytes", String.valueOf(settings.smallFileBytes()))
            // A data file with enough delete files (records replaced by later runs) is rewritten without them.
            .option("delete-file-threshold", String.valueOf(settings.deleteFileThreshold()))
            .execute().rewrittenDataFilesCount();
        table.refresh();
      }
      // Every commit adds a manifest, and Iceberg merges them only at 100: daily commits need a rewrite.
      if (table.currentSnapshot() != null
          && table.currentSnapshot().allManifests(table.io()).size() >= settings.minInputFiles()) {
        actions.rewriteManifests(table).execute();
        table.refresh();
      }
      if (expirable(table, now - settings.snapshotAge().toMillis(), settings.retainLast())) {
        actions.expireSnapshots(table).expireOlderThan(now - settings.snapshotAge().toMillis())
            .retainLast(settings.retainLast()).execute();
        expired++;
        table.refresh();
      }
    }
    if (orphansDue) {
      orphans += deleteOrphans(actions, now - settings.orphanAge().toMillis());
      orphans += sweepCheckpoints(now - settings.orphanAge().toMillis());
      markOrphanCheck();
    }
    int models = ModelStore.prune(warehouse.fileSystem(), warehouse.root(), config.namespace(), modelsInUse(settings));
    return new Summary(compacted, expired, orphans, models);
  }

  /**
   * True when some partition holds at least {@code min-input-files} small data files, or a data
   * file has {@code delete-file-threshold} delete files to fold in: planning reads only manifests,
   * while the rewrite action starts Spark jobs even when it has nothing to do.
   */
  private static boolean hasFilesToCompact(Table table, OperationsSettings.Maintenance settings) {
    if (table.currentSnapshot() == null) {
      return false;
    }
    java.util.Map<String, Integer> smallPerPartition = new java.util.HashMap<>();
    try (var tasks = table.newScan().planFiles()) {
      for (var task : tasks) {
        if (task.deletes().size() >= settings.deleteFileThreshold()) {
          return true;
        }
        boolean small = task.file().fileSizeInBytes() < settings.smallFileBytes();
        if (small && smallPerPartition.merge(task.file().partition().toString(), 1, Integer::sum)
            >= settings.minInputFiles()) {
          return true;
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot plan the files of " + table.name(), e);
    }
    return false;
  }

  /** True when the table has more snapshots than it keeps and one of them is old enough to go. */
  private static boolean expirable(Table table, long olderThan, int retainLast) {
    int snapshots = 0;
    boolean old = false;
    for (var snapshot : table.snapshots()) {
      snapshots++;
      old |= snapshot.timestampMillis() < olderThan;
    }
    return snapshots > retainLast && old;
  }

  /**
   * The files of every table that no snapshot references and that are older than {@code olderThan}
   * (epoch milliseconds), deleted; how many. Iceberg's action per table is a few small Spark jobs
   * (the table's files listed, its manifests read, the two compared): the tables are independent,
   * so they are searched side by side as the tables' writes are, each job overlapping another's
   * planning.
   */
  private long deleteOrphans(SparkActions actions, long olderThan) {
    AtomicLong deleted = new AtomicLong();
    Warehouse.concurrently(Tables.ALL.stream().map(spec -> (Runnable) () -> deleted.addAndGet(count(
        actions.deleteOrphanFiles(warehouse.icebergTable(spec)).olderThan(olderThan).execute().orphanFileLocations())))
        .toList());
    return deleted.get();
  }

  /**
   * Orphan files are what killed writers leave, and listing every file of every table is the
   * costly part of maintenance (about 10 s of a nightly run on a 100k-article warehouse): it runs
   * when the last search (a marker file in the namespace folder) is older than orphan-check-every,
   * not after every run. The first maintenance of a warehouse only sets the marker, so the first
   * search comes orphan-check-every later.
   */
  private boolean orphanCheckDue(long now, OperationsSettings.Maintenance settings) {
    try {
      var marker = new org.apache.hadoop.fs.Path(warehouse.namespaceDir(), ORPHAN_MARKER);
      var fs = warehouse.fileSystem();
      if (!fs.exists(marker)) {
        markOrphanCheck();
        return false;
      }
      return fs.getFileStatus(marker).getModificationTime() < now - settings.orphanCheckEvery().toMillis();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Checkpoint folders of sessions that died before removing them, counted with the orphan files. */
  private int sweepCheckpoints(long olderThan) {
    try {
      int swept = io.newsframe.tables.Checkpoints.sweep(spark, warehouse.fileSystem(), warehouse.root(), olderThan);
      if (swept > 0) {
        LOG.info("maintenance: {} checkpoint folders of ended sessions removed", swept);
      }
      return swept;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void markOrphanCheck() {
    try {
      warehouse.fileSystem().create(new org.apache.hadoop.fs.Path(warehouse.namespaceDir(), ORPHAN_MARKER), true).close();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The models the latest keep-model-runs succeeded attempts used (saved or reused). */
  private Set<String> modelsInUse(OperationsSettings.Maintenance settings) {
    Set<String> inUse = new HashSet<>();
    for (Row row : spark.table(warehouse.qualified(Tables.RUNS))
        .where(col(Runs.STATUS).equalTo(RunHistory.SUCCEEDED).and(col(Runs.MODELS).isNotNull()))
        .orderBy(col(Runs.FINISHED_AT).desc()).limit(settings.keepModelRuns())
        .select(col(Runs.MODELS)).collectAsList()) {
      Map<String, String> models = row.getJavaMap(0);
      inUse.addAll(models.values());
    }
    return inUse;
  }

  private static long count(Iterable<String> items) {
    long n = 0;
    for (String ignored : items) {
      n++;
    }
    return n;
  }
}
