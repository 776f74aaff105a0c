package dev.contextgateway.simulator;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ServerConnector;

/**
 * WireMock's Jetty 11 server, except that stopping it drops the answers still waiting to be sent.
 *
 * <p>WireMock sends delayed answers from a scheduled executor, and on stop only {@code shutdown()}s
 * it: queued delays still run afterwards on non-daemon threads, so a hung request (a delay of
 * minutes) would outlive the server and keep a JVM from exiting. Here stop first stops accepting
 * and closes every open connection, so a request caught mid-flight fails on the wire instead of
 * getting an answer; then it {@code shutdownNow()}s the executor (dripping answers are
 * interrupted), lets WireMock stop Jetty, and waits briefly for the executor's threads to end.
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
        ServerConnector connector = httpConnector;
        if (connector != null) {
          try {
            connector.stop();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (Exception e) {
            // Jetty's lifecycle declares Exception; WireMock's stop below stops the server anyway
          }
          connector.getConnectedEndPoints().forEach(EndPoint::close);
        }
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
