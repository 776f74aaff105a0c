package dev.contextgateway.llm;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code generateContent} request bodies and reads successful response bodies of the Gemini
 * REST API. Stateless and thread-safe (an {@link ObjectMapper} is safe to share once configured).
 *
 * <p>Request: {@code {"contents":[{"role":"user","parts":[{"text":...}]}],
 * "generationConfig":{"maxOutputTokens":...,"temperature":...}}}. Response: {@code
 * candidates[0].content.parts[].text}, {@code candidates[0].finishReason}, {@code
 * usageMetadata.{promptTokenCount,candidatesTokenCount,totalTokenCount}}, {@code modelVersion},
 * {@code responseId}; unknown fields are ignored.
 */
final class GeminiCodec {
  private final ObjectMapper mapper;
  private final ApiKey key;

  GeminiCodec(ObjectMapper mapper, ApiKey key) {
    this.mapper = mapper;
    this.key = key;
  }

  byte[] requestBody(LlmRequest request) {
    ObjectNode body = mapper.createObjectNode();
    ObjectNode content = body.putArray("contents").addObject();
    content.put("role", "user");
    content.putArray("parts").addObject().put("text", request.prompt());
    if (request.maxOutputTokens() != null || request.temperature() != null) {
      ObjectNode config = body.putObject("generationConfig");
      if (request.maxOutputTokens() != null) {
        config.put("maxOutputTokens", request.maxOutputTokens());
      }
      if (request.temperature() != null) {
        config.put("temperature", request.temperature());
      }
    }
    try {
      return mapper.writeValueAsBytes(body);
    } catch (IOException impossible) {
      // Writing a tree of strings and numbers to memory cannot fail.
      throw new IllegalStateException("cannot write request body", impossible);
    }
  }

  /**
   * Reads a successful (2xx) response body.
   *
   * @throws BadResponseException if the body is not JSON, is truncated, or holds no usable text
   * @throws BadRequestException if the provider blocked the prompt ({@code
   *     promptFeedback.blockReason})
   */
  LlmResponse response(byte[] body) {
    JsonNode root = readTree(body);
    if (!root.isObject()) {
      throw new BadResponseException("response body is not a JSON object", null);
    }
    JsonNode candidates = root.path("candidates");
    if (!candidates.isArray() || candidates.isEmpty()) {
      String blockReason = root.path("promptFeedback").path("blockReason").asText("");
      if (!blockReason.isEmpty()) {
        throw new BadRequestException(
            "prompt blocked by the provider: " + key.scrub(blockReason), 200);
      }
      throw new BadResponseException("response has no candidates", null);
    }
    JsonNode candidate = candidates.get(0);
    String finishReason = candidate.path("finishReason").asText("UNSPECIFIED");
    StringBuilder text = new StringBuilder();
    boolean anyText = false;
    for (JsonNode part : candidate.path("content").path("parts")) {
      JsonNode partText = part.get("text");
      if (partText != null && partText.isTextual() && !part.path("thought").asBoolean(false)) {
        text.append(partText.asText());
        anyText = true;
      }
    }
    if (!anyText) {
      throw new BadResponseException(
          "response candidate has no text (finishReason " + key.scrub(finishReason) + ")", null);
    }
    JsonNode usage = root.path("usageMetadata");
    return new LlmResponse(
        text.toString(),
        finishReason,
        new LlmResponse.Usage(
            count(usage, "promptTokenCount"),
            count(usage, "candidatesTokenCount"),
            count(usage, "totalTokenCount")),
        textOrNull(root, "modelVersion"),
        textOrNull(root, "responseId"));
  }

  /**
   * Parses a body as JSON. The parser's own message is kept but not its exception, whose message
   * may quote the body.
   */
  JsonNode readTree(byte[] body) {
    if (body.length == 0) {
      throw new BadResponseException("response body is empty", null);
    }
    try {
      JsonNode root = mapper.readTree(body);
      if (root == null || root.isMissingNode()) {
        throw new BadResponseException("response body is empty", null);
      }
      return root;
    } catch (JacksonException malformed) {
      throw new BadResponseException(
          "response body is not valid JSON (malformed or truncated): "
              + key.scrub(String.valueOf(malformed.getOriginalMessage())),
          null);
    } catch (IOException unexpected) {
      throw new BadResponseException(
          "response body cannot be read: " + unexpected.getClass().getName(), null);
    }
  }

  private static long count(JsonNode usage, String field) {
    long value = usage.path(field).asLong(0);
    return Math.max(0, value);
  }

  private static @Nullable String textOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
