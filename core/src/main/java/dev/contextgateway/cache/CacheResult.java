package dev.contextgateway.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A value served by the cache and how it was served, so that callers can tell fresh context from
 * stale context.
 *
 * @param value the value
 * @param outcome how the value was obtained
 * @param age how long before serving the value was generated (or put); zero for a value generated
 *     for this call
 * @param failure for {@link Outcome#STALE_ON_ERROR}, the failure of the generation the stale value
 *     stands in for, when known; otherwise {@code null}
 * @param <V> the value type
 */
public record CacheResult<V>(V value, Outcome outcome, Duration age, @Nullable Throwable failure) {

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

  /** A result with no failure attached. */
  public CacheResult(V value, Outcome outcome, Duration age) {
    this(value, outcome, age, null);
  }

  /** The failure a stale value stands in for; see {@link #failure()}. */
  public Optional<Throwable> failureCause() {
    return Optional.ofNullable(failure);
  }

  /** Whether the value is past its type's time to live. */
  public boolean isStale() {
    return outcome == Outcome.STALE || outcome == Outcome.STALE_ON_ERROR;
  }
}
