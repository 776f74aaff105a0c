package dev.contextgateway.llm;

import org.jspecify.annotations.Nullable;

/**
 * A failed LLM call. Subclasses name the kind of failure; {@link #retryable()} tells whether trying
 * the same request again may succeed.
 *
 * <p>Messages never contain credentials: text taken from a provider's response is scrubbed of the
 * API key before it is put into a message.
 *
 * <table>
 *   <caption>The kinds of failure</caption>
 *   <tr><th>type</th><th>retryable</th><th>cause</th></tr>
 *   <tr><td>{@link RateLimitedException}</td><td>yes, after its retry delay</td><td>HTTP 429,
 *       or a local rate limit that cannot admit the call before its deadline</td></tr>
 *   <tr><td>{@link QuotaExhaustedException}</td><td>no</td><td>HTTP 429 of a per-day quota</td></tr>
 *   <tr><td>{@link LlmTimeoutException}</td><td>yes</td><td>the deadline passed</td></tr>
 *   <tr><td>{@link UnavailableException}</td><td>yes</td><td>HTTP 5xx or 408, connect or I/O
 *       error, connection reset, empty response</td></tr>
 *   <tr><td>{@link BadRequestException}</td><td>no</td><td>HTTP 4xx other than 408 and 429, or a
 *       prompt the provider blocked</td></tr>
 *   <tr><td>{@link BadResponseException}</td><td>yes</td><td>a success status with a body that
 *       cannot be used: malformed or truncated JSON, no candidate, no text</td></tr>
 * </table>
 */
public abstract class LlmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected LlmException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** Whether the same request may succeed if sent again (after any delay the failure names). */
  public abstract boolean retryable();
}
