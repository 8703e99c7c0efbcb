package io.newsframe.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The order stages run in: one after the other, or a stage that starts after an earlier one beside
 * those in between when the run allows it; awaiting a stage; and what a failure leaves.
 */
class StageScheduleTest {
  /** A stage that runs {@code body} (given the schedule, to await others) and may start early. */
  private record TestStage(String name, String startsAfter, Body body) implements Stage {
    @Override
    public StageOutcome run(RunContext context) {
      throw new UnsupportedOperationException("run through the schedule's runOne");
    }
  }

  @FunctionalInterface
  private interface Body {
    void run(StageSchedule schedule) throws Exception;
  }

  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final List<String> labels = Collections.synchronizedList(new ArrayList<>());

  private List<RunReport.StageReport> run(StageSchedule schedule, List<Stage> stages, boolean sideBySide) {
    return schedule.run(stages, stage -> {
      events.add(stage.name() + " starts");
      try {
        ((TestStage) stage).body().run(schedule);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      events.add(stage.name() + " ends");
      return new RunReport.StageReport(stage.name(), new StageOutcome(1, 1, 0, List.of(), Map.of()), 0, Instant.now());
    }, ended -> sideBySide);
  }

  private static Stage stage(String name, Body body) {
    return new TestStage(name, null, body);
  }

  @Test
  void withoutLeaveAStageThatMayStartEarlyWaitsForTheStageBeforeIt() {
    try (StageSchedule schedule = new StageSchedule(labels::add)) {
      List<RunReport.StageReport> reports = run(schedule, List.of(stage("a", s -> { }), stage("b", s -> { }),
          new TestStage("c", "a", s -> { })), false);
      assertEquals(List.of("a starts", "a ends", "b starts", "b ends", "c starts", "c ends"), events);
      assertEquals(List.of("a", "b", "c"), reports.stream().map(RunReport.StageReport::name).toList());
    }
  }

  @Test
  void withLeaveItRunsBesideTheStagesInBetweenAndAwaitsThem() {
    CountDownLatch cStarted = new CountDownLatch(1);
    AtomicBoolean bSawC = new AtomicBoolean();
    AtomicBoolean bDoneWhenCRead = new AtomicBoolean();
    AtomicBoolean bDone = new AtomicBoolean();
    try (StageSchedule schedule = new StageSchedule(labels::add)) {
      List<RunReport.StageReport> reports = run(schedule, List.of(
          stage("a", s -> { }),
          stage("b", s -> {
            // Ends only once c has started: c must run beside b, or this waits in vain.
            bSawC.set(cStarted.await(20, TimeUnit.SECONDS));
            Thread.sleep(200);
            bDone.set(true);
          }),
          new TestStage("c", "a", s -> {
            cStarted.countDown();
            s.await("b");
            bDoneWhenCRead.set(bDone.get());
          })), true);
      assertTrue(bSawC.get(), "c started while b ran");
      assertTrue(bDoneWhenCRead.get(), "c's await returned only once b had ended");
      assertEquals(List.of("a", "b", "c"), reports.stream().map(RunReport.StageReport::name).toList());
      assertTrue(labels.contains("b + c") || labels.contains("c + b"), labels.toString());
    }
  }

  @Test
  void aStageNotInTheScheduleIsNotAwaited() {
    try (StageSchedule schedule = new StageSchedule(labels::add)) {
      run(schedule, List.of(stage("a", s -> s.await("topics"))), true);
      assertEquals(List.of("a starts", "a ends"), events);
    }
  }

  @Test
  void aFailureStopsTheStagesAfterItAndIsRethrownWithTheStagesThatEnded() {
    IllegalArgumentException broken = new IllegalArgumentException("b broke");
    try (StageSchedule schedule = new StageSchedule(labels::add)) {
      StageSchedule.StagesFailed failed = assertThrows(StageSchedule.StagesFailed.class, () -> run(schedule,
          List.of(stage("a", s -> { }), stage("b", s -> {
            throw broken;
          }), stage("c", s -> { })), false));
      assertSame(broken, failed.firstFailure());
      assertEquals(List.of("a"), failed.completed().stream().map(RunReport.StageReport::name).toList());
      assertFalse(events.contains("c starts"), events.toString());
    }
  }

  @Test
  void aStageBesideAFailedOneEndsFirstAndTheFailedStageIsTheCause() {
    IllegalStateException broken = new IllegalStateException("b broke");
    AtomicBoolean cAwaitFailed = new AtomicBoolean();
    try (StageSchedule schedule = new StageSchedule(labels::add)) {
      StageSchedule.StagesFailed failed = assertThrows(StageSchedule.StagesFailed.class, () -> run(schedule,
          List.of(stage("a", s -> { }), stage("b", s -> {
            Thread.sleep(100);
            throw broken;
          }), new TestStage("c", "a", s -> {
            try {
              s.await("b");
            } catch (StageSchedule.AwaitedStageFailed e) {
              cAwaitFailed.set(true);
              throw e;
            }
          })), true));
      // b's own failure is the run's cause, not c's report of it; both had ended when it was thrown.
      assertSame(broken, failed.firstFailure());
      assertTrue(cAwaitFailed.get());
      assertEquals(List.of("a"), failed.completed().stream().map(RunReport.StageReport::name).toList());
    }
  }

  @Test
  void aStageThatFailsOnItsOwnBesideOthersIsTheCause() {
    IllegalStateException broken = new IllegalStateException("c broke");
    try (StageSchedule schedule = new StageSchedule(labels::add)) {
      StageSchedule.StagesFailed failed = assertThrows(StageSchedule.StagesFailed.class, () -> run(schedule,
          List.of(stage("a", s -> { }), stage("b", s -> Thread.sleep(200)), new TestStage("c", "a", s -> {
            throw broken;
          })), true));
      assertSame(broken, failed.firstFailure());
      // b was let end: nothing runs when the caller cleans up after the failure.
      assertEquals(List.of("a", "b"), failed.completed().stream().map(RunReport.StageReport::name).toList());
      assertTrue(events.contains("b ends"), events.toString());
      assertInstanceOf(IllegalStateException.class, failed.getCause());
    }
  }
}
