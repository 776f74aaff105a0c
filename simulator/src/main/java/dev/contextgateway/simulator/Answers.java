package dev.contextgateway.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Renders successful answers in the Gemini API's shapes: a {@code GenerateContentResponse}, its
 * streamed form (SSE {@code data:} events with {@code alt=sse}, else a JSON array), and a {@code
 * CountTokensResponse}. Stateless and thread-safe.
 */
final class Answers {
  static final String JSON_TYPE = "application/json; charset=UTF-8";
  static final String SSE_TYPE = "text/event-stream";
  private static final int STREAM_CHUNKS = 3;

  /** A rendered body and its content type; the body array is shared, not copied. */
  static final class Rendered {
    private final byte[] body;
    private final String contentType;

    Rendered(byte[] body, String contentType) {
      this.body = body;
      this.contentType = contentType;
    }

    byte[] body() {
      return body;
    }

    int length() {
      return body.length;
    }

    String contentType() {
      return contentType;
    }
  }

  private final ObjectMapper json;
  private final JsonText writer;

  Answers(ObjectMapper json, JsonText writer) {
    this.json = json;
    this.writer = writer;
  }

  /** A random response id shaped like Gemini's (23 URL-safe characters). */
  static String responseId(RandomGenerator random) {
    byte[] bytes = new byte[17];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  Rendered generate(GeminiRequest request, String reply, String responseId) {
    Cut cut = cut(reply, request.maxOutputTokens());
    ObjectNode response =
        response(request, cut.text, cut.finishReason, TokenEstimator.estimate(cut.text), responseId);
    return new Rendered(writer.pretty(response), JSON_TYPE);
  }

  Rendered stream(GeminiRequest request, String reply, String responseId, boolean sse) {
    Cut cut = cut(reply, request.maxOutputTokens());
    List<String> pieces = split(cut.text);
    StringBuilder body = new StringBuilder(sse ? "" : "[");
    long candidatesTokens = 0;
    for (int i = 0; i < pieces.size(); i++) {
      boolean last = i == pieces.size() - 1;
      candidatesTokens += TokenEstimator.estimate(pieces.get(i));
      ObjectNode chunk =
          response(request, pieces.get(i), last ? cut.finishReason : null, candidatesTokens, responseId);
      if (sse) {
        body.append("data: ").append(writer.compact(chunk)).append("\r\n\r\n");
      } else {
        body.append(i == 0 ? "" : ",\r\n").append(new String(writer.pretty(chunk), StandardCharsets.UTF_8));
      }
    }
    if (!sse) {
      body.append(']');
    }
    return new Rendered(body.toString().getBytes(StandardCharsets.UTF_8), sse ? SSE_TYPE : JSON_TYPE);
  }

  Rendered countTokens(long tokens) {
    ObjectNode response = json.createObjectNode();
    response.put("totalTokens", tokens);
    ObjectNode detail = response.putArray("promptTokensDetails").addObject();
    detail.put("modality", "TEXT");
    detail.put("tokenCount", tokens);
    return new Rendered(writer.pretty(response), JSON_TYPE);
  }

  private ObjectNode response(
      GeminiRequest request,
      String text,
      @Nullable String finishReason,
      long candidatesTokens,
      String responseId) {
    ObjectNode response = json.createObjectNode();
    ObjectNode candidate = response.putArray("candidates").addObject();
    ObjectNode content = candidate.putObject("content");
    content.putArray("parts").addObject().put("text", text);
    content.put("role", "model");
    if (finishReason != null) {
      candidate.put("finishReason", finishReason);
    }
    candidate.put("index", 0);
    ObjectNode usage = response.putObject("usageMetadata");
    usage.put("promptTokenCount", request.promptTokens());
    usage.put("candidatesTokenCount", candidatesTokens);
    usage.put("totalTokenCount", request.promptTokens() + candidatesTokens);
    ObjectNode details = usage.putArray("promptTokensDetails").addObject();
    details.put("modality", "TEXT");
    details.put("tokenCount", request.promptTokens());
    response.put("modelVersion", request.model());
    response.put("responseId", responseId);
    return response;
  }

  private record Cut(String text, String finishReason) {}

  /** Cuts {@code reply} to {@code maxOutputTokens} (four code points a token). */
  private static Cut cut(String reply, @Nullable Integer maxOutputTokens) {
    if (maxOutputTokens == null || TokenEstimator.estimate(reply) <= maxOutputTokens) {
      return new Cut(reply, "STOP");
    }
    int codePoints = (int) Math.min((long) Math.max(maxOutputTokens, 0) * 4, Integer.MAX_VALUE);
    int end = reply.offsetByCodePoints(0, Math.min(codePoints, reply.codePointCount(0, reply.length())));
    return new Cut(reply.substring(0, end), "MAX_TOKENS");
  }

  /** Splits {@code text} at spaces into at most {@link #STREAM_CHUNKS} pieces that join back to it. */
  static List<String> split(String text) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int i = 1; i < STREAM_CHUNKS; i++) {
      int target = text.length() * i / STREAM_CHUNKS;
      int space = text.indexOf(' ', Math.max(target, start));
      if (space < 0) {
        break;
      }
      pieces.add(text.substring(start, space));
      start = space;
    }
    pieces.add(text.substring(start));
    return pieces;
  }
}
