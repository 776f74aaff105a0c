package dev.contextgateway.simulator;

import dev.contextgateway.simulator.profile.Quota;
import dev.contextgateway.time.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The buckets of the emulated quotas, one set per distinct {@link Quota}, on the simulator's
 * ticker.
 *
 * <p>Not thread-safe: the {@link SimulatorEngine} calls it under its lock, which is what makes a
 * check of several buckets and the payment into all of them one atomic step.
 */
final class QuotaLedger {

  /** A quota dimension, named as Gemini names it in {@code QuotaFailure} violations. */
  enum Dimension {
    REQUESTS_PER_MINUTE(
        "generativelanguage.googleapis.com/generate_content_free_tier_requests",
        "GenerateRequestsPerMinutePerProjectPerModel-FreeTier"),
    TOKENS_PER_MINUTE(
        "generativelanguage.googleapis.com/generate_content_free_tier_input_token_count",
        "GenerateContentInputTokensPerModelPerMinute-FreeTier"),
    REQUESTS_PER_DAY(
        "generativelanguage.googleapis.com/generate_content_free_tier_requests",
        "GenerateRequestsPerDayPerProjectPerModel-FreeTier");

    final String quotaMetric;
    final String quotaId;

    Dimension(String quotaMetric, String quotaId) {
      this.quotaMetric = quotaMetric;
      this.quotaId = quotaId;
    }
  }

  /** One exceeded limit. */
  record Violation(Dimension dimension, long limit) {}

  /**
   * A refusal: the exceeded limits, and when the request would be admitted if nothing else
   * arrived meanwhile ({@code null} if never, e.g. more tokens than a minute's limit).
   */
  record Refusal(List<Violation> violations, @Nullable Duration retryDelay) {
    boolean perDay() {
      return violations.stream().anyMatch(v -> v.dimension() == Dimension.REQUESTS_PER_DAY);
    }
  }

  private final TimeMeter timeMeter;
  private final Map<Quota, Buckets> buckets = new HashMap<>();

  /** A ledger whose buckets start full now. */
  QuotaLedger(Ticker ticker) {
    long origin = ticker.read();
    this.timeMeter =
        new TimeMeter() {
          @Override
          public long currentTimeNanos() {
            return ticker.read() - origin;
          }

          @Override
          public boolean isWallClockBased() {
            return false;
          }
        };
  }

  /**
   * Admits a request of {@code tokens} input tokens and charges it to every limited dimension, or
   * refuses it and charges nothing.
   *
   * @return {@code null} if admitted
   */
  @Nullable Refusal tryAdmit(Quota quota, long tokens) {
    Buckets set = buckets.computeIfAbsent(quota, this::bucketsFor);
    List<Violation> violations = new ArrayList<>();
    long waitNanos = 0;
    boolean never = false;
    for (Limit limit : set.limits) {
      long amount = limit.dimension == Dimension.TOKENS_PER_MINUTE ? tokens : 1;
      EstimationProbe probe = limit.bucket.estimateAbilityToConsume(amount);
      if (!probe.canBeConsumed()) {
        violations.add(new Violation(limit.dimension, limit.limit));
        if (amount > limit.limit) {
          never = true;
        } else {
          waitNanos = Math.max(waitNanos, probe.getNanosToWaitForRefill());
        }
      }
    }
    if (!violations.isEmpty()) {
      return new Refusal(List.copyOf(violations), never ? null : Duration.ofNanos(waitNanos));
    }
    for (Limit limit : set.limits) {
      limit.bucket.tryConsume(limit.dimension == Dimension.TOKENS_PER_MINUTE ? tokens : 1);
    }
    return null;
  }

  private Buckets bucketsFor(Quota quota) {
    List<Limit> limits = new ArrayList<>();
    if (quota.requestsPerDay() > 0) {
      limits.add(
          new Limit(
              Dimension.REQUESTS_PER_DAY,
              quota.requestsPerDay(),
              bucket(quota.requestsPerDay(), Duration.ofDays(1), false)));
    }
    if (quota.requestsPerMinute() > 0) {
      limits.add(
          new Limit(
              Dimension.REQUESTS_PER_MINUTE,
              quota.requestsPerMinute(),
              bucket(quota.requestsPerMinute(), Duration.ofMinutes(1), true)));
    }
    if (quota.tokensPerMinute() > 0) {
      limits.add(
          new Limit(
              Dimension.TOKENS_PER_MINUTE,
              quota.tokensPerMinute(),
              bucket(quota.tokensPerMinute(), Duration.ofMinutes(1), true)));
    }
    return new Buckets(limits);
  }

  private Bucket bucket(long capacity, Duration period, boolean greedy) {
    return Bucket.builder()
        .addLimit(
            limit ->
                greedy
                    ? limit.capacity(capacity).refillGreedy(capacity, period)
                    : limit.capacity(capacity).refillIntervally(capacity, period))
        .withCustomTimePrecision(timeMeter)
        .build();
  }

  private record Limit(Dimension dimension, long limit, Bucket bucket) {}

  private record Buckets(List<Limit> limits) {}
}
