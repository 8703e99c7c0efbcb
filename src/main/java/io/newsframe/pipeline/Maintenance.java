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
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a warehouse that runs every day from growing without end, with Iceberg's own actions: it
 * compacts each partition's small data files, expires old snapshots (the files only they used go
 * with them) and removes files no snapshot references (what killed writers left), then deletes the
 * saved models no recent run used. Runs after each succeeded run (operations.maintenance.enabled)
 * and from jobs/maintain; the caller holds the warehouse lock.
 */
public final class Maintenance {
  private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final NewsframeConfig config;

  public Maintenance(SparkSession spark, Warehouse warehouse, NewsframeConfig config) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.config = config;
  }

  /** What one pass removed and rewrote. */
  public record Summary(long filesCompacted, long snapshotsExpired, long orphansRemoved, int modelsDeleted) {}

  /** Maintenance after a run, when the configuration turns it on. */
  void afterRun() {
    if (config.operations().maintenance().enabled()) {
      Summary summary = run();
      LOG.info("maintenance: {} data files compacted, {} snapshots expired, {} orphan files and {} saved models removed",
          summary.filesCompacted(), summary.snapshotsExpired(), summary.orphansRemoved(), summary.modelsDeleted());
    }
  }

  public Summary run() {
    OperationsSettings.Maintenance settings = config.operations().maintenance();
    long now = System.currentTimeMillis();
    long compacted = 0;
    long expired = 0;
    long orphans = 0;
    SparkActions actions = SparkActions.get(spark);
    for (TableSpec spec : Tables.ALL) {
      Table table = warehouse.icebergTable(spec);
      compacted += actions.rewriteDataFiles(table)
          .option("min-input-files", String.valueOf(settings.minInputFiles()))
          .execute().rewrittenDataFilesCount();
      table.refresh();
      var expiry = actions.expireSnapshots(table)
          .expireOlderThan(now - settings.snapshotAge().toMillis()).retainLast(settings.retainLast()).execute();
      expired += expiry.deletedDataFilesCount() + expiry.deletedManifestsCount() + expiry.deletedManifestListsCount() > 0
          ? 1 : 0;
      table.refresh();
      orphans += count(actions.deleteOrphanFiles(table).olderThan(now - settings.orphanAge().toMillis())
          .execute().orphanFileLocations());
    }
    int models = ModelStore.prune(warehouse.fileSystem(), warehouse.root(), config.namespace(), modelsInUse(settings));
    return new Summary(compacted, expired, orphans, models);
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
