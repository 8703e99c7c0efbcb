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
 * What the newest published run's ingest listed: the input's root, how many files it held, and the
 * newest modification time among them, kept in the namespace's folder ({@link #FILE}, one
 * {@code key=value} a line). The run itself never reads it. The launchers do (jobs/lib/common.sh,
 * {@code nf_new_input_bytes}): a nightly run over one growing tree reads only the files added since,
 * and the launcher, which must choose the JVM's JIT before the run lists anything, can tell those
 * few megabytes from the whole tree by the files newer than this mark. A mark that is missing, of
 * another input or of a later run date leaves the launcher measuring the whole input, as before.
 *
 * <p>Written after the publish, so a run that failed never moves it; a file left out of the
 * listing with an older time than the mark (one copied in with its time kept) shows in the file
 * count, which the launcher compares too.
 */
final class InputWatermark {
  static final String FILE = "_input-watermark";
  static final String INPUT = "input";
  static final String RUN_DATE = "run_date";
  static final String FILES = "files";
  static final String NEWEST_MODIFIED_MS = "newest_modified_ms";

  /** An ingest's listing: its root (qualified), its files and their newest time (epoch ms, -1 for none). */
  record Listing(String root, long files, long newestModifiedMillis) {}

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
    String text = "# Written by newsframe after each published run: what its ingest listed. Read by the\n"
        + "# launchers to size the next run's new input (jobs/lib/common.sh); never by a run.\n"
        + INPUT + "=" + done.root() + "\n"
        + RUN_DATE + "=" + markedDate + "\n"
        + FILES + "=" + done.files() + "\n"
        + NEWEST_MODIFIED_MS + "=" + done.newestModifiedMillis() + "\n";
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
