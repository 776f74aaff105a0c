package dev.contextgateway.simulator.faultmatrix;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one {@link HttpClient} the scenarios' Gemini clients send with, as a service shares one.
 *
 * <p>On JDK 17 an {@code HttpClient} cannot be shut down (its selector thread ends only once the
 * client is unreachable), so a client per scenario would look like a leaked thread until a garbage
 * collection. The scenarios therefore share this one, made before any baseline is taken, and check
 * instead that no connection of it to a simulator outlives the scenario. Its executor, which also
 * runs the Gemini clients' deadline expiries, has its threads started up front so that the set of
 * threads does not change under the scenarios.
 */
final class SharedHttp {
  private static final int THREADS = 4;

  static final ThreadPoolExecutor EXECUTOR = executor();

  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1) // the simulator speaks HTTP/1.1 only
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .executor(EXECUTOR)
          .build();

  private SharedHttp() {}

  private static ThreadPoolExecutor executor() {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            0,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "fault-matrix-http-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    executor.prestartAllCoreThreads();
    return executor;
  }
}
