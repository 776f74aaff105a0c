package dev.contextgateway.llm;

import java.util.concurrent.CompletableFuture;

/**
 * Generates text from a prompt with a large language model.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Non-blocking.</b> {@link #generate} returns at once; the result arrives through the
 *       future. It never throws: every failure, including a bad argument or a closed client,
 *       completes the future exceptionally.
 *   <li><b>Typed failures.</b> A failure of the model call completes the future with an {@link
 *       LlmException} subclass that says whether trying again may help ({@link
 *       LlmException#retryable()}).
 *   <li><b>Deadline.</b> Implementations fail the future with {@link LlmTimeoutException} once the
 *       request's {@linkplain LlmRequest#deadline() deadline} has passed, and stop the work behind
 *       it.
 *   <li><b>Cancellation.</b> Cancelling the returned future abandons the call and releases what it
 *       holds (an HTTP exchange, a scheduled wait).
 * </ul>
 *
 * <p>Implementations are thread-safe. {@link #close()} releases what the client owns; calls made
 * after it fail with {@link IllegalStateException}. The default {@code close()} does nothing, so a
 * client that owns nothing can be written as a lambda.
 */
@FunctionalInterface
public interface LlmClient extends AutoCloseable {

  /** Starts a generation for {@code request}. */
  CompletableFuture<LlmResponse> generate(LlmRequest request);

  /** Releases what this client owns; idempotent. Never throws a checked exception. */
  @Override
  default void close() {}
}
