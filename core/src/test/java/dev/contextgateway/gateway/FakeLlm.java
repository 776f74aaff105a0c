package dev.contextgateway.gateway;

import dev.contextgateway.llm.LlmClient;
import dev.contextgateway.llm.LlmRequest;
import dev.contextgateway.llm.LlmResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An LLM whose every call returns a future the test completes; records prompts and close. */
final class FakeLlm implements LlmClient {
  private final List<LlmRequest> requests = new ArrayList<>();
  private final List<CompletableFuture<LlmResponse>> calls = new ArrayList<>();
  volatile boolean closed;

  @Override
  public synchronized CompletableFuture<LlmResponse> generate(LlmRequest request) {
    requests.add(request);
    CompletableFuture<LlmResponse> call = new CompletableFuture<>();
    calls.add(call);
    return call;
  }

  synchronized int calls() {
    return calls.size();
  }

  synchronized LlmRequest request(int index) {
    return requests.get(index);
  }

  synchronized CompletableFuture<LlmResponse> last() {
    if (calls.isEmpty()) {
      throw new AssertionError("the LLM was not called");
    }
    return calls.get(calls.size() - 1);
  }

  /** Answers the last call selecting {@code paths} (relative, with '/'), each with a summary. */
  void answerSelecting(String... paths) {
    StringBuilder json = new StringBuilder("```json\n{\"files\":[");
    for (int i = 0; i < paths.length; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"path\":\"")
          .append(paths[i])
          .append("\",\"summary\":\"About ")
          .append(paths[i])
          .append(".\"}");
    }
    json.append("]}\n```");
    answer(json.toString());
  }

  void answer(String text) {
    last().complete(new LlmResponse(text, "STOP", new LlmResponse.Usage(100, 20, 120), "fake-1", "r1"));
  }

  void fail(Throwable failure) {
    last().completeExceptionally(failure);
  }

  @Override
  public void close() {
    closed = true;
  }
}
