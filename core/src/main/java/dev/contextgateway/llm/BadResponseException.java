package dev.contextgateway.llm;

import org.jspecify.annotations.Nullable;

/**
 * The provider answered with a success status but the body cannot be used: malformed or truncated
 * JSON, no candidate, a candidate without text. Retryable: such answers are usually transient.
 */
public final class BadResponseException extends LlmException {
  private static final long serialVersionUID = 1L;

  public BadResponseException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
