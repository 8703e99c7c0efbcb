package io.newsframe.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.newsframe.tables.TableSpec;
import io.newsframe.tables.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

/**
 * Where stages save their fitted models (warehouse/models/<namespace>/<stage>/<run_id>: namespaces
 * sharing a warehouse keep their models apart), and which saved model
 * a run reuses when its conf says so: {@code fit} (none: fit on this batch), {@code latest} (the
 * latest earlier run's) or a path.
 */
final class ModelPaths {
  static final String FIT = "fit";
  static final String LATEST = "latest";

  private ModelPaths() {}

  static String of(RunContext context, String stage) {
    return context.spark().conf().get("spark.sql.catalog." + context.config().catalog() + ".warehouse")
        + "/models/" + context.config().namespace() + "/" + stage;
  }

  /** The saved model to reuse for {@code choice}, or null to fit one. */
  static String reused(RunContext context, String stage, String choice) {
    return switch (choice) {
      case FIT -> null;
      case LATEST -> latestEarlier(context, stage);
      default -> choice;
    };
  }

  /**
   * The model saved by the latest succeeded run dated before this one (the run whose rows the
   * tables hold for that date, per the runs table), or null when there is none or it saved no
   * model for this stage. A run never reuses a model of its own date, so a re-run repeats the first.
   */
  private static String latestEarlier(RunContext context, String stage) {
    List<Row> latest = context.spark().table(context.warehouse().qualified(Tables.RUNS))
        .where(col(Tables.Runs.STATUS).equalTo("succeeded")
            .and(col(TableSpec.RUN_DATE).lt(lit(java.sql.Date.valueOf(context.run().runDate())))))
        .orderBy(col(TableSpec.RUN_DATE).desc()).limit(1).select(TableSpec.RUN_ID).collectAsList();
    if (latest.isEmpty()) {
      return null;
    }
    Path path = new Path(of(context, stage), latest.get(0).getString(0));
    try {
      FileSystem fs = path.getFileSystem(context.spark().sparkContext().hadoopConfiguration());
      return fs.exists(path) ? path.toString() : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for a saved " + stage + " model at " + path, e);
    }
  }
}
