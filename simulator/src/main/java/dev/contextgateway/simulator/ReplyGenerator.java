package dev.contextgateway.simulator;

import java.util.random.RandomGenerator;

/**
 * Writes the model's answer text for a request. The simulator wraps it in a real response
 * (candidates, usage, finish reason), cuts it at {@code maxOutputTokens} with finish reason {@code
 * MAX_TOKENS}, and splits it into chunks for streaming.
 *
 * <p>Called concurrently from the simulator's server threads: implementations must be
 * thread-safe, fast and non-blocking, and must not throw (the journal has already recorded the
 * request as answered). For reproducible runs, draw any randomness from {@code random}, the
 * request's own stream derived from the simulator's seed.
 */
@FunctionalInterface
public interface ReplyGenerator {

  /** The answer text for {@code request}. */
  String reply(GeminiRequest request, RandomGenerator random);

  /**
   * The default: deterministic filler text of about {@code 20 + promptTokens / 8} tokens (at most
   * 400), starting with the model's name; a JSON object {@code {"reply": "..."}} when the request
   * asks for {@code responseMimeType: application/json}.
   */
  static ReplyGenerator filler() {
    return FillerReplies.INSTANCE;
  }
}
