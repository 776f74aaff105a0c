package dev.contextgateway.cache;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The generation of a key did not finish within the cache's generation timeout. Every caller
 * waiting on it fails with this exception, nothing is cached, and the next call generates again.
 */
public final class GenerationTimeoutException extends TimeoutException {
  private static final long serialVersionUID = 1L;

  private final Duration timeout;

  GenerationTimeoutException(Duration timeout) {
    super("generation did not complete within " + timeout);
    this.timeout = timeout;
  }

  /** The timeout that passed. */
  public Duration timeout() {
    return timeout;
  }
}
