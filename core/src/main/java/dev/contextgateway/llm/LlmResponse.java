package dev.contextgateway.llm;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an {@link LlmRequest}.
 *
 * @param text the generated text (the text parts of the first candidate, joined)
 * @param finishReason why generation stopped as the model reports it ({@code STOP}, {@code
 *     MAX_TOKENS}, {@code SAFETY}, {@code RECITATION}, {@code OTHER}, ...), or {@code
 *     "UNSPECIFIED"} when it did not say
 * @param usage the token counts of the exchange
 * @param modelVersion the model version that answered, if reported
 * @param responseId the provider's id of the response, if reported
 */
public record LlmResponse(
    String text,
    String finishReason,
    Usage usage,
    @Nullable String modelVersion,
    @Nullable String responseId) {

  public LlmResponse {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(usage, "usage");
  }

  /**
   * Token counts of one exchange, as the provider reports them; zero where not reported.
   *
   * @param promptTokens tokens of the prompt
   * @param candidatesTokens tokens generated
   * @param totalTokens all tokens billed (may exceed the sum, e.g. with thinking tokens)
   */
  public record Usage(long promptTokens, long candidatesTokens, long totalTokens) {
    public static final Usage NONE = new Usage(0, 0, 0);

    public Usage {
      if (promptTokens < 0 || candidatesTokens < 0 || totalTokens < 0) {
        throw new IllegalArgumentException(
            "token counts must not be negative, were "
                + promptTokens
                + "/"
                + candidatesTokens
                + "/"
                + totalTokens);
      }
    }
  }
}
