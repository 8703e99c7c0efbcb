package io.newsframe.pipeline;

import io.newsframe.config.ConfigError;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The stages of the pipeline, in the order data flows through them. */
public final class Stages {
  private Stages() {}

  public static List<Stage> all() {
    return List.of(new IngestStep(), new CleanStep(), new FeaturesStep(), new TopicsStep(), new StanceStep());
  }

  /** The stages up to and including {@code until} (all when null), or a one-line error. */
  public static List<Stage> until(String until) {
    List<Stage> all = all();
    if (until == null) {
      return all;
    }
    List<Stage> chosen = new ArrayList<>();
    for (Stage stage : all) {
      chosen.add(stage);
      if (stage.name().equals(until)) {
        return chosen;
      }
    }
    throw new ConfigError("--until " + until + ": no such stage; stages are "
        + all.stream().map(Stage::name).collect(Collectors.joining(", ")));
  }
}
