package dev.contextgateway.gateway;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A request's timeout passed while its context was still being generated, and neither a stale
 * context nor a locally ranked one was ready to serve instead. The generation goes on for later
 * requests.
 */
public final class GatewayTimeoutException extends TimeoutException {
  private static final long serialVersionUID = 1L;

  GatewayTimeoutException(Duration timeout) {
    super("no context ready within " + timeout + ": the generation is still running and no stale or locally ranked context was ready");
  }
}
