package dev.contextgateway.jcstress.resilience;

import dev.contextgateway.resilience.CircuitState;
import dev.contextgateway.resilience.ResilienceListener;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The state transitions a breaker reported, in the order reported, and whether they form a legal
 * path. Thread-safe, so that the log itself never loses a transition and only the breaker is on
 * trial.
 *
 * <p>A path is legal when it starts from the breaker's initial state, each transition leaves the
 * state the previous one entered, and each is one of the breaker's edges: closed to open, open to
 * half-open, half-open to closed, half-open to open.
 */
final class Transitions implements ResilienceListener {
  private static final Set<List<CircuitState>> EDGES =
      Set.of(
          List.of(CircuitState.CLOSED, CircuitState.OPEN),
          List.of(CircuitState.OPEN, CircuitState.HALF_OPEN),
          List.of(CircuitState.HALF_OPEN, CircuitState.CLOSED),
          List.of(CircuitState.HALF_OPEN, CircuitState.OPEN));

  private final ConcurrentLinkedQueue<List<CircuitState>> log = new ConcurrentLinkedQueue<>();

  @Override
  public void onStateTransition(CircuitState from, CircuitState to) {
    log.add(List.of(from, to));
  }

  /** How many reported transitions entered {@code state}. */
  int into(CircuitState state) {
    int count = 0;
    for (List<CircuitState> transition : log) {
      if (transition.get(1) == state) {
        count++;
      }
    }
    return count;
  }

  /** How many reported transitions left {@code state}. */
  int outOf(CircuitState state) {
    int count = 0;
    for (List<CircuitState> transition : log) {
      if (transition.get(0) == state) {
        count++;
      }
    }
    return count;
  }

  /**
   * How many reported transitions are not a legal step along the path from {@code initial}: not
   * an edge, or not leaving the state the previous transition entered.
   */
  int illegal(CircuitState initial) {
    int count = 0;
    CircuitState current = initial;
    for (List<CircuitState> transition : log) {
      if (transition.get(0) != current || !EDGES.contains(transition)) {
        count++;
      }
      current = transition.get(1);
    }
    return count;
  }
}
