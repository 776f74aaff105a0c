package dev.contextgateway.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contextgateway.time.Scheduler;
import dev.contextgateway.time.Ticker;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link LlmClient} for the Gemini REST API: {@code POST
 * {baseUrl}/v1beta/models/{model}:generateContent} with the key in the {@code x-goog-api-key}
 * header, over {@link HttpClient}, bodies read and written with Jackson. Built by {@link
 * #builder()}.
 *
 * <h2>Behaviour</h2>
 *
 * <ul>
 *   <li>Responses map to {@link LlmResponse}; failures to the {@link LlmException} subclasses (see
 *       there), with the provider's {@code RetryInfo} and {@code QuotaFailure} details read from
 *       429 answers.
 *   <li>At the request's deadline the caller's future fails with {@link LlmTimeoutException} and
 *       the exchange is cancelled: {@code cancel(true)} on the future {@code sendAsync} returned,
 *       which since JDK 16 makes the JDK's client abort the exchange and release its resources (an
 *       HTTP/1.1 connection is closed rather than reused, an HTTP/2 stream is reset). The caller
 *       never waits for the server past the deadline.
 *   <li>Cancelling the caller's future cancels the exchange the same way.
 *   <li>No retries here: one call, one exchange. Retry, rate limiting and circuit breaking live in
 *       {@code dev.contextgateway.resilience}.
 *   <li>The API key appears in no log line, exception message or {@code toString}.
 * </ul>
 *
 * <h2>Thread safety</h2>
 *
 * Thread-safe; {@link #generate} never blocks. Results complete on the HTTP client's executor, or
 * on the configured executor when the deadline fires.
 *
 * <h2>Resources</h2>
 *
 * An {@link GeminiClientBuilder#httpClient injected} {@code HttpClient} stays the caller's. One the
 * builder creates is owned: {@link #close()} fails the calls in flight (cancelling their exchanges)
 * and shuts it down where the JDK can (21 and later; on 17 its selector thread ends once the client
 * is unreachable).
 */
public final class GeminiClient implements LlmClient {
  private static final Logger log = LoggerFactory.getLogger(GeminiClient.class);

  // Implementation notes. Each call owns a result future and one exchange future. Whatever
  // completes the result first wins (response, deadline timer, caller's cancel, close); a single
  // cleanup action on the result then cancels the timer and the exchange, both no-ops if they are
  // already done, so every path releases both. Calls in flight are tracked only so close() can
  // fail them; the set holds result futures, which remove themselves when done.

  private final HttpClient http;
  private final boolean ownsHttp;
  private final URI endpoint;
  private final String model;
  private final ApiKey key;
  private final GeminiCodec codec;
  private final GeminiErrors errors;
  private final Executor executor;
  private final Ticker ticker;
  private final Scheduler scheduler;

  /** Calls in flight by a sequence number (futures have no value equality to key a set by). */
  private final ConcurrentHashMap<Long, CompletableFuture<LlmResponse>> inFlight =
      new ConcurrentHashMap<>();

  private final AtomicLong callIds = new AtomicLong();
  private volatile boolean closed;

  GeminiClient(
      HttpClient http,
      boolean ownsHttp,
      URI endpoint,
      String model,
      ApiKey key,
      Executor executor,
      Ticker ticker,
      Scheduler scheduler) {
    this.http = http;
    this.ownsHttp = ownsHttp;
    this.endpoint = endpoint;
    this.model = model;
    this.key = key;
    this.codec = new GeminiCodec(new ObjectMapper(), key);
    this.errors = new GeminiErrors(codec, key);
    this.executor = executor;
    this.ticker = ticker;
    this.scheduler = scheduler;
  }

  /** A builder; see {@link GeminiClientBuilder} for the settings and defaults. */
  public static GeminiClientBuilder builder() {
    return new GeminiClientBuilder();
  }

  @Override
  public CompletableFuture<LlmResponse> generate(LlmRequest request) {
    if (request == null) {
      return CompletableFuture.failedFuture(new NullPointerException("request"));
    }
    if (closed) {
      return CompletableFuture.failedFuture(closedException());
    }
    long remaining = request.remainingNanos(ticker.read());
    if (remaining <= 0) {
      return CompletableFuture.failedFuture(
          new LlmTimeoutException("the deadline passed before the call to " + model + " started"));
    }
    HttpRequest httpRequest =
        HttpRequest.newBuilder(endpoint)
            .header("x-goog-api-key", key.reveal())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(codec.requestBody(request)))
            .build();

    CompletableFuture<LlmResponse> result = new CompletableFuture<>();
    long callId = callIds.incrementAndGet();
    inFlight.put(callId, result);
    CompletableFuture<HttpResponse<byte[]>> exchange;
    try {
      exchange = http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
    } catch (RuntimeException rejected) {
      inFlight.remove(callId);
      result.completeExceptionally(errors.fromIo(rejected));
      return result;
    }
    Future<?> timer;
    try {
      timer = scheduleDeadline(result, exchange, remaining);
    } catch (RuntimeException refused) {
      exchange.cancel(true);
      inFlight.remove(callId);
      result.completeExceptionally(refused);
      return result;
    }
    // The dependent futures these return complete when the actions have run; nothing waits on them.
    var unusedSettle = exchange.whenComplete((response, error) -> settle(result, response, error));
    var unusedCleanup =
        result.whenComplete(
            (response, error) -> {
              timer.cancel(false);
              exchange.cancel(true);
              inFlight.remove(callId);
            });
    if (closed) {
      // close() may have run its sweep before this call joined inFlight.
      result.completeExceptionally(closedException());
    }
    return result;
  }

  private Future<?> scheduleDeadline(
      CompletableFuture<LlmResponse> result,
      CompletableFuture<HttpResponse<byte[]>> exchange,
      long remaining) {
    return scheduler.schedule(
        executor,
        () -> {
          // Abort the exchange before the caller hears of the timeout, so a caller that sees
          // the timeout knows the exchange is already being torn down.
          exchange.cancel(true);
          result.completeExceptionally(
              new LlmTimeoutException(
                  "no answer from "
                      + model
                      + " within the deadline ("
                      + Duration.ofNanos(remaining)
                      + " after the call started)"));
        },
        Duration.ofNanos(remaining));
  }

  private void settle(
      CompletableFuture<LlmResponse> result,
      @Nullable HttpResponse<byte[]> response,
      @Nullable Throwable error) {
    if (result.isDone()) {
      return; // timed out, cancelled or closed: the exchange's outcome no longer matters
    }
    if (error != null || response == null) {
      Throwable cause = unwrap(error);
      if (cause instanceof CancellationException) {
        return;
      }
      Throwable failure = errors.fromIo(cause);
      log.debug("Gemini call to {} failed without a response: {}", model, failure.getMessage());
      result.completeExceptionally(failure);
      return;
    }
    int status = response.statusCode();
    try {
      if (status >= 200 && status < 300) {
        result.complete(codec.response(response.body()));
      } else {
        LlmException failure = errors.fromStatus(status, response.body());
        log.debug("Gemini call to {} failed: {}", model, failure.getMessage());
        result.completeExceptionally(failure);
      }
    } catch (LlmException unusable) {
      log.debug("Gemini call to {} gave an unusable answer: {}", model, unusable.getMessage());
      result.completeExceptionally(unusable);
    } catch (RuntimeException bug) {
      result.completeExceptionally(bug);
    }
  }

  private static Throwable unwrap(@Nullable Throwable error) {
    Throwable cause =
        error == null ? new IllegalStateException("exchange ended without a response") : error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static IllegalStateException closedException() {
    return new IllegalStateException("GeminiClient is closed");
  }

  /** The model this client calls. */
  public String model() {
    return model;
  }

  /**
   * Fails every call in flight with {@link IllegalStateException} (cancelling its exchange) and
   * shuts an owned {@code HttpClient} down where the JDK supports it. Later calls fail the same
   * way. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (CompletableFuture<LlmResponse> call : inFlight.values()) {
      call.completeExceptionally(closedException());
    }
    if (ownsHttp) {
      shutDownNow(http);
    }
  }

  /**
   * {@code HttpClient.shutdownNow()} exists from JDK 21 on; on 17 there is nothing to call and the
   * client's selector thread ends once the client is unreachable.
   */
  private static void shutDownNow(HttpClient client) {
    Method shutdownNow;
    try {
      shutdownNow = HttpClient.class.getMethod("shutdownNow");
    } catch (NoSuchMethodException beforeJdk21) {
      return;
    }
    try {
      shutdownNow.invoke(client);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.debug("shutting down the owned HttpClient failed", e);
    }
  }

  @Override
  public String toString() {
    return "GeminiClient[endpoint=" + endpoint + ", model=" + model + ", apiKey=" + key + "]";
  }
}
