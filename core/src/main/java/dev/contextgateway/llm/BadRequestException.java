package dev.contextgateway.llm;

/**
 * The provider rejected the request itself: HTTP 4xx other than 408 and 429 (400 INVALID_ARGUMENT,
 * 401/403 bad or missing key, 404 unknown model), or a prompt it blocked. Sending it again gives
 * the same answer, so it is not retryable, and it says nothing about the provider's health.
 */
public final class BadRequestException extends LlmException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;

  /**
   * @param statusCode the HTTP status (200 for a prompt blocked in a successful response)
   */
  public BadRequestException(String message, int statusCode) {
    super(message, null);
    this.statusCode = statusCode;
  }

  /** The HTTP status. */
  public int statusCode() {
    return statusCode;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
