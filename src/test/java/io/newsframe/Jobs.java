package io.newsframe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged launchers (jobs/*) run as a user runs them, in processes of their own, for the
 * integration tests: working folder, log folder and extra environment given by the test.
 */
public final class Jobs {
  public static final Path HOME = Path.of(System.getProperty("newsframe.home", ".")).toAbsolutePath();

  private final Path dir;

  public Jobs(Path dir) {
    this.dir = dir;
  }

  /** How a job ended: its exit status and what it printed. */
  public record Result(int exit, String stdout, String stderr) {}

  /** A job started in the background, its output going to files. */
  public record Started(Process process, Path stdout, Path stderr) {
    public Result await() throws IOException, InterruptedException {
      return await(5);
    }

    public Result await(int minutes) throws IOException, InterruptedException {
      if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(process.info().commandLine().orElse("job") + " did not finish in " + minutes + " minutes");
      }
      return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    }
  }

  /**
   * The launchers' environment in tests: logs in the test's folder, a 1 GB driver, and the JIT's
   * first tier only. A launched JVM lives for seconds to a minute, and C2 spent as much CPU
   * compiling Spark's and Iceberg's code as the run spent running it (docs/benchmarks/history.md,
   * "The fixed cost of a run"): on two cores that time is taken from the tests beside it. The same
   * code runs, only compiled less; the JVMs of the unit tests, which live for minutes, keep C2.
   * With the first tier only the JVM reserves 48 MB for compiled code instead of 240 MB, and a
   * whole pipeline's driver filled it ("Out of space in CodeCache for adapters", the JVM dead in
   * the stance stage of LauncherIT's run): the reservation is set back to the tiered default.
   */
  public static void forTests(Map<String, String> environment, Path logDir) {
    environment.put("NEWSFRAME_LOG_DIR", logDir.toString());
    environment.put("NEWSFRAME_DRIVER_MEMORY", "1g");
    environment.put("NEWSFRAME_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m");
  }

  /**
   * Runs a shell snippet in {@code dir} after sourcing the launchers' library (jobs/lib/common.sh),
   * as the launchers call its functions, with {@code args} as its positional parameters; returns
   * what it printed (output and errors together), stripped. NEWSFRAME_JIT is unset unless given.
   */
  public static String shell(Path dir, Map<String, String> env, String snippet, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", "-c",
        "set -euo pipefail; source \"$NF_TEST_HOME/jobs/lib/common.sh\"; " + snippet, "launcher-test"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().remove("NEWSFRAME_JIT");
    builder.environment().put("NF_TEST_HOME", HOME.toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    process.waitFor();
    return out;
  }

  public Result run(String job, String... args) throws IOException, InterruptedException {
    return start(Map.of(), job, args).await();
  }

  public Started start(Map<String, String> env, String job, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(HOME.resolve("jobs").resolve(job).toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    forTests(builder.environment(), dir);
    builder.environment().putAll(env);
    Path out = Files.createTempFile(dir, job, ".out");
    Path err = Files.createTempFile(dir, job, ".err");
    return new Started(builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
  }
}
