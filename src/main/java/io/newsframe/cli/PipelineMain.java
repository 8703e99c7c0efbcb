package io.newsframe.cli;

import io.newsframe.config.ConfigError;
import io.newsframe.config.NewsframeConfig;
import io.newsframe.ingest.InputFiles;
import io.newsframe.pipeline.PipelineRun;
import io.newsframe.pipeline.RunReport;
import io.newsframe.pipeline.Stages;
import io.newsframe.sample.SampleCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jobs/pipeline}: one run of the pipeline over an input, written to the warehouse. */
@Command(name = "pipeline", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Runs the newsframe pipeline on a corpus and writes the result tables.",
        "With no arguments: the built-in sample (generated on first use) in local mode."})
public final class PipelineMain extends SessionJob {
  @Option(names = "--input", paramLabel = "URI", description = "File or folder to read (local, file://, hdfs://).")
  String input;

  @Option(names = "--input-format", paramLabel = "FORMAT", description = "auto, txt, jsonl or parquet.")
  String inputFormat;

  @Option(names = "--id-field", paramLabel = "NAME", description = "JSONL/Parquet field holding the id.")
  String idField;

  @Option(names = "--text-field", paramLabel = "NAME", description = "Field holding the article text.")
  String textField;

  @Option(names = "--title-field", paramLabel = "NAME", description = "Field holding the title.")
  String titleField;

  @Option(names = "--date-field", paramLabel = "NAME", description = "Field holding the date.")
  String dateField;

  @Option(names = "--source-field", paramLabel = "NAME", description = "Field holding the outlet.")
  String sourceField;

  @Option(names = "--url-field", paramLabel = "NAME", description = "Field holding the URL.")
  String urlField;

  @Option(names = "--run-date", paramLabel = "YYYY-MM-DD",
      description = "Date of the run; its rows replace any earlier run of that date (default: today, UTC).")
  String runDate;

  @Option(names = "--topics", paramLabel = "K",
      description = "Number of topics (conf topics.topics); 0 chooses K by coherence among topics.auto.candidates.")
  Integer topics;

  @Option(names = "--stance-clusters", paramLabel = "K",
      description = "Number of stance clusters (conf stance.clusters); 0 chooses k by silhouette and stability.")
  Integer stanceClusters;

  @Option(names = "--until", paramLabel = "STAGE", description = "Stop after this stage.")
  String until;

  @Option(names = "--retrain",
      description = "Fit new models even where a stage is set to reuse the latest one (conf models.retrain).")
  boolean retrain;

  @Option(names = "--reprocess",
      description = "Read every input file, also those the ingest ledger holds (conf ingest.mode = all).")
  boolean reprocess;

  public static void main(String[] args) {
    System.exit(JobRunner.run("pipeline", new PipelineMain(), args));
  }

  @Override
  public Integer call() {
    NewsframeConfig config = common.load(inputOverrides());
    LocalDate date = parseRunDate();
    var stages = Stages.until(until);
    generateSampleIfDefault(config);
    SparkSession spark = Sessions.create(config);
    try {
      InputFiles.requireExists(config.input().uri(), spark.sparkContext().hadoopConfiguration());
      String warehouse = Sessions.qualifiedWarehouse(spark, config.warehouse());
      RunReport report = new PipelineRun(spark, config, warehouse, date).execute(stages);
      System.out.print(Summary.of(report, config));
      return 0;
    } finally {
      Sessions.stop(spark);
    }
  }

  private Map<String, String> inputOverrides() {
    Map<String, String> overrides = new LinkedHashMap<>();
    putIfSet(overrides, "input.uri", input);
    putIfSet(overrides, "input.format", inputFormat);
    putIfSet(overrides, "input.fields.id", idField);
    putIfSet(overrides, "input.fields.text", textField);
    putIfSet(overrides, "input.fields.title", titleField);
    putIfSet(overrides, "input.fields.date", dateField);
    putIfSet(overrides, "input.fields.source", sourceField);
    putIfSet(overrides, "input.fields.url", urlField);
    putIfSet(overrides, "topics.topics", topics == null ? null : topics.toString());
    putIfSet(overrides, "stance.clusters", stanceClusters == null ? null : stanceClusters.toString());
    putIfSet(overrides, "ingest.mode", reprocess ? "all" : null);
    putIfSet(overrides, "models.retrain", retrain ? "true" : null);
    return overrides;
  }

  private static void putIfSet(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private LocalDate parseRunDate() {
    if (runDate == null) {
      return LocalDate.now(ZoneOffset.UTC);
    }
    try {
      return LocalDate.parse(runDate);
    } catch (DateTimeParseException e) {
      throw new ConfigError("--run-date " + runDate + ": not a date of the form YYYY-MM-DD");
    }
  }

  /** The default input is the built-in sample: make it on first use, deterministically. */
  private static void generateSampleIfDefault(NewsframeConfig config) {
    Path corpus = SampleCorpus.corpusDir(Path.of(config.sample().dir()));
    if (Path.of(config.input().uri()).normalize().equals(corpus.normalize()) && !Files.exists(corpus)) {
      System.err.println("pipeline: generating the built-in sample (" + config.sample().articles()
          + " articles, seed " + config.sample().seed() + ") in " + config.sample().dir());
      new SampleCorpus(config.sample().articles(), config.sample().seed()).write(Path.of(config.sample().dir()));
    }
  }
}
