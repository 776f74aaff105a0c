package dev.contextgateway.cache;

import dev.contextgateway.internal.Checks;
import java.time.Duration;
import java.util.Objects;

/**
 * A kind of cached context and its freshness policy. Statistics are kept per type; a cache is
 * built with the types it serves and rejects others.
 *
 * <p>An entry written at time {@code t} is:
 *
 * <ul>
 *   <li><b>fresh</b> until {@code t + timeToLive}: served as a hit;
 *   <li><b>stale</b> until {@code t + timeToLive + staleWhileRevalidate}: served at once as a
 *       stale hit while one background refresh runs;
 *   <li><b>kept for errors</b> until {@code t + timeToLive + staleIfError}: not served on its own,
 *       but served instead of an error when the generation that should replace it fails;
 *   <li>gone after the later of the last two.
 * </ul>
 *
 * <p>Instances are immutable values. Two types are the same type when all four components are
 * equal; a cache knows each type by its name.
 *
 * @param name a non-blank name, unique within one cache
 * @param timeToLive how long an entry is fresh; positive
 * @param staleWhileRevalidate how long past {@code timeToLive} a stale entry is served while it is
 *     refreshed; zero turns stale-while-revalidate off
 * @param staleIfError how long past {@code timeToLive} a stale entry is kept as the answer to a
 *     failed generation; zero turns stale-if-error off
 */
public record CacheType(
    String name, Duration timeToLive, Duration staleWhileRevalidate, Duration staleIfError) {

  /** Validates the components; messages name the bad component and value. */
  public CacheType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timeToLive, "timeToLive");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, was '" + name + "'");
    }
    Checks.positive("timeToLive", timeToLive);
    Checks.notNegative("staleWhileRevalidate", staleWhileRevalidate);
    Checks.notNegative("staleIfError", staleIfError);
  }

  /** A type whose entries are fresh for {@code timeToLive}, with no stale windows. */
  public static CacheType of(String name, Duration timeToLive) {
    return new CacheType(name, timeToLive, Duration.ZERO, Duration.ZERO);
  }

  /** This type with the given stale-while-revalidate window. */
  public CacheType withStaleWhileRevalidate(Duration window) {
    return new CacheType(name, timeToLive, window, staleIfError);
  }

  /** This type with the given stale-if-error window. */
  public CacheType withStaleIfError(Duration window) {
    return new CacheType(name, timeToLive, staleWhileRevalidate, window);
  }
}
