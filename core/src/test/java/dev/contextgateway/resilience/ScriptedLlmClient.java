package dev.contextgateway.resilience;

import dev.contextgateway.llm.LlmClient;
import dev.contextgateway.llm.LlmRequest;
import dev.contextgateway.llm.LlmResponse;
import dev.contextgateway.time.Ticker;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A fake {@link LlmClient} scripted call by call: each call takes the next scripted outcome (a
 * success, a failure, or a future left pending for the test to complete), or succeeds when the
 * script is empty. Records every call with the ticker reading at which it arrived.
 */
final class ScriptedLlmClient implements LlmClient {
  /** One call the client received. */
  record Call(LlmRequest request, long at, CompletableFuture<LlmResponse> future) {}

  private final Ticker ticker;
  private final Queue<Supplier<CompletableFuture<LlmResponse>>> script =
      new ConcurrentLinkedQueue<>();
  final List<Call> calls = new CopyOnWriteArrayList<>();
  volatile boolean closed;

  ScriptedLlmClient(Ticker ticker) {
    this.ticker = ticker;
  }

  static LlmResponse ok(String text) {
    return new LlmResponse(text, "STOP", new LlmResponse.Usage(1, 1, 2), "test-model", "id");
  }

  ScriptedLlmClient thenSucceed(String text) {
    script.add(() -> CompletableFuture.completedFuture(ok(text)));
    return this;
  }

  ScriptedLlmClient thenFail(Throwable failure) {
    script.add(() -> CompletableFuture.failedFuture(failure));
    return this;
  }

  ScriptedLlmClient thenFail(Throwable failure, int times) {
    for (int i = 0; i < times; i++) {
      thenFail(failure);
    }
    return this;
  }

  /** The next call's future stays pending until the test completes it. */
  ScriptedLlmClient thenHang() {
    script.add(CompletableFuture::new);
    return this;
  }

  ScriptedLlmClient thenHang(int times) {
    for (int i = 0; i < times; i++) {
      thenHang();
    }
    return this;
  }

  @Override
  public CompletableFuture<LlmResponse> generate(LlmRequest request) {
    Supplier<CompletableFuture<LlmResponse>> next = script.poll();
    CompletableFuture<LlmResponse> future =
        next == null ? CompletableFuture.completedFuture(ok("default")) : next.get();
    calls.add(new Call(request, ticker.read(), future));
    return future;
  }

  int callCount() {
    return calls.size();
  }

  Call call(int index) {
    return calls.get(index);
  }

  @Override
  public void close() {
    closed = true;
  }
}
