package io.newsframe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A job that works on the warehouse through a Spark session: the options every such job shares
 * ({@link CommonOptions}: configuration, warehouse, master, --verbose), picked up by picocli from
 * this superclass.
 */
abstract class SessionJob implements Callable<Integer>, JobRunner.Verbosity {
  @Mixin
  CommonOptions common = new CommonOptions();

  @Override
  public boolean verbose() {
    return common.verbose;
  }
}
