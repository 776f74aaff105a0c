package dev.contextgateway.jcstress.resilience;

import dev.contextgateway.resilience.CircuitState;
import dev.contextgateway.resilience.ResilienceListener;
import dev.contextgateway.time.Ticker;

/**
 * <b>A deliberately broken circuit breaker, kept only to prove that {@link HalfOpenTrials} and
 * {@link TrialOutcomes} can see the races they guard against. Never use this design.</b>
 *
 * <p>It is the breaker one writes without thinking about concurrency: the state is a volatile
 * field, and the half-open bookkeeping is check-then-act on plain fields. Two callers arriving
 * after the open wait both see the breaker open, both move it to half-open (each resetting the
 * trial count the other may already have bumped), and both then test {@code trials < permitted}
 * before either increments it. So more trial calls than permitted reach a provider that is
 * probably still down, and the breaker reports a transition out of a state it had already left.
 * Likewise two trials reporting their outcomes together can both take the decision that ends
 * half-open, or neither.
 *
 * <p>Only what the tests need: it starts open, with the open wait ending at a given ticker
 * reading, and trial outcomes are reported with {@link #onSuccess()} and {@link #onFailure()}.
 * Core's breaker (Resilience4j's, behind {@link dev.contextgateway.resilience.ResiliencePolicy})
 * moves to half-open under a lock with a compare-and-set, hands out trial permits with an atomic
 * counter, records trial outcomes in a sliding window under a lock, and leaves half-open through a
 * compare-and-set, so exactly one outcome decides.
 */
final class CheckThenActBreaker {
  private final Ticker ticker;
  private final long openUntil;
  private final int permittedTrials;
  private final ResilienceListener listener;

  private volatile CircuitState state = CircuitState.OPEN;

  /** Trial calls admitted in half-open; read, compared and bumped without atomicity. */
  private int trials;

  /** Trial outcomes reported in half-open, and how many of them failed; likewise. */
  private int results;

  private int failures;

  CheckThenActBreaker(
      Ticker ticker, long openUntil, int permittedTrials, ResilienceListener listener) {
    this.ticker = ticker;
    this.openUntil = openUntil;
    this.permittedTrials = permittedTrials;
    this.listener = listener;
  }

  /** Whether a call may go now; a trial call in half-open. */
  boolean tryAcquirePermission() {
    CircuitState seen = state;
    if (seen == CircuitState.OPEN) {
      if (ticker.read() - openUntil <= 0) {
        return false;
      }
      // check-then-act: another caller may have seen OPEN too and be doing the same
      trials = 0;
      results = 0;
      failures = 0;
      moveTo(CircuitState.OPEN, CircuitState.HALF_OPEN);
      seen = CircuitState.HALF_OPEN;
    }
    if (seen == CircuitState.HALF_OPEN) {
      // check-then-increment: two callers can both pass the check before either increments
      if (trials < permittedTrials) {
        trials++;
        return true;
      }
      return false;
    }
    return true;
  }

  /** A permitted call succeeded. */
  void onSuccess() {
    onResult(false);
  }

  /** A permitted call failed. */
  void onFailure() {
    onResult(true);
  }

  /**
   * In half-open, counts a trial's outcome; once all permitted trials have reported, the last one
   * decides: open again if half or more failed, else closed. The count is bumped and then read
   * again, so two trials reporting together can both see the last count and both decide, or both
   * bump from the same count and neither decides.
   */
  private void onResult(boolean failed) {
    if (state != CircuitState.HALF_OPEN) {
      return;
    }
    if (failed) {
      failures++;
    }
    results++;
    if (results >= permittedTrials) {
      moveTo(
          CircuitState.HALF_OPEN,
          failures * 2 >= results ? CircuitState.OPEN : CircuitState.CLOSED);
    }
  }

  CircuitState state() {
    return state;
  }

  private void moveTo(CircuitState from, CircuitState to) {
    state = to;
    listener.onStateTransition(from, to);
  }
}
