package io.newsframe.pipeline;

/** One step of the pipeline: reads the tables of earlier stages (same run), writes its own. */
public interface Stage {
  /** The name in {@code run_stages} and for {@code --until}. */
  String name();

  /**
   * The earlier stage after which this one may start, beside the stages in between, when the run
   * allows it ({@link StageSchedule}); null (the default): after the stage before it. A stage that
   * names one must read the tables of the stages in between only after
   * {@link RunContext#awaitStage} returns for them.
   */
  default String startsAfter() {
    return null;
  }

  StageOutcome run(RunContext context);
}
