package dev.contextgateway.llm;

import org.jspecify.annotations.Nullable;

/**
 * The provider could not be reached or failed on its side: HTTP 5xx (500 INTERNAL, 503 UNAVAILABLE,
 * 504 DEADLINE_EXCEEDED), HTTP 408, a connect or I/O error, a reset connection, an empty response.
 * Retryable.
 */
public final class UnavailableException extends LlmException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;

  /**
   * @param statusCode the HTTP status, or {@code 0} when no response arrived
   * @param cause the I/O error, if any
   */
  public UnavailableException(String message, int statusCode, @Nullable Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
  }

  /** The HTTP status, or {@code 0} when no response arrived. */
  public int statusCode() {
    return statusCode;
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
