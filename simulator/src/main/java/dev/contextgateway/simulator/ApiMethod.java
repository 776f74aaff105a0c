package dev.contextgateway.simulator;

import org.jspecify.annotations.Nullable;

/** The Gemini API methods the simulator serves, by the name that ends their URL path. */
public enum ApiMethod {
  /** {@code POST /v1beta/models/{model}:generateContent}. */
  GENERATE_CONTENT("generateContent"),
  /** {@code POST /v1beta/models/{model}:streamGenerateContent} (SSE with {@code ?alt=sse}). */
  STREAM_GENERATE_CONTENT("streamGenerateContent"),
  /** {@code POST /v1beta/models/{model}:countTokens}. */
  COUNT_TOKENS("countTokens"),
  /** Any other path (answered with 404). */
  OTHER("");

  private final String urlName;

  ApiMethod(String urlName) {
    this.urlName = urlName;
  }

  /** The name in the URL, e.g. {@code generateContent}; empty for {@link #OTHER}. */
  public String urlName() {
    return urlName;
  }

  /** Whether the method generates content, and so counts against a quota. */
  public boolean generates() {
    return this == GENERATE_CONTENT || this == STREAM_GENERATE_CONTENT;
  }

  static @Nullable ApiMethod fromUrlName(String name) {
    for (ApiMethod method : values()) {
      if (method != OTHER && method.urlName.equals(name)) {
        return method;
      }
    }
    return null;
  }
}
