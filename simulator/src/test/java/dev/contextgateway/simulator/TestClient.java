package dev.contextgateway.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A plain HTTP/1.1 client for the simulator, with helpers to build Gemini request bodies. */
public final class TestClient {
  public static final ObjectMapper JSON = new ObjectMapper();
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(TIMEOUT)
          .build();
  private final GeminiSimulator simulator;

  public TestClient(GeminiSimulator simulator) {
    this.simulator = simulator;
  }

  /** {@code {"contents":[{"role":"user","parts":[{"text": text}]}]}} */
  public static String prompt(String text) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode content = body.putArray("contents").addObject();
    content.put("role", "user");
    content.putArray("parts").addObject().put("text", text);
    return body.toString();
  }

  public HttpResponse<String> generate(String body) throws IOException, InterruptedException {
    return post("/v1beta/models/gemini-2.5-flash:generateContent", body, simulator.apiKey());
  }

  public HttpResponse<String> post(String pathAndQuery, String body, @Nullable String apiKey)
      throws IOException, InterruptedException {
    return http.send(request(pathAndQuery, body, apiKey, TIMEOUT), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path)).timeout(TIMEOUT).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A POST with an optional API key header and a request timeout. */
  public HttpRequest request(
      String pathAndQuery, String body, @Nullable String apiKey, Duration timeout) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(simulator.baseUrl() + pathAndQuery))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (apiKey != null) {
      builder.header("x-goog-api-key", apiKey);
    }
    return builder.build();
  }

  public HttpClient http() {
    return http;
  }

  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
