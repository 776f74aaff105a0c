package dev.contextgateway.resilience;

/** The state of a policy's circuit breaker. */
public enum CircuitState {
  /** Calls pass; outcomes are recorded. */
  CLOSED,
  /** Calls fail at once with {@link CircuitOpenException}. */
  OPEN,
  /** A configured number of trial calls pass; the others fail at once. */
  HALF_OPEN
}
