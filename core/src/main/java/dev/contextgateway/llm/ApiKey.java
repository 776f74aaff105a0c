package dev.contextgateway.llm;

/**
 * An API key that does not show itself: {@link #toString()} is a fixed placeholder, so logging or
 * printing anything that holds one cannot leak it. The value is read in one place, where the
 * request header is set.
 */
final class ApiKey {
  static final String REDACTED = "[redacted]";

  private final String value;

  ApiKey(String value) {
    this.value = value;
  }

  /** The secret, for the request header only. */
  String reveal() {
    return value;
  }

  /** {@code text} with every occurrence of the key replaced by a placeholder. */
  String scrub(String text) {
    return text.replace(value, REDACTED);
  }

  @Override
  public String toString() {
    return REDACTED;
  }
}
