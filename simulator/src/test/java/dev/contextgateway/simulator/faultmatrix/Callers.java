package dev.contextgateway.simulator.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contextgateway.gateway.ContextGateway;
import dev.contextgateway.gateway.ContextRequest;
import dev.contextgateway.gateway.PreparedContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** Many callers of one gateway at once, each timing its own wait. */
final class Callers {
  /** The longest wait for all answers; a bound against hanging the build, not a check. */
  private static final Duration JOIN_BOUND = Duration.ofSeconds(60);

  private Callers() {}

  /** Sends {@code request} from the current thread; the future completes with what the caller got. */
  static CompletableFuture<Call> issue(ContextGateway gateway, ContextRequest request) {
    long start = System.nanoTime();
    CompletableFuture<PreparedContext> answer;
    try {
      answer = gateway.prepareContext(request);
    } catch (RuntimeException refused) {
      long now = System.nanoTime();
      return CompletableFuture.completedFuture(
          new Call(request, start, now, now, null, refused, Thread.currentThread().getName()));
    }
    long returned = System.nanoTime();
    return answer.handle(
        (context, failure) ->
            new Call(
                request,
                start,
                returned,
                System.nanoTime(),
                context,
                failure == null ? null : unwrap(failure),
                Thread.currentThread().getName()));
  }

  /**
   * Sends {@code requests} from {@code threads} caller threads released together by a latch (each
   * thread sends every {@code threads}-th request), and returns once all of them were sent; the
   * futures are in the order of {@code requests}. The caller threads have ended on return.
   */
  static List<CompletableFuture<Call>> issueConcurrently(
      ContextGateway gateway, List<ContextRequest> requests, int threads) throws InterruptedException {
    AtomicReferenceArray<CompletableFuture<Call>> calls = new AtomicReferenceArray<>(requests.size());
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger names = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(threads, task -> new Thread(task, "fault-matrix-caller-" + names.incrementAndGet()));
    try {
      for (int t = 0; t < threads; t++) {
        int first = t;
        pool.execute(
            () -> {
              ready.countDown();
              try {
                go.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              for (int i = first; i < requests.size(); i += threads) {
                calls.set(i, issue(gateway, requests.get(i)));
              }
            });
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).as("caller threads ready").isTrue();
      go.countDown();
    } finally {
      pool.shutdown();
    }
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).as("every request sent").isTrue();
    List<CompletableFuture<Call>> futures = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      futures.add(calls.get(i));
    }
    return futures;
  }

  /** Waits for every call to complete (bounded: a hung caller fails the test instead of hanging it). */
  static List<Call> join(List<CompletableFuture<Call>> calls) throws Exception {
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(JOIN_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    return calls.stream().map(CompletableFuture::join).toList();
  }

  /** Sends {@code requests} concurrently and waits for every answer. */
  static List<Call> run(ContextGateway gateway, List<ContextRequest> requests, int threads) throws Exception {
    return join(issueConcurrently(gateway, requests, threads));
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
