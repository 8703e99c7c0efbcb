package io.newsframe.cli;

import io.newsframe.config.NewsframeConfig;
import io.newsframe.pipeline.Maintenance;
import io.newsframe.pipeline.PipelineRun;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

/**
 * {@code jobs/maintain}: what a succeeded run does at its end, on demand or on a schedule of its
 * own: under the warehouse lock, complete an interrupted publish and mark killed attempts, then
 * compact, expire snapshots, remove orphan files and prune saved models (operations.maintenance).
 */
@Command(name = "maintain", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Recovers what killed runs left and tidies the warehouse (see operations.maintenance in conf)."})
public final class MaintainMain extends SessionJob {
  public static void main(String[] args) {
    System.exit(JobRunner.run("maintain", new MaintainMain(), args));
  }

  @Override
  public Integer call() {
    NewsframeConfig config = common.load(Map.of());
    SparkSession spark = Sessions.create(config);
    try {
      Maintenance.Summary summary = PipelineRun.maintain(spark, config);
      System.out.printf("maintain: %d data files compacted, %d tables had snapshots expired, %d orphan files "
          + "and %d saved models removed%n", summary.filesCompacted(), summary.snapshotsExpired(),
          summary.orphansRemoved(), summary.modelsDeleted());
      return 0;
    } finally {
      Sessions.stop(spark);
    }
  }
}
