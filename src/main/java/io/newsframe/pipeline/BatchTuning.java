package io.newsframe.pipeline;

import io.newsframe.config.SparkSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How Spark runs a batch's queries, chosen by the batch's size once its ingest plan knows it:
 * interpreted or compiled expressions and operators, and query plans fixed up front or adapted
 * stage by stage. The session's settings are restored when the run ends ({@link #keep}), so that
 * what the same session runs next starts as configured.
 *
 * <p>Why by size: both choices trade a fixed cost per query against a cost per row.
 * <ul>
 *   <li>Compiling costs a few seconds per query shape (Janino, then the JIT on the new classes);
 *   interpreting costs a little on every row. conf/local.conf has the session interpret, which
 *   suits the nightly batch of a few hundred articles; a batch of at least
 *   spark.compile-expressions-from bytes switches to Spark's default, compiled code, whole-stage
 *   code included.
 *   <li>Adaptive execution runs each shuffle of a query as a Spark job of its own and plans the rest
 *   of the query again after each, so that it can merge small partitions, split large ones and
 *   pick joins by the sizes it saw. A batch below spark.adaptive-execution-from bytes has nothing
 *   for it to merge or split: its queries are planned once and each runs as one job, with as many
 *   shuffle partitions as the session has cores (at most spark.sql.shuffle.partitions: a cluster's
 *   400 would otherwise be 400 tasks, nearly all empty).
 * </ul>
 */
final class BatchTuning implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BatchTuning.class);
  static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";
  /** Spark's default: compiled, with the interpreted code only where compiling fails. */
  static final String COMPILED = "FALLBACK";
  /** Interpreted throughout, whole-stage code off: conf/local.conf's mode for small batches. */
  static final String INTERPRETED = "NO_CODEGEN";
  static final String ADAPTIVE = "spark.sql.adaptive.enabled";
  static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
  private static final List<String> TUNED = List.of(FACTORY_MODE, ADAPTIVE, SHUFFLE_PARTITIONS);

  /** What a batch runs with: compiled code or not, adaptive plans or not. */
  record Choice(boolean compiled, boolean adaptive) {}

  private final RuntimeConfig conf;
  /** Each tuned setting's value as the session had it set, or null where it was not set. */
  private final Map<String, String> before = new LinkedHashMap<>();

  private BatchTuning(RuntimeConfig conf) {
    this.conf = conf;
    for (String key : TUNED) {
      before.put(key, conf.contains(key) ? conf.get(key) : null);
    }
  }

  /** Remembers the session's settings now; closing restores them. */
  static BatchTuning keep(SparkSession spark) {
    return new BatchTuning(spark.conf());
  }

  /** Tunes the session to a batch of {@code bytes} of input, by the thresholds of {@code settings}. */
  static Choice chooseForBatch(SparkSession spark, long bytes, SparkSettings settings) {
    return new Choice(compiled(spark, bytes, settings.compileExpressionsFrom()),
        adaptive(spark, bytes, settings.adaptiveExecutionFrom()));
  }

  /**
   * Switches the session to compiled code when {@code bytes} of input reach
   * {@code compileFrom} (0: never); a session already compiling is left as it is.
   *
   * @return whether the batch's queries are compiled from now on
   */
  static boolean compiled(SparkSession spark, long bytes, long compileFrom) {
    RuntimeConfig conf = spark.conf();
    boolean interpreting = conf.contains(FACTORY_MODE)
        && conf.get(FACTORY_MODE).toUpperCase(Locale.ROOT).equals(INTERPRETED);
    boolean large = compileFrom > 0 && bytes >= compileFrom;
    if (large && interpreting) {
      LOG.info("{} bytes of input, at least spark.compile-expressions-from ({}): Spark compiles this run's "
          + "expressions ({} = {} until the run ends)", bytes, compileFrom, FACTORY_MODE, COMPILED);
      conf.set(FACTORY_MODE, COMPILED);
      return true;
    }
    return !interpreting;
  }

  /**
   * Turns adaptive execution off when {@code bytes} of input stay below {@code adaptiveFrom}
   * (0: never), with no more shuffle partitions than the session's default parallelism; a session
   * configured without adaptive execution is left as it is.
   *
   * @return whether the batch's queries are planned adaptively from now on
   */
  static boolean adaptive(SparkSession spark, long bytes, long adaptiveFrom) {
    RuntimeConfig conf = spark.conf();
    if (!Boolean.parseBoolean(conf.get(ADAPTIVE))) {
      return false;
    }
    if (adaptiveFrom == 0 || bytes >= adaptiveFrom) {
      return true;
    }
    int partitions = Math.min(Integer.parseInt(conf.get(SHUFFLE_PARTITIONS)),
        Math.max(1, spark.sparkContext().defaultParallelism()));
    LOG.info("{} bytes of input, below spark.adaptive-execution-from ({}): each query of this run is planned once "
        + "({} = false, {} = {} until the run ends)", bytes, adaptiveFrom, ADAPTIVE, SHUFFLE_PARTITIONS, partitions);
    conf.set(ADAPTIVE, false);
    conf.set(SHUFFLE_PARTITIONS, partitions);
    return false;
  }

  @Override
  public void close() {
    before.forEach((key, value) -> {
      if (value == null) {
        conf.unset(key);
      } else {
        conf.set(key, value);
      }
    });
  }
}
