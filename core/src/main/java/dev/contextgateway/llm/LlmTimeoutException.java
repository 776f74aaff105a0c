package dev.contextgateway.llm;

/**
 * The call's deadline (or an attempt's timeout) passed before an answer arrived. The exchange was
 * cancelled. Retryable when time remains, which it does only for an attempt timeout shorter than
 * the caller's deadline.
 */
public final class LlmTimeoutException extends LlmException {
  private static final long serialVersionUID = 1L;

  public LlmTimeoutException(String message) {
    super(message, null);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
