package io.newsframe.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The log file of this job, which the launcher names in {@code -Dnewsframe.log.file} (by job and
 * process, so that runs never share one). Once a run knows its id and attempt, the file is renamed
 * after them; on POSIX file systems the logger's open handle follows the rename.
 */
public final class LogFiles {
  static final String PROPERTY = "newsframe.log.file";
  private static volatile Path current = initial();

  private LogFiles() {}

  /** Where the job's log is now, or null when no launcher configured one. */
  public static Path current() {
    return current;
  }

  static void nameAfter(String runId, int attempt) {
    Path file = current;
    if (file == null) {
      return;
    }
    String job = System.getProperty("newsframe.job", "job");
    Path named = file.resolveSibling("newsframe-" + job + "-" + runId + "-a" + attempt + ".log");
    try {
      if (Files.exists(file)) {
        Files.move(file, named, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        current = named;
      }
    } catch (IOException e) {
      // The log keeps its first name; the error line still points at it.
    }
  }

  private static Path initial() {
    String name = System.getProperty(PROPERTY);
    return name == null || name.isBlank() ? null : Path.of(name);
  }
}
