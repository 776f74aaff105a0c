package dev.contextgateway.simulator;

/**
 * The simulator's token estimate, the rule of thumb Google documents for Gemini: about four
 * characters per token. A text of {@code n} characters (code points) counts {@code ceil(n / 4)}
 * tokens; every inline or file media part counts 258 tokens (Gemini's charge for a small image).
 * The same estimate feeds {@code countTokens}, {@code usageMetadata} and the tokens-per-minute
 * quota, so they agree with each other as they do on the real service.
 */
public final class TokenEstimator {
  /** Tokens charged for one {@code inlineData} or {@code fileData} part. */
  public static final int MEDIA_PART_TOKENS = 258;

  private TokenEstimator() {}

  /** The estimated tokens of {@code text}. */
  public static long estimate(CharSequence text) {
    long codePoints = text.codePoints().count();
    return (codePoints + 3) / 4;
  }
}
