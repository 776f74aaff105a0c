package dev.contextgateway.metrics;

/** The circuit breaker's state as metrics report it, with a numeric code for gauges. */
public enum BreakerState {
  /** Calls pass. */
  CLOSED(0),
  /** A limited number of trial calls pass. */
  HALF_OPEN(1),
  /** Calls are rejected. */
  OPEN(2),
  /** Held open by an operator. */
  FORCED_OPEN(3),
  /** The breaker does not act. */
  DISABLED(4),
  /** The state could not be read. */
  UNKNOWN(-1);

  private final int code;

  BreakerState(int code) {
    this.code = code;
  }

  /** The gauge value: 0 closed, 1 half-open, 2 open, 3 forced open, 4 disabled, -1 unknown. */
  public int code() {
    return code;
  }
}
