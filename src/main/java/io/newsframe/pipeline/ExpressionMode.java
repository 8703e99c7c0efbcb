package io.newsframe.pipeline;

import java.util.Locale;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Spark interprets a run's expressions and operators or compiles them into classes, chosen
 * by the size of the run's batch once its ingest plan knows it.
 *
 * <p>Why both: compiling costs a fixed few seconds per query shape (Janino, then the JIT on the
 * new classes), and interpreting costs a little on every row. conf/local.conf has the session
 * interpret, which suits the nightly batch of a few hundred articles; a batch of at least
 * spark.compile-expressions-from bytes switches to Spark's default, compiled code, whole-stage
 * code included. The session's mode is restored when the run ends ({@link #keep}), so that what
 * the same session runs next starts as configured.
 */
final class ExpressionMode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExpressionMode.class);
  static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";
  /** Spark's default: compiled, with the interpreted code only where compiling fails. */
  static final String COMPILED = "FALLBACK";
  /** Interpreted throughout, whole-stage code off: conf/local.conf's mode for small batches. */
  static final String INTERPRETED = "NO_CODEGEN";

  private final RuntimeConfig conf;
  private final String before;

  private ExpressionMode(RuntimeConfig conf) {
    this.conf = conf;
    this.before = conf.contains(FACTORY_MODE) ? conf.get(FACTORY_MODE) : null;
  }

  /** Remembers the session's mode now; closing restores it. */
  static ExpressionMode keep(SparkSession spark) {
    return new ExpressionMode(spark.conf());
  }

  /**
   * Switches the session to compiled code when {@code bytes} of input reach
   * {@code compileFrom} (0: never); a session already compiling is left as it is.
   *
   * @return whether the batch's queries are compiled from now on
   */
  static boolean chooseForBatch(SparkSession spark, long bytes, long compileFrom) {
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

  @Override
  public void close() {
    if (before == null) {
      conf.unset(FACTORY_MODE);
    } else {
      conf.set(FACTORY_MODE, before);
    }
  }
}
