package dev.contextgateway.simulator;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One request as the simulator received and decided it.
 *
 * @param sequence the request's number since the simulator started or was last reset, from 0
 * @param receivedAtNanos when it was received, on the simulator's ticker (only differences mean
 *     something, as with {@link System#nanoTime()})
 * @param elapsed time since the profile was activated (by start, profile switch or reset)
 * @param profile the name of the active profile
 * @param phase the name of the steady profile in force (the timeline phase; for a steady profile,
 *     its own name)
 * @param httpMethod the HTTP method, e.g. {@code POST}
 * @param path the URL path without the query
 * @param method the API method, {@link ApiMethod#OTHER} for unknown paths
 * @param model the model named in the path, or {@code null} if none
 * @param promptTokens the estimated input tokens (0 when the body was not read or invalid)
 * @param outcome what the simulator did
 * @param delay the delay before the answer (the hang time for {@link Outcome#HANG})
 * @param retryDelay the retry delay a 429 announced, or {@code null}
 */
public record JournalEntry(
    long sequence,
    long receivedAtNanos,
    Duration elapsed,
    String profile,
    String phase,
    String httpMethod,
    String path,
    ApiMethod method,
    @Nullable String model,
    long promptTokens,
    Outcome outcome,
    Duration delay,
    @Nullable Duration retryDelay) {

  /** The HTTP status the client sees, or 0 when it sees none. */
  public int httpStatus() {
    return outcome.httpStatus();
  }
}
