package io.newsframe.tables;

import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * Where the stages keep an intermediate result they read more than once, its lineage cut.
 *
 * <p>A local checkpoint keeps the data in the executors' block stores and cannot be recomputed:
 * when an executor is lost with its blocks, every later job that reads them fails. In local mode
 * the executors are the driver's own threads, so they live exactly as long as the run, and a local
 * checkpoint is the cheap right choice. With executors in JVMs of their own (a cluster, or
 * local-cluster[...]) the session gets a checkpoint folder next to the tables ({@link
 * #configure}), and the data goes to reliable checkpoint files, which outlive any executor.
 */
public final class Checkpoints {
  /** Under the warehouse: each session makes a folder of its own in it (Spark adds a random name). */
  public static final String FOLDER = "_checkpoints";
  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

  private Checkpoints() {}

  /** {@code data}, computed now and kept: in a reliable checkpoint when the session has a folder for them. */
  public static <T> Dataset<T> keep(Dataset<T> data) {
    return isReliable(data.sparkSession().sparkContext()) ? data.checkpoint() : data.localCheckpoint();
  }

  /**
   * {@code data}, kept for a stage that reads it more than once, spilling to disk when memory runs
   * short. In local mode the rows are computed now and kept as they are (a local checkpoint):
   * {@code persist} would turn them into compressed column batches on the way in and back into
   * rows on every read: building them alone took 8% of the task threads' CPU in ingest and clean
   * at 100,000 articles, whose rows are mostly long texts that column batches do not compress.
   * Computed now, not when first read: the query's metrics live only as long as its plan, and
   * tasks that computed the rows later, in another query's job, logged an error for each metric
   * the collector had taken meanwhile. With executors of their own it is {@code persist}, which
   * Spark recomputes from the lineage when an executor is lost. Release it with {@link #release}.
   */
  public static <T> Dataset<T> cache(Dataset<T> data) {
    return data.sparkSession().sparkContext().isLocal()
        ? data.localCheckpoint(true, StorageLevel.MEMORY_AND_DISK())
        : data.persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** Frees what {@link #cache} (or {@link #keep} in local mode) kept; the data is not read again. */
  public static void release(Dataset<?> kept) {
    if (kept.queryExecution().logical() instanceof LogicalRDD checkpointed) {
      checkpointed.rdd().unpersist(false);
    } else {
      kept.unpersist();
    }
  }

  /** True when the session keeps checkpoints in files (see {@link #configure}), false when in executors. */
  public static boolean isReliable(SparkContext context) {
    return context.getCheckpointDir().isDefined();
  }

  /**
   * A reliable checkpoint of {@code computed}, an RDD that a job has computed and persisted: a
   * pass-through of it is written to checkpoint files (from the persisted blocks) and cached.
   * {@code computed} is released.
   */
  public static <T> JavaRDD<T> writeComputed(JavaRDD<T> computed) {
    JavaRDD<T> kept = computed.mapPartitions(rows -> rows, true).persist(StorageLevel.MEMORY_AND_DISK());
    kept.rdd().checkpoint();
    kept.count();
    computed.unpersist(false);
    return kept;
  }

  /**
   * Gives a session whose executors run outside the driver's JVM a checkpoint folder under
   * {@code warehouseUri}, on the file system the cluster shares; a folder set with
   * {@code spark.checkpoint.dir} is kept. In local mode nothing changes.
   */
  public static void configure(SparkSession spark, String warehouseUri) {
    SparkContext context = spark.sparkContext();
    if (context.isLocal() || isReliable(context)) {
      return;
    }
    context.setCheckpointDir(new Path(warehouseUri, FOLDER).toString());
  }

  /**
   * Deletes what sessions that ended without {@link #remove} (a killed driver) left under
   * {@code <warehouseRoot>/_checkpoints}: the folders older than {@code olderThanMillis} (epoch
   * milliseconds), never this session's own. Called by maintenance, which runs under the run lock,
   * so no other pipeline run is writing checkpoints then.
   *
   * @return how many folders were deleted
   */
  public static int sweep(SparkSession spark, org.apache.hadoop.fs.FileSystem fs, Path warehouseRoot,
      long olderThanMillis) throws IOException {
    Path folder = new Path(warehouseRoot, FOLDER);
    if (!fs.exists(folder)) {
      return 0;
    }
    Option<String> own = spark.sparkContext().getCheckpointDir();
    String ownPath = own.isEmpty() ? null : fs.makeQualified(new Path(own.get())).toUri().getPath();
    int deleted = 0;
    for (org.apache.hadoop.fs.FileStatus status : fs.listStatus(folder)) {
      boolean isOwn = status.getPath().toUri().getPath().equals(ownPath);
      if (!isOwn && status.getModificationTime() < olderThanMillis && fs.delete(status.getPath(), true)) {
        deleted++;
      }
    }
    return deleted;
  }

  /**
   * Deletes the session's checkpoint folder, if it has one: its files serve only the session. A
   * folder that cannot be deleted is logged, not thrown: the job's work is done by then.
   */
  public static void remove(SparkSession spark) {
    Option<String> folder = spark.sparkContext().getCheckpointDir();
    if (folder.isEmpty()) {
      return;
    }
    Path path = new Path(folder.get());
    try {
      path.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(path, true);
    } catch (IOException e) {
      LOG.warn("could not remove the checkpoints in {}: {}", path, e.toString());
    }
  }
}
