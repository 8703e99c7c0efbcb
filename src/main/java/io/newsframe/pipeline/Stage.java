package io.newsframe.pipeline;

/** One step of the pipeline: reads the tables of earlier stages (same run), writes its own. */
public interface Stage {
  /** The name in {@code run_stages} and for {@code --until}. */
  String name();

  StageOutcome run(RunContext context);
}
