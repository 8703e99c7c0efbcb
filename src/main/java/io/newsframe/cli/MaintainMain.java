package io.newsframe.cli;

import io.newsframe.config.NewsframeConfig;
import io.newsframe.pipeline.Maintenance;
import io.newsframe.pipeline.PipelineRun;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jobs/maintain}: what a succeeded run does at its end, on demand or on a schedule of its
 * own: under the warehouse lock, complete an interrupted publish and mark killed attempts, then
 * compact, expire snapshots, remove orphan files and prune saved models (operations.maintenance).
 * Orphan files are searched for at most once per operations.maintenance.orphan-check-every, or now
 * with {@code --orphans}.
 */
@Command(name = "maintain", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Recovers what killed runs left and tidies the warehouse (see operations.maintenance in conf)."})
public final class MaintainMain extends SessionJob {
  public static void main(String[] args) {
    System.exit(JobRunner.run("maintain", new MaintainMain(), args));
  }

  @Option(names = "--orphans", description = "Search every table for orphan files now, whatever "
      + "operations.maintenance.orphan-check-every says (they are removed once older than orphan-age).")
  boolean orphansNow;

  @Override
  public Integer call() {
    NewsframeConfig config = common.load(Map.of());
    SparkSession spark = Sessions.create(config);
    try {
      Maintenance.Summary summary = PipelineRun.maintain(spark, config, orphansNow);
      System.out.printf("maintain: %d data files compacted, %d tables had snapshots expired, %d orphan files "
          + "and %d saved models removed%n", summary.filesCompacted(), summary.snapshotsExpired(),
          summary.orphansRemoved(), summary.modelsDeleted());
      return 0;
    } finally {
      Sessions.stop(spark);
    }
  }
}
