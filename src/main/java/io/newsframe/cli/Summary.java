package io.newsframe.cli;

import io.newsframe.config.NewsframeConfig;
import io.newsframe.pipeline.RunReport;
import io.newsframe.pipeline.StageOutcome;
import java.util.Locale;
import java.util.Map;

/** The few lines a pipeline run ends with: what ran, what it wrote, where. */
final class Summary {
  private Summary() {}

  static String of(RunReport report, NewsframeConfig config) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "newsframe run %s (run date %s) succeeded in %.1f s, peak memory %.0f MiB%n",
        report.run().runId(), report.run().runDate(), report.seconds(), report.peakRssMb()));
    out.append("input: ").append(report.input()).append(" (").append(config.input().format().label())
        .append(")\n");
    for (RunReport.StageReport stage : report.stages()) {
      StageOutcome o = stage.outcome();
      out.append(String.format(Locale.ROOT, "  %-9s %,10d in  %,10d out  %,8d rejected  %7.1f s%n",
          stage.name(), o.rowsIn(), o.rowsOut(), o.rowsRejected(), stage.seconds()));
      for (Map.Entry<String, Long> detail : o.details().entrySet()) {
        out.append(String.format(Locale.ROOT, "            %s: %,d%n", detail.getKey(), detail.getValue()));
      }
    }
    out.append("tables: ").append(report.warehouse()).append(" (catalog ").append(config.catalog())
        .append(", namespace ").append(config.namespace()).append(")\n");
    out.append("query:  jobs/query \"SELECT reason, count(*) FROM rejects WHERE run_date = DATE '")
        .append(report.run().runDate()).append("' GROUP BY reason\"\n");
    return out.toString();
  }
}
