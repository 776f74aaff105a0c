package dev.contextgateway.resilience;

import dev.contextgateway.llm.LlmException;

/**
 * The policy's circuit breaker did not permit the call: it is open after too many failures, or
 * half-open with all its trial calls taken. Not retryable within the call; the caller should
 * degrade.
 */
public final class CircuitOpenException extends LlmException {
  private static final long serialVersionUID = 1L;

  private final CircuitState state;

  public CircuitOpenException(String message, CircuitState state) {
    super(message, null);
    this.state = state;
  }

  /** The breaker's state when it refused. */
  public CircuitState state() {
    return state;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
