package dev.contextgateway.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads and validates a Gemini API request the way the real service does: the route, then the
 * body's JSON syntax, its top-level field names, and the required {@code contents} with non-empty
 * {@code parts} that each carry data. Stateless and thread-safe.
 */
final class RequestReader {
  private static final Pattern ROUTE = Pattern.compile("/(v1|v1beta)/models/([^/:]+):([A-Za-z]+)");

  private static final Set<String> GENERATE_FIELDS =
      Set.of(
          "contents",
          "model",
          "tools",
          "toolConfig",
          "tool_config",
          "safetySettings",
          "safety_settings",
          "systemInstruction",
          "system_instruction",
          "generationConfig",
          "generation_config",
          "cachedContent",
          "cached_content");
  private static final Set<String> COUNT_FIELDS =
      Set.of("contents", "generateContentRequest", "generate_content_request");
  private static final Set<String> DATA_FIELDS =
      Set.of(
          "text",
          "inlineData",
          "inline_data",
          "fileData",
          "file_data",
          "functionCall",
          "function_call",
          "functionResponse",
          "function_response",
          "executableCode",
          "executable_code",
          "codeExecutionResult",
          "code_execution_result");

  /** A request path that names a model and a method. */
  record Route(String apiVersion, String model, ApiMethod method) {}

  /** What the simulator needs from a valid body. */
  record Body(
      String promptText,
      long promptTokens,
      @Nullable Integer maxOutputTokens,
      @Nullable String responseMimeType) {}

  /** A request the real API would refuse, with the error it would send. */
  static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;
    final transient ApiErrors.ApiError error;

    Rejected(ApiErrors.ApiError error) {
      super(error.outcome().name(), null, false, false);
      this.error = error;
    }
  }

  private final ObjectMapper json;

  RequestReader(ObjectMapper json) {
    this.json = json;
  }

  /** The route of {@code path}, or {@code null} if it is not a model method. */
  static @Nullable Route route(String path) {
    Matcher matcher = ROUTE.matcher(path);
    if (!matcher.matches()) {
      return null;
    }
    ApiMethod method = ApiMethod.fromUrlName(matcher.group(3));
    if (method == null) {
      return null;
    }
    String model = URLDecoder.decode(matcher.group(2), StandardCharsets.UTF_8);
    return new Route(matcher.group(1), model, method);
  }

  /** Parses and validates the body of a request to {@code method}. */
  Body read(ApiMethod method, String text) throws Rejected {
    JsonNode root;
    try {
      root = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw invalidJson(e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode() || !root.isObject()) {
      throw invalidJson("Root element must be a message.");
    }
    if (method == ApiMethod.COUNT_TOKENS) {
      requireKnownFields(root, COUNT_FIELDS);
      JsonNode wrapped = field(root, "generateContentRequest", "generate_content_request");
      if (wrapped != null) {
        if (!wrapped.isObject()) {
          throw invalidValue("generate_content_request", wrapped);
        }
        requireKnownFields(wrapped, GENERATE_FIELDS);
        return readGenerate(wrapped, "CountTokensRequest.generate_content_request.");
      }
      return readGenerate(root, "CountTokensRequest.");
    }
    requireKnownFields(root, GENERATE_FIELDS);
    return readGenerate(root, "GenerateContentRequest.");
  }

  private Body readGenerate(JsonNode root, String messagePrefix) throws Rejected {
    JsonNode contents = root.get("contents");
    if (contents == null || contents.isNull() || (contents.isArray() && contents.isEmpty())) {
      throw semantic("* " + messagePrefix + "contents: contents is not specified\n");
    }
    if (!contents.isArray()) {
      throw invalidValue("contents", contents);
    }
    StringBuilder prompt = new StringBuilder();
    long tokens = 0;
    for (int i = 0; i < contents.size(); i++) {
      JsonNode content = contents.get(i);
      String path = "contents[" + i + "]";
      if (!content.isObject()) {
        throw invalidValue(path, content);
      }
      JsonNode role = content.get("role");
      if (role != null && !role.isNull() && !role.asText().isEmpty()) {
        String name = role.asText();
        if (!name.equals("user") && !name.equals("model") && !name.equals("function")) {
          throw semantic("Please use a valid role: user, model.");
        }
      }
      tokens += readParts(content, messagePrefix, path, prompt);
    }
    JsonNode system = field(root, "systemInstruction", "system_instruction");
    if (system != null && !system.isNull()) {
      if (!system.isObject()) {
        throw invalidValue("system_instruction", system);
      }
      tokens += readParts(system, messagePrefix, "system_instruction", prompt);
    }
    Integer maxOutputTokens = null;
    String mimeType = null;
    JsonNode config = field(root, "generationConfig", "generation_config");
    if (config != null && !config.isNull()) {
      if (!config.isObject()) {
        throw invalidValue("generation_config", config);
      }
      JsonNode max = field(config, "maxOutputTokens", "max_output_tokens");
      if (max != null && !max.isNull()) {
        if (!max.canConvertToInt() || !max.isIntegralNumber()) {
          throw invalidValue("generation_config.max_output_tokens", max);
        }
        maxOutputTokens = max.intValue();
      }
      JsonNode mime = field(config, "responseMimeType", "response_mime_type");
      if (mime != null && mime.isTextual()) {
        mimeType = mime.asText();
      }
    }
    return new Body(prompt.toString(), tokens, maxOutputTokens, mimeType);
  }

  private long readParts(JsonNode content, String messagePrefix, String path, StringBuilder prompt)
      throws Rejected {
    JsonNode parts = content.get("parts");
    if (parts == null || parts.isNull() || (parts.isArray() && parts.isEmpty())) {
      throw semantic("* " + messagePrefix + path + ".parts: contents.parts must not be empty.\n");
    }
    if (!parts.isArray()) {
      throw invalidValue(path + ".parts", parts);
    }
    long tokens = 0;
    for (int j = 0; j < parts.size(); j++) {
      JsonNode part = parts.get(j);
      String partPath = path + ".parts[" + j + "]";
      if (!part.isObject() || !hasData(part)) {
        throw semantic(
            "* "
                + messagePrefix
                + partPath
                + ".data: required oneof field 'data' must have one initialized field\n");
      }
      JsonNode text = part.get("text");
      if (text != null) {
        if (!text.isTextual()) {
          throw invalidValue(partPath + ".text", text);
        }
        if (prompt.length() > 0) {
          prompt.append('\n');
        }
        prompt.append(text.asText());
        tokens += TokenEstimator.estimate(text.asText());
      } else if (field(part, "inlineData", "inline_data") != null
          || field(part, "fileData", "file_data") != null) {
        tokens += TokenEstimator.MEDIA_PART_TOKENS;
      } else {
        tokens += TokenEstimator.estimate(part.toString());
      }
    }
    return tokens;
  }

  private static boolean hasData(JsonNode part) {
    for (Iterator<String> names = part.fieldNames(); names.hasNext(); ) {
      if (DATA_FIELDS.contains(names.next())) {
        return true;
      }
    }
    return false;
  }

  private static void requireKnownFields(JsonNode node, Set<String> known) throws Rejected {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw invalidJson("Unknown name \"" + name + "\": Cannot find field.");
      }
    }
  }

  private static @Nullable JsonNode field(JsonNode node, String camel, String snake) {
    JsonNode value = node.get(camel);
    return value != null ? value : node.get(snake);
  }

  private static Rejected invalidJson(String detail) {
    return new Rejected(
        ApiErrors.invalidArgument("Invalid JSON payload received. " + detail, null, true));
  }

  private static Rejected invalidValue(String path, JsonNode value) {
    return new Rejected(
        ApiErrors.invalidArgument(
            "Invalid JSON payload received. Invalid value at '" + path + "', " + value,
            path,
            true));
  }

  private static Rejected semantic(String message) {
    return new Rejected(ApiErrors.invalidArgument(message, null, false));
  }
}
