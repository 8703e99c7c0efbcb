package io.newsframe.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Which input the newest published run listed, when its listing began and how many files it found,
 * kept in the namespace's folder ({@link #FILE}, one {@code key=value} a line). The run itself never
 * reads it. The launchers do (jobs/lib/common.sh, {@code nf_new_input_bytes}): a nightly run over
 * one growing tree reads only the files added or changed since, and the launcher, which must choose
 * the JVM's JIT before the run lists anything, tells those few megabytes from the whole tree by the
 * files whose status changed after the listing began. A file's status-change time (ctime) is set by
 * the system whenever the file is created, written, renamed or given other times, so a file copied
 * in with its old modification time kept, or edited in place, still counts. A folder moved in whole
 * keeps its files' times: the launcher finds more files than the mark's count and the changed ones
 * account for, and measures the whole input, as it does when the mark is missing, of another input
 * or of a later run date.
 *
 * <p>Written after the publish, so a run that failed never moves it. The time is the driver's
 * clock, which on the machine the launcher runs on is the one the file system stamps files with;
 * a file system that stamps coarser than that (or stamps a file a tick early) can leave a file made
 * just after the listing began out of the next night's count, which costs that night its choice of
 * JIT, never a file.
 */
final class InputWatermark {
  static final String FILE = "_input-watermark";
  static final String INPUT = "input";
  static final String RUN_DATE = "run_date";
  static final String LISTED_AT_MS = "listed_at_ms";
  static final String FILES = "files";

  /** An ingest's listing: its root (qualified), when it began (epoch milliseconds), the files it found. */
  record Listing(String root, long listedAtMillis, long files) {}

  private volatile Listing listing;

  /** Records what this run's ingest listed; written by {@link #writeAfterPublish} once the run is published. */
  void listed(Listing listed) {
    this.listing = listed;
  }

  /**
   * Writes the mark of this run's listing to {@code folder}, with the later of {@code runDate} and
   * the run date of the mark already there (a re-run of an earlier date must not make a later date
   * look new). Nothing when the run listed nothing (a run without ingest).
   */
  void writeAfterPublish(FileSystem fs, Path folder, LocalDate runDate) throws IOException {
    Listing done = listing;
    if (done == null) {
      return;
    }
    LocalDate markedDate = laterOf(runDate, read(fs, folder));
    String text = "# Written by newsframe after each published run: the input its ingest listed, when,\n"
        + "# and its files. Read by the launchers to size the next run's new input\n"
        + "# (jobs/lib/common.sh); never by a run.\n"
        + INPUT + "=" + done.root() + "\n"
        + RUN_DATE + "=" + markedDate + "\n"
        + LISTED_AT_MS + "=" + done.listedAtMillis() + "\n"
        + FILES + "=" + done.files() + "\n";
    // Written beside, then renamed over: a reader never sees half a mark.
    Path mark = new Path(folder, FILE);
    Path next = new Path(folder, FILE + ".next");
    try (OutputStream out = fs.create(next, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    fs.delete(mark, false);
    if (!fs.rename(next, mark)) {
      throw new IOException("cannot rename " + next + " to " + mark);
    }
  }

  /** The mark's properties in {@code folder}, or empty ones when there is none. */
  static Properties read(FileSystem fs, Path folder) throws IOException {
    Properties marked = new Properties();
    Path mark = new Path(folder, FILE);
    if (fs.exists(mark)) {
      try (InputStream in = fs.open(mark)) {
        marked.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
    return marked;
  }

  private static LocalDate laterOf(LocalDate runDate, Properties marked) {
    try {
      String date = marked.getProperty(RUN_DATE);
      LocalDate earlier = date == null ? null : LocalDate.parse(date);
      return earlier != null && earlier.isAfter(runDate) ? earlier : runDate;
    } catch (DateTimeParseException unreadable) {
      return runDate;
    }
  }
}
