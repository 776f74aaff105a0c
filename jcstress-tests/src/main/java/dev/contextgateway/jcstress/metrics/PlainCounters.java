package dev.contextgateway.jcstress.metrics;

/**
 * <b>Deliberately broken counters, kept only to prove that {@link ExactMetricCounts} can see the
 * race it guards against. Never use this design.</b>
 *
 * <p>The gateway's counters as plain {@code long} fields bumped with {@code ++}: a read, an add
 * and a write, so two threads bumping one counter together can both read the same value and one
 * bump is lost. Core's {@link dev.contextgateway.metrics.GatewayMetrics} counts with {@code
 * LongAdder}s and records latencies into HdrHistogram {@code Recorder}s.
 */
final class PlainCounters {
  private long requests;
  private long requestsSucceeded;
  private long gatewayLatencies;
  private long llmCalls;
  private long llmLatencies;
  private long timeouts;

  void recordRequest() {
    requests++;
  }

  void recordRequestSucceeded() {
    requestsSucceeded++;
    gatewayLatencies++;
  }

  void recordLlmCall() {
    llmCalls++;
    llmLatencies++;
  }

  void recordLlmTimeout() {
    timeouts++;
    llmCalls++;
    llmLatencies++;
  }

  long requests() {
    return requests;
  }

  long requestsSucceeded() {
    return requestsSucceeded;
  }

  long gatewayLatencies() {
    return gatewayLatencies;
  }

  long llmCalls() {
    return llmCalls;
  }

  long llmLatencies() {
    return llmLatencies;
  }

  long timeouts() {
    return timeouts;
  }
}
