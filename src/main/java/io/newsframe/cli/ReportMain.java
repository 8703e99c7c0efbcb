package io.newsframe.cli;

import io.newsframe.config.ConfigError;
import io.newsframe.config.NewsframeConfig;
import io.newsframe.report.ReportData;
import io.newsframe.report.ReportPage;
import io.newsframe.tables.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jobs/report}: one self-contained HTML page for a run, readable offline and mailable. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Writes a run's report as one HTML page: accounting, cleaning, topics, stance.",
        "  jobs/report --run-date 2026-12-01 --out report.html"})
public final class ReportMain extends SessionJob {
  @Option(names = "--run-date", paramLabel = "DATE",
      description = "The run to report (yyyy-mm-dd); default: the latest date with a succeeded run.")
  String runDate;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The HTML file to write.")
  Path out;

  public static void main(String[] args) {
    System.exit(JobRunner.run("report", new ReportMain(), args));
  }

  @Override
  public Integer call() throws IOException {
    LocalDate date = parseDate(runDate);
    NewsframeConfig config = common.load(Map.of());
    SparkSession spark = Sessions.create(config);
    try {
      Warehouse warehouse = new Warehouse(spark, config.catalog(), config.namespace());
      if (warehouse.publishPending()) {
        throw new ConfigError("a run is publishing its tables, or was killed while it did; report again when it "
            + "ends (the next jobs/pipeline or jobs/maintain completes an interrupted publish first)");
      }
      ReportData data;
      try {
        data = ReportData.read(spark, warehouse, date);
      } catch (IllegalArgumentException e) {
        throw new ConfigError(e.getMessage());
      }
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(out, ReportPage.render(data), StandardCharsets.UTF_8);
      System.out.println("report: run " + data.run().runId() + " (run date " + data.run().runDate() + ") written to "
          + out);
      return 0;
    } finally {
      Sessions.stop(spark);
    }
  }

  private static LocalDate parseDate(String text) {
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new ConfigError("--run-date " + text + ": expected a date as yyyy-mm-dd");
    }
  }
}
