package io.newsframe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.config.IngestSettings.Mode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Which files a run reads, given what the ledger took in before. */
class IngestPlanTest {
  private static final LocalDate DAY1 = LocalDate.of(2026, 12, 1);
  private static final LocalDate DAY2 = LocalDate.of(2026, 12, 2);

  private static InputFile file(String name, long size, long time) {
    return new InputFile("file:/in/" + name, "/in/" + name, size, time, FileKind.TXT);
  }

  private static IngestPlan.Known known(String name, long size, long time, String hash, LocalDate day) {
    return new IngestPlan.Known("file:/in/" + name, size, time, hash, day);
  }

  /** Hashes by URI as given; files not named hash to their URI. */
  private static Function<List<InputFile>, Map<String, String>> hashes(Map<String, String> given) {
    return files -> {
      Map<String, String> out = new HashMap<>();
      files.forEach(f -> out.put(f.uri(), given.getOrDefault(f.uri(), f.uri())));
      return out;
    };
  }

  private static List<String> names(IngestPlan plan) {
    return plan.toRead().stream().map(f -> f.uri().substring("file:/in/".length())).toList();
  }

  @Test
  void aNewFileIsReadAndAKnownUnchangedOneIsNot() {
    IngestPlan plan = IngestPlan.of(List.of(file("a", 10, 1), file("b", 20, 2)),
        List.of(known("a", 10, 1, "h", DAY1)), DAY2, Mode.NEW, hashes(Map.of()));
    assertEquals(List.of("b"), names(plan));
    assertEquals(1, plan.skipped());
    assertTrue(plan.replaced().isEmpty());
  }

  @Test
  void aChangedFileIsReadAndReplacesItsEarlierRecords() {
    IngestPlan plan = IngestPlan.of(List.of(file("a", 11, 5)), List.of(known("a", 10, 1, "old", DAY1)), DAY2,
        Mode.NEW, hashes(Map.of("file:/in/a", "new")));
    assertEquals(List.of("a"), names(plan));
    assertEquals(java.util.Set.of("file:/in/a"), plan.replaced());
  }

  @Test
  void aFileOnlyTouchedIsNotReadAgain() {
    IngestPlan plan = IngestPlan.of(List.of(file("a", 10, 9)), List.of(known("a", 10, 1, "same", DAY1)), DAY2,
        Mode.NEW, hashes(Map.of("file:/in/a", "same")));
    assertEquals(List.of(), names(plan));
  }

  @Test
  void aReRunReadsExactlyTheFilesItsDateTookIn() {
    IngestPlan plan = IngestPlan.of(List.of(file("a", 10, 1), file("b", 20, 2), file("c", 30, 3)),
        List.of(known("a", 10, 1, "h", DAY1), known("b", 20, 2, "h", DAY2)), DAY2, Mode.NEW, hashes(Map.of()));
    assertEquals(List.of("b"), names(plan));
    assertTrue(plan.rerun());
    assertTrue(plan.replaced().isEmpty());
  }

  @Test
  void modeAllReadsEverythingAndReplacesWhatOtherDatesRead() {
    IngestPlan plan = IngestPlan.of(List.of(file("a", 10, 1), file("b", 20, 2)),
        List.of(known("a", 10, 1, "h", DAY1)), DAY2, Mode.ALL, hashes(Map.of()));
    assertEquals(List.of("a", "b"), names(plan));
    assertEquals(java.util.Set.of("file:/in/a"), plan.replaced());
  }
}
