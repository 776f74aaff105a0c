package dev.contextgateway.llm;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that delegates to a real one and keeps every future {@code sendAsync}
 * returned.
 */
final class RecordingHttpClient extends HttpClient {
  private final HttpClient delegate;
  final List<CompletableFuture<?>> exchanges = new CopyOnWriteArrayList<>();

  RecordingHttpClient(HttpClient delegate) {
    this.delegate = delegate;
  }

  CompletableFuture<?> onlyExchange() {
    if (exchanges.size() != 1) {
      throw new AssertionError("expected one exchange, saw " + exchanges.size());
    }
    return exchanges.get(0);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    CompletableFuture<HttpResponse<T>> exchange = delegate.sendAsync(request, handler);
    exchanges.add(exchange);
    return exchange;
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    CompletableFuture<HttpResponse<T>> exchange =
        delegate.sendAsync(request, handler, pushPromiseHandler);
    exchanges.add(exchange);
    return exchange;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return delegate.send(request, handler);
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }
}
