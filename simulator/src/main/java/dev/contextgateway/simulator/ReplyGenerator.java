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

  /**
   * Answers Context Gateway's selection prompt (its {@code SelectionPrompt}) as a model would, so
   * that a real {@code ContextGateway} in front of the simulator gets usable LLM answers: the JSON
   * object {@code {"files":[{"path":"...","summary":"..."}]}} naming some of the candidates the
   * prompt lists on lines {@code === path: <relative path> ===}.
   *
   * <ul>
   *   <li>It selects between one and {@code N} of the candidates, where {@code N} is the prompt's
   *       "Choose at most N" (8 if the prompt does not say) capped at the number of candidates; the
   *       count is drawn from {@code random}.
   *   <li>It prefers candidates whose shown content and path contain more of the words of the
   *       prompt's "Question:" line; ties are broken by draws from {@code random}. The same seed
   *       and request give the same selection.
   *   <li>Each summary names the file, the question's words it covers, and its first line.
   *   <li>The JSON is bare when the request sets {@code responseMimeType: application/json}, and
   *       otherwise inside a Markdown {@code ```json} fence, as Gemini tends to answer.
   *   <li>A prompt with no candidate lines gets {@code {"files":[]}}, which the gateway rejects as
   *       an unusable answer.
   * </ul>
   *
   * <p>Select it on the command line with {@code --replies context-selection}. The fault matrix
   * uses it, and so can any scenario that puts a gateway in front of the simulator, such as a
   * benchmark's.
   */
  static ReplyGenerator contextSelection() {
    return ContextSelectionReplies.INSTANCE;
  }
}
