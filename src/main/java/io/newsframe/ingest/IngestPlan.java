package io.newsframe.ingest;

import io.newsframe.config.IngestSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which of the listed input files a run reads, from what the ingest ledger says was taken in
 * before. A file the ledger does not hold is read; one it holds with the same size and time is
 * not; one whose size or time changed is read whole when its bytes changed too (a file only
 * touched is not), and its earlier records are replaced. A re-run of a run date reads exactly the
 * files that date took in; {@code ingest.mode = all} reads everything.
 *
 * @param toRead the files to read, in listing order
 * @param hashes SHA-256 of each of them, by URI
 * @param replaced URIs of files read before on another run date: their earlier rows are withdrawn
 * @param skipped files listed but already taken in, unchanged
 * @param rerun true when the run date had taken files in before
 */
public record IngestPlan(List<InputFile> toRead, Map<String, String> hashes, Set<String> replaced, int skipped,
    boolean rerun) {

  /** A file as the ledger holds it. */
  public record Known(String uri, long size, long modifiedAt, String contentHash, LocalDate runDate) {}

  /**
   * @param hasher content hashes of the given files, by URI (a Spark job: called once)
   */
  public static IngestPlan of(List<InputFile> listed, List<Known> ledger, LocalDate runDate,
      IngestSettings.Mode mode, Function<List<InputFile>, Map<String, String>> hasher) {
    Map<String, Known> known = new HashMap<>();
    boolean rerun = false;
    for (Known k : ledger) {
      Known earlier = known.get(k.uri());
      if (earlier == null || k.runDate().isAfter(earlier.runDate())) {
        known.put(k.uri(), k);
      }
      rerun |= k.runDate().equals(runDate);
    }
    List<InputFile> candidates = new ArrayList<>();
    for (InputFile file : listed) {
      Known k = known.get(file.uri());
      boolean take = switch (mode) {
        case ALL -> true;
        case NEW -> rerun ? k != null && k.runDate().equals(runDate)
            : k == null || k.size() != file.length() || k.modifiedAt() != file.modifiedAt();
      };
      if (take) {
        candidates.add(file);
      }
    }
    Map<String, String> hashes = hasher.apply(candidates);
    List<InputFile> toRead = new ArrayList<>();
    Set<String> replaced = new TreeSet<>();
    for (InputFile file : candidates) {
      Known k = known.get(file.uri());
      boolean fromOtherDate = k != null && !k.runDate().equals(runDate);
      boolean onlyTouched = mode == IngestSettings.Mode.NEW && fromOtherDate
          && k.contentHash().equals(hashes.get(file.uri()));
      if (onlyTouched) {
        continue;
      }
      toRead.add(file);
      if (fromOtherDate) {
        replaced.add(file.uri());
      }
    }
    return new IngestPlan(List.copyOf(toRead), Map.copyOf(hashes), Set.copyOf(replaced),
        listed.size() - toRead.size(), rerun);
  }
}
