package io.newsframe.cli;

import io.newsframe.sample.SampleCorpus;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jobs/generate-sample}: writes the deterministic sample corpus. */
@Command(name = "generate-sample", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Writes a synthetic news corpus about Russia-US relations in the shapes of real scrapes:",
        "OUT/corpus/txt/<outlet>/... (one article per file, site chrome and footers around it),",
        "OUT/corpus/jsonl/*.jsonl (records), a few bad inputs, and OUT/labels.jsonl (truth per",
        "article: outlet, camp, topic, duplicate-of) for tests. Same arguments, same bytes."})
public final class GenerateSampleMain implements Callable<Integer>, JobRunner.Verbosity {
  @Option(names = "--articles", paramLabel = "N", required = true, description = "Number of articles (100 to 1,000,000).")
  int articles;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write (replaced).")
  Path out;

  @Option(names = "--seed", paramLabel = "S", description = "Random seed (default 42).")
  long seed = 42;

  @Option(names = "--first-index", paramLabel = "N", description = {
      "Number of the first article (default 0). With the same seed, an earlier sample's",
      "--articles continues it: a later day of the same feeds, with new ids."})
  int firstIndex;

  @Option(names = "--verbose", description = "Show stack traces of errors.")
  boolean verbose;

  public static void main(String[] args) {
    System.exit(JobRunner.run("generate-sample", new GenerateSampleMain(), args));
  }

  @Override
  public boolean verbose() {
    return verbose;
  }

  @Override
  public Integer call() {
    SampleCorpus.Stats stats = new SampleCorpus(articles, seed, firstIndex).write(out);
    System.out.println(stats.describe(out));
    return 0;
  }
}
