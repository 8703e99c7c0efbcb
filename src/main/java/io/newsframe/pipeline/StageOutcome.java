package io.newsframe.pipeline;

import io.newsframe.tables.TableSpec;
import java.util.List;
import java.util.Map;

/**
 * What a stage did: records in, out and rejected (in = out + rejected), the tables it wrote, and
 * counts worth reporting (e.g. rejects by reason).
 */
public record StageOutcome(long rowsIn, long rowsOut, long rowsRejected, List<TableSpec> tablesWritten,
    Map<String, Long> details) {
  public StageOutcome {
    if (rowsIn != rowsOut + rowsRejected) {
      throw new IllegalStateException("counts do not reconcile: " + rowsIn + " in, " + rowsOut
          + " out, " + rowsRejected + " rejected");
    }
  }
}
