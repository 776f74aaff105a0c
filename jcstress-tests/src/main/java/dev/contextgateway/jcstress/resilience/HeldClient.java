package dev.contextgateway.jcstress.resilience;

import dev.contextgateway.llm.LlmClient;
import dev.contextgateway.llm.LlmRequest;
import dev.contextgateway.llm.LlmResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A fake {@link LlmClient} that holds every call in flight until the test ends it: a trial call
 * stays a trial (its permit taken) for as long as the test needs, as a real call to a provider
 * does for seconds. Thread-safe.
 */
final class HeldClient implements LlmClient {
  static final LlmResponse ANSWER =
      new LlmResponse("ok", "STOP", LlmResponse.Usage.NONE, null, null);

  private final ConcurrentLinkedQueue<CompletableFuture<LlmResponse>> held =
      new ConcurrentLinkedQueue<>();

  @Override
  public CompletableFuture<LlmResponse> generate(LlmRequest request) {
    CompletableFuture<LlmResponse> call = new CompletableFuture<>();
    held.add(call);
    return call;
  }

  /** The oldest call still held, taken out of this client's hands; null if none. */
  CompletableFuture<LlmResponse> take() {
    return held.poll();
  }

  /** Calls that reached this client and are still held. */
  int inFlight() {
    return held.size();
  }

  /** Ends every call held with {@code failure}. */
  void failAll(Throwable failure) {
    CompletableFuture<LlmResponse> call;
    while ((call = held.poll()) != null) {
      call.completeExceptionally(failure);
    }
  }

  /** Ends every call held with {@link #ANSWER}. */
  void answerAll() {
    CompletableFuture<LlmResponse> call;
    while ((call = held.poll()) != null) {
      call.complete(ANSWER);
    }
  }
}
