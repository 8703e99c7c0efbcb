package io.newsframe.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest {
  @Test
  void resultsComeInTheOrderOfTheWorkAndPiecesOverlap() {
    CountDownLatch allStarted = new CountDownLatch(3);
    List<Callable<Integer>> work = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int n = i;
      work.add(() -> {
        allStarted.countDown();
        // Each waits for the others to start: this ends only if the three run at once.
        assertTrue(allStarted.await(10, TimeUnit.SECONDS), "the pieces ran one after another");
        Thread.sleep(30L * (3 - n));
        return n * n;
      });
    }
    assertEquals(List.of(0, 1, 4), Concurrently.all(work, 3));
    assertEquals(List.of(), Concurrently.all(List.<Callable<Integer>>of(), 3));
  }

  @Test
  void theFirstFailureIsRethrownAfterEveryPieceHasEnded() {
    AtomicInteger ended = new AtomicInteger();
    List<Callable<Integer>> work = List.of(
        () -> {
          Thread.sleep(50);
          ended.incrementAndGet();
          return 1;
        },
        () -> {
          throw new IllegalArgumentException("second");
        },
        () -> {
          throw new IllegalStateException("third");
        },
        () -> {
          Thread.sleep(100);
          ended.incrementAndGet();
          return 4;
        });
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Concurrently.all(work, 2));
    assertEquals("second", e.getMessage());
    assertEquals(2, ended.get(), "the other pieces ended before the failure was thrown");
    Exception checked = assertThrows(IllegalStateException.class,
        () -> Concurrently.all(List.<Callable<Integer>>of(() -> {
          throw new java.io.IOException("disk");
        }), 1));
    assertEquals("disk", checked.getMessage());
  }
}
