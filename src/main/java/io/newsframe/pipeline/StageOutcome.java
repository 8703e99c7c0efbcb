package io.newsframe.pipeline;

import io.newsframe.tables.TableSpec;
import java.util.List;
import java.util.Map;

/**
 * What a stage did: records in, out and rejected (in = out + rejected), the tables it wrote, counts
 * worth reporting (e.g. rejects by reason), the folder it saved its model in and the saved model it
 * reused (null for none), and what a reader of the run should know: why it learned or placed
 * nothing, or fitted less than configured (null otherwise).
 */
public record StageOutcome(long rowsIn, long rowsOut, long rowsRejected, List<TableSpec> tablesWritten,
    Map<String, Long> details, String model, String modelReusedFrom, String note) {
  public StageOutcome {
    if (rowsIn != rowsOut + rowsRejected) {
      throw new IllegalStateException("counts do not reconcile: " + rowsIn + " in, " + rowsOut
          + " out, " + rowsRejected + " rejected");
    }
  }

  public StageOutcome(long rowsIn, long rowsOut, long rowsRejected, List<TableSpec> tablesWritten,
      Map<String, Long> details) {
    this(rowsIn, rowsOut, rowsRejected, tablesWritten, details, null, null, null);
  }

  /** The same outcome, with the folder the stage saved its model in and the one it reused (or null). */
  StageOutcome withModel(String saved, String reusedFrom) {
    return new StageOutcome(rowsIn, rowsOut, rowsRejected, tablesWritten, details, saved, reusedFrom, note);
  }

  /** The same outcome with {@code why} added to its note (null adds nothing). */
  StageOutcome withNote(String why) {
    String notes = why == null ? note : note == null ? why : note + "; " + why;
    return new StageOutcome(rowsIn, rowsOut, rowsRejected, tablesWritten, details, model, modelReusedFrom, notes);
  }
}
