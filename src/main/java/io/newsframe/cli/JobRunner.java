package io.newsframe.cli;

import io.newsframe.pipeline.PipelineRun;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Runs a picocli command and turns its end into an exit code: 0 on success, 2 for a usage error
 * (picocli prints it), 1 for any other failure with one line on stderr.
 */
final class JobRunner {
  private JobRunner() {}

  static int run(String job, Callable<Integer> command, String[] args) {
    CommandLine cli = new CommandLine(command);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean verbose = commandLine.getCommand() instanceof Verbosity v && v.verbose();
      System.err.println(job + ": error: " + PipelineRun.oneLine(e) + logHint(e));
      if (verbose) {
        e.printStackTrace(System.err);
      }
      return 1;
    });
    return cli.execute(args);
  }

  /** Where the launcher's logging configuration put the full story, when it is not a usage error. */
  private static String logHint(Exception e) {
    java.nio.file.Path log = io.newsframe.pipeline.LogFiles.current();
    if (log == null || e instanceof io.newsframe.config.ConfigError
        || e instanceof io.newsframe.pipeline.RunLock.HeldException) {
      return "";
    }
    return " (details: " + log + ")";
  }

  /** Commands that know whether the user asked for stack traces. */
  interface Verbosity {
    boolean verbose();
  }
}
