package dev.contextgateway.llm;

import dev.contextgateway.time.Ticker;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One generation request: a prompt, an optional output limit and temperature, and the deadline by
 * which the caller needs the answer.
 *
 * <p>The {@code deadline} is an absolute reading of the {@link Ticker} the clients were built with
 * (nanoseconds, compared as {@link System#nanoTime()} readings are: by the sign of the difference).
 * An absolute reading, rather than a timeout, keeps one deadline for a whole call however many
 * layers and attempts it passes through; {@link #of(String, Ticker, Duration)} makes one from a
 * timeout.
 *
 * @param prompt the user prompt; not empty
 * @param deadline the ticker reading after which the caller no longer wants the answer
 * @param maxOutputTokens the most tokens to generate, or {@code null} for the model's default
 * @param temperature the sampling temperature in [0, 2], or {@code null} for the model's default
 */
public record LlmRequest(
    String prompt, long deadline, @Nullable Integer maxOutputTokens, @Nullable Double temperature) {

  public LlmRequest {
    Objects.requireNonNull(prompt, "prompt");
    if (prompt.isEmpty()) {
      throw new IllegalArgumentException("prompt must not be empty");
    }
    if (maxOutputTokens != null && maxOutputTokens <= 0) {
      throw new IllegalArgumentException(
          "maxOutputTokens must be positive, was " + maxOutputTokens);
    }
    if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
      throw new IllegalArgumentException("temperature must be in [0, 2], was " + temperature);
    }
  }

  /** A request with the model's default output limit and temperature. */
  public static LlmRequest of(String prompt, long deadline) {
    return new LlmRequest(prompt, deadline, null, null);
  }

  /** A request whose deadline is {@code timeout} from now on {@code ticker}. */
  public static LlmRequest of(String prompt, Ticker ticker, Duration timeout) {
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(timeout, "timeout");
    return of(prompt, ticker.read() + saturatedNanos(timeout));
  }

  /** This request with another deadline. */
  public LlmRequest withDeadline(long newDeadline) {
    return new LlmRequest(prompt, newDeadline, maxOutputTokens, temperature);
  }

  /** Nanoseconds left until the deadline at ticker reading {@code now}; negative once passed. */
  public long remainingNanos(long now) {
    return deadline - now;
  }

  /** Omits the prompt, which may be large or sensitive; tells its length instead. */
  @Override
  public String toString() {
    return "LlmRequest[promptChars="
        + prompt.length()
        + ", deadline="
        + deadline
        + ", maxOutputTokens="
        + maxOutputTokens
        + ", temperature="
        + temperature
        + "]";
  }

  /**
   * Longest timeout taken as is (about 146 years); longer ones are cut to it, so sums never wrap.
   */
  private static final long MAXIMUM_TIMEOUT_NANOS = Long.MAX_VALUE >> 1;

  private static long saturatedNanos(Duration duration) {
    if (duration.compareTo(Duration.ofNanos(MAXIMUM_TIMEOUT_NANOS)) > 0) {
      return MAXIMUM_TIMEOUT_NANOS;
    }
    if (duration.compareTo(Duration.ofNanos(-MAXIMUM_TIMEOUT_NANOS)) < 0) {
      return -MAXIMUM_TIMEOUT_NANOS;
    }
    return duration.toNanos();
  }
}
