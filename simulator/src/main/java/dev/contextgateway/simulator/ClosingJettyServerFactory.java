package dev.contextgateway.simulator;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * WireMock's Jetty 11 server, except that stopping it drops the answers still waiting to be sent.
 *
 * <p>WireMock sends delayed answers from a scheduled executor, and on stop only {@code shutdown()}s
 * it: queued delays still run afterwards on non-daemon threads, so a hung request (a delay of
 * minutes) would outlive the server and keep a JVM from exiting. Here stop {@code shutdownNow()}s
 * the executor first (dripping answers are interrupted), waits briefly for its threads to end,
 * and then lets WireMock close the connections and stop Jetty.
 */
final class ClosingJettyServerFactory implements HttpServerFactory {
  private static final long EXECUTOR_STOP_SECONDS = 5;

  @Override
  public HttpServer buildHttpServer(
      Options options,
      AdminRequestHandler adminRequestHandler,
      StubRequestHandler stubRequestHandler) {
    return new Jetty11HttpServer(options, adminRequestHandler, stubRequestHandler) {
      @Override
      public void stop() {
        ScheduledExecutorService delayed = scheduledExecutorService;
        if (delayed != null) {
          delayed.shutdownNow();
        }
        super.stop();
        if (delayed != null) {
          try {
            delayed.awaitTermination(EXECUTOR_STOP_SECONDS, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
  }
}
