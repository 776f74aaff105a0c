package dev.contextgateway.jcstress.cache;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Generations of one key, as a test's generators see them: how many ran, how many are in flight,
 * and the most that were ever in flight at once.
 *
 * <p>A real generation takes seconds; one that returned at once would leave almost no time for a
 * second one to overlap it, and a cache that lets two run would rarely be seen doing so. So each
 * generation here <em>holds</em>: it stays in flight until a second generation is in flight with
 * it (the answer is then known), or every other actor has finished its calls (no second one can
 * start any more), or {@link #HOLD_NANOS} have passed. The bound keeps every hold finite: a correct
 * cache never waits on it for long, and a cache that blocks a caller behind a holding generation
 * (a lock) still makes progress.
 */
final class Generations {
  /** The longest a generation stays in flight. */
  static final long HOLD_NANOS = 100_000;

  private final int actors;
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private final AtomicInteger actorsDone = new AtomicInteger();

  /** @param actors how many actors the test has */
  Generations(int actors) {
    this.actors = actors;
  }

  /** Runs one generation: enters, holds, leaves. Returns its call number, from 1. */
  int generate() {
    int call = calls.incrementAndGet();
    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    holdUntil(() -> inFlight.get() >= 2 || actorsDone.get() >= actors - 1);
    inFlight.decrementAndGet();
    return call;
  }

  /** Spins until {@code condition} holds or {@link #HOLD_NANOS} have passed. */
  static void holdUntil(BooleanSupplier condition) {
    long deadline = System.nanoTime() + HOLD_NANOS;
    while (!condition.getAsBoolean() && System.nanoTime() - deadline < 0) {
      Thread.onSpinWait();
    }
  }

  /** Called by each actor when it has made all its calls. */
  void actorDone() {
    actorsDone.incrementAndGet();
  }

  /** Generations started. */
  int calls() {
    return calls.get();
  }

  /** The most generations that were in flight at the same time. */
  int mostInFlight() {
    return mostInFlight.get();
  }

  /** The failure of a test's failing generator; no stack trace, as it is thrown on purpose. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure() {
      super("generation failed on purpose", null, false, false);
    }
  }
}
