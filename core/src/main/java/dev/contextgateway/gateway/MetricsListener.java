package dev.contextgateway.gateway;

import dev.contextgateway.llm.BadRequestException;
import dev.contextgateway.llm.BadResponseException;
import dev.contextgateway.llm.LlmException;
import dev.contextgateway.llm.LlmTimeoutException;
import dev.contextgateway.llm.QuotaExhaustedException;
import dev.contextgateway.llm.RateLimitedException;
import dev.contextgateway.llm.UnavailableException;
import dev.contextgateway.metrics.BreakerState;
import dev.contextgateway.metrics.DegradedReason;
import dev.contextgateway.metrics.GatewayMetrics;
import dev.contextgateway.metrics.LlmErrorKind;
import dev.contextgateway.resilience.CircuitOpenException;
import dev.contextgateway.resilience.CircuitState;
import dev.contextgateway.resilience.Rejection;
import dev.contextgateway.resilience.ResilienceListener;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Feeds what the resilience policy does into the gateway's metrics, and maps its types. */
final class MetricsListener implements ResilienceListener {
  private final GatewayMetrics metrics;

  MetricsListener(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void onRejected(Rejection rejection) {
    switch (rejection) {
      case CIRCUIT_OPEN -> metrics.recordBreakerRejection();
      case RATE_LIMITED -> metrics.recordLimiterRejection();
      case RETRY_BUDGET_EXHAUSTED -> {
        // the attempt's own failure is what the caller sees, and it was counted as an LLM error
      }
    }
  }

  @Override
  public void onLimiterWait(Duration waited) {
    metrics.recordLimiterWait(waited.toNanos());
  }

  @Override
  public void onRetry(int attempt, Duration delay, LlmException cause) {
    metrics.recordRetry();
  }

  @Override
  public void onAttempt(Duration elapsed, @Nullable Throwable failure) {
    if (failure == null) {
      metrics.recordLlmCall(elapsed.toNanos());
    } else {
      metrics.recordLlmError(errorKind(failure), elapsed.toNanos());
    }
  }

  static LlmErrorKind errorKind(Throwable failure) {
    if (failure instanceof QuotaExhaustedException) {
      return LlmErrorKind.QUOTA_EXHAUSTED;
    } else if (failure instanceof RateLimitedException) {
      return LlmErrorKind.RATE_LIMITED;
    } else if (failure instanceof LlmTimeoutException) {
      return LlmErrorKind.TIMEOUT;
    } else if (failure instanceof UnavailableException) {
      return LlmErrorKind.UNAVAILABLE;
    } else if (failure instanceof BadRequestException) {
      return LlmErrorKind.BAD_REQUEST;
    } else if (failure instanceof BadResponseException) {
      return LlmErrorKind.BAD_RESPONSE;
    }
    return LlmErrorKind.OTHER;
  }

  /** Why an LLM failure degrades the answer. */
  static DegradedReason degradedReason(Throwable failure) {
    if (failure instanceof CircuitOpenException) {
      return DegradedReason.BREAKER_OPEN;
    }
    return switch (errorKind(failure)) {
      case QUOTA_EXHAUSTED -> DegradedReason.QUOTA_EXHAUSTED;
      case RATE_LIMITED -> DegradedReason.RATE_LIMITED;
      case TIMEOUT -> DegradedReason.DEADLINE;
      case UNAVAILABLE -> DegradedReason.LLM_UNAVAILABLE;
      case BAD_RESPONSE -> DegradedReason.LLM_BAD_RESPONSE;
      case BAD_REQUEST, OTHER -> DegradedReason.OTHER;
    };
  }

  static BreakerState breakerState(CircuitState state) {
    return switch (state) {
      case CLOSED -> BreakerState.CLOSED;
      case OPEN -> BreakerState.OPEN;
      case HALF_OPEN -> BreakerState.HALF_OPEN;
    };
  }
}
