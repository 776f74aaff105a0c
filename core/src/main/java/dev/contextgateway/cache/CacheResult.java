package dev.contextgateway.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * A value served by the cache and how it was served, so that callers can tell fresh context from
 * stale context.
 *
 * @param value the value
 * @param outcome how the value was obtained
 * @param age how long before serving the value was generated (or put); zero for a value generated
 *     for this call
 * @param <V> the value type
 */
public record CacheResult<V>(V value, Outcome outcome, Duration age) {

  /** How a value was served. */
  public enum Outcome {
    /** A fresh entry was present. */
    HIT,
    /** No usable entry was present; the value comes from a generation this call started or joined. */
    GENERATED,
    /** A stale entry within its stale-while-revalidate window; a refresh runs in the background. */
    STALE,
    /** The generation failed; a stale entry within its stale-if-error window was served instead. */
    STALE_ON_ERROR
  }

  /** Validates the components. */
  public CacheResult {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(age, "age");
  }

  /** Whether the value is past its type's time to live. */
  public boolean isStale() {
    return outcome == Outcome.STALE || outcome == Outcome.STALE_ON_ERROR;
  }
}
