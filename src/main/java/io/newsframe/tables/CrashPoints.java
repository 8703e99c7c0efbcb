package io.newsframe.tables;

/**
 * Named points where a test can make the driver die as {@code kill -9} would: the environment
 * variable (or system property) {@code NEWSFRAME_CRASH_AT} names one: {@code stage:<name>} (before
 * a stage), {@code ingest:written} (inside ingest), {@code publish:start}, {@code publish:0} (the
 * journal written) or {@code publish:<n>} (n tables moved). Reaching it halts the JVM at once, with no shutdown hook, no finally block and
 * no cleanup, so the warehouse is left exactly as a killed driver leaves it. Unset, it costs a
 * string comparison.
 */
public final class CrashPoints {
  static final String VARIABLE = "NEWSFRAME_CRASH_AT";
  /** The exit status of a process killed by SIGKILL, as a shell reports it. */
  static final int KILLED = 137;

  private CrashPoints() {}

  public static void reach(String point) {
    String chosen = System.getProperty(VARIABLE, System.getenv(VARIABLE));
    if (point.equals(chosen)) {
      System.err.println("newsframe: " + VARIABLE + "=" + point + ": halting here");
      System.err.flush();
      Runtime.getRuntime().halt(KILLED);
    }
  }
}
