package dev.contextgateway.simulator;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.ChunkedDribbleDelay;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.contextgateway.simulator.profile.Fault;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The WireMock extension that is the simulator: every request to the server's one catch-all stub
 * comes here and leaves as a Gemini answer, an error, or a transport fault, built from the
 * engine's decision. Admin requests ({@code /__sim/...}) go to the {@link AdminEndpoint}.
 *
 * <p>Thread-safe: called concurrently by the server's request threads; holds no mutable state.
 */
final class GeminiTransformer implements ResponseTransformerV2 {
  private static final long INJECTED_REQUESTS_PER_MINUTE = 10;
  private static final long INJECTED_REQUESTS_PER_DAY = 250;

  private final SimulatorEngine engine;
  private final RequestReader reader;
  private final Answers answers;
  private final JsonText json;
  private final AdminEndpoint admin;
  private final String apiKey;
  private final Set<String> models;
  private final ReplyGenerator replies;

  GeminiTransformer(
      SimulatorEngine engine,
      RequestReader reader,
      Answers answers,
      JsonText json,
      AdminEndpoint admin,
      String apiKey,
      Set<String> models,
      ReplyGenerator replies) {
    this.engine = engine;
    this.reader = reader;
    this.answers = answers;
    this.json = json;
    this.admin = admin;
    this.apiKey = apiKey;
    this.models = Set.copyOf(models);
    this.replies = replies;
  }

  @Override
  public String getName() {
    return "gemini-simulator";
  }

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    LoggedRequest request = serveEvent.getRequest();
    String path = URI.create(request.getUrl()).getRawPath();
    if (path.startsWith(AdminEndpoint.PREFIX)) {
      return admin.handle(request, path);
    }
    return serve(request, path);
  }

  private Response serve(LoggedRequest request, String path) {
    String httpMethod = request.getMethod().getName();
    RequestReader.Route route = RequestReader.route(path);
    if (route == null || !httpMethod.equals("POST")) {
      ApiMethod method = route == null ? ApiMethod.OTHER : route.method();
      String model = route == null ? null : route.model();
      return reject(new SimulatorEngine.Call(httpMethod, path, method, model, 0),
          ApiErrors.notFound(httpMethod, path));
    }
    SimulatorEngine.Call unread =
        new SimulatorEngine.Call(httpMethod, path, route.method(), route.model(), 0);
    String key = apiKeyOf(request);
    if (key == null || key.isEmpty()) {
      return reject(unread, ApiErrors.permissionDenied());
    }
    if (!key.equals(apiKey)) {
      return reject(unread, ApiErrors.apiKeyInvalid());
    }
    if (!models.contains(route.model())) {
      return reject(unread, ApiErrors.modelNotFound(route.model(), route.apiVersion(), route.method()));
    }
    String bodyText = request.getBodyAsString();
    RequestReader.Body body;
    try {
      body = reader.read(route.method(), bodyText);
    } catch (RequestReader.Rejected rejected) {
      return reject(unread, rejected.error);
    }
    SimulatorEngine.Decision decision =
        engine.decide(
            new SimulatorEngine.Call(
                httpMethod, path, route.method(), route.model(), body.promptTokens()));
    GeminiRequest geminiRequest =
        new GeminiRequest(
            decision.entry().sequence(),
            route.model(),
            route.method(),
            bodyText,
            body.promptText(),
            body.promptTokens(),
            body.maxOutputTokens(),
            body.responseMimeType());
    return render(decision, geminiRequest, "sse".equals(queryParameter(request, "alt")));
  }

  private Response render(SimulatorEngine.Decision decision, GeminiRequest request, boolean sse) {
    JournalEntry entry = decision.entry();
    Duration delay = entry.delay();
    QuotaLedger.Refusal refusal = decision.refusal();
    if (refusal != null) {
      return error(
          ApiErrors.resourceExhausted(
              entry.outcome(), refusal.violations(), refusal.retryDelay(), request.model()),
          delay);
    }
    Fault fault = decision.fault();
    if (fault == null) {
      return answer(answerFor(request, decision, sse), delay).build();
    }
    return switch (fault.kind()) {
      case RATE_LIMITED -> rateLimited(
          Outcome.RATE_LIMITED,
          QuotaLedger.Dimension.REQUESTS_PER_MINUTE,
          INJECTED_REQUESTS_PER_MINUTE,
          fault,
          request,
          delay);
      case RATE_LIMITED_PER_DAY -> rateLimited(
          Outcome.RATE_LIMITED_PER_DAY,
          QuotaLedger.Dimension.REQUESTS_PER_DAY,
          INJECTED_REQUESTS_PER_DAY,
          fault,
          request,
          delay);
      case INTERNAL -> error(ApiErrors.internal(), delay);
      case UNAVAILABLE -> error(ApiErrors.unavailable(), delay);
      case DEADLINE_EXCEEDED -> error(ApiErrors.deadlineExceeded(), delay);
      case CONNECTION_RESET ->
          transportFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER, delay);
      // a hang is an empty response after the hang timeout: the connection closes unanswered
      case EMPTY_RESPONSE, HANG ->
          transportFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE, delay);
      case MALFORMED_JSON -> {
        Answers.Rendered full = answerFor(request, decision, sse);
        yield answer(firstHalf(full), delay).build();
      }
      case TRUNCATED_BODY -> {
        Answers.Rendered full = answerFor(request, decision, sse);
        yield answer(firstHalf(full), delay)
            .headers(
                headers(full.contentType(), delay)
                    .plus(new HttpHeader("Content-Length", Integer.toString(full.length()))))
            .build();
      }
      case SLOW_DRIP -> {
        Duration drip = fault.dripDuration();
        int millis = drip == null ? 0 : (int) drip.toMillis();
        yield answer(answerFor(request, decision, sse), delay)
            .chunkedDribbleDelay(new ChunkedDribbleDelay(fault.dripChunks(), millis))
            .build();
      }
    };
  }

  private Response rateLimited(
      Outcome outcome,
      QuotaLedger.Dimension dimension,
      long limit,
      Fault fault,
      GeminiRequest request,
      Duration delay) {
    return error(
        ApiErrors.resourceExhausted(
            outcome,
            List.of(new QuotaLedger.Violation(dimension, limit)),
            fault.retryDelay(),
            request.model()),
        delay);
  }

  private static Answers.Rendered firstHalf(Answers.Rendered full) {
    return new Answers.Rendered(
        Arrays.copyOf(full.body(), full.length() / 2), full.contentType());
  }

  private Answers.Rendered answerFor(
      GeminiRequest request, SimulatorEngine.Decision decision, boolean sse) {
    if (request.method() == ApiMethod.COUNT_TOKENS) {
      return answers.countTokens(request.promptTokens());
    }
    String responseId = Answers.responseId(decision.random());
    String reply = replies.reply(request, decision.random());
    return request.method() == ApiMethod.STREAM_GENERATE_CONTENT
        ? answers.stream(request, reply, responseId, sse)
        : answers.generate(request, reply, responseId);
  }

  private Response reject(SimulatorEngine.Call call, ApiErrors.ApiError error) {
    engine.reject(call, error.outcome());
    return error(error, Duration.ZERO);
  }

  private Response error(ApiErrors.ApiError error, Duration delay) {
    return Response.response()
        .status(error.status())
        .headers(headers(Answers.JSON_TYPE, delay))
        .body(json.pretty(error.body()))
        .incrementInitialDelay(delay.toMillis())
        .build();
  }

  private static Response.Builder answer(Answers.Rendered rendered, Duration delay) {
    return Response.response()
        .status(200)
        .headers(headers(rendered.contentType(), delay))
        .body(rendered.body())
        .incrementInitialDelay(delay.toMillis());
  }

  private static Response transportFault(
      com.github.tomakehurst.wiremock.http.Fault fault, Duration delay) {
    return Response.response().fault(fault).incrementInitialDelay(delay.toMillis()).build();
  }

  /** The headers Gemini's front end sends with every answer. */
  private static HttpHeaders headers(String contentType, Duration delay) {
    return new HttpHeaders(
        new HttpHeader("Content-Type", contentType),
        new HttpHeader("Vary", "Origin, X-Origin, Referer"),
        new HttpHeader("Server", "scaffolding on HTTPServer2"),
        new HttpHeader("X-XSS-Protection", "0"),
        new HttpHeader("X-Frame-Options", "SAMEORIGIN"),
        new HttpHeader("X-Content-Type-Options", "nosniff"),
        new HttpHeader("Server-Timing", "gfet4t7; dur=" + delay.toMillis()));
  }

  private static @Nullable String apiKeyOf(LoggedRequest request) {
    HttpHeader header = request.header("x-goog-api-key");
    if (header != null && header.isPresent()) {
      return header.firstValue();
    }
    return queryParameter(request, "key");
  }

  static @Nullable String queryParameter(LoggedRequest request, String name) {
    QueryParameter parameter = request.queryParameter(name);
    return parameter != null && parameter.isPresent() ? parameter.firstValue() : null;
  }
}
