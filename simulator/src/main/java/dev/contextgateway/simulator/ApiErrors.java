package dev.contextgateway.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Gemini API's error bodies: {@code {"error": {"code", "message", "status", "details"}}} with
 * the messages and detail types the real service sends.
 */
final class ApiErrors {
  private static final String QUOTA_HELP = "https://ai.google.dev/gemini-api/docs/rate-limits";
  private static final String TYPE_PREFIX = "type.googleapis.com/google.rpc.";

  /** An error answer: what to journal, what status to send, and the body. */
  record ApiError(Outcome outcome, ObjectNode body) {
    int status() {
      return outcome.httpStatus();
    }
  }

  private ApiErrors() {}

  static ApiError permissionDenied() {
    return new ApiError(
        Outcome.PERMISSION_DENIED,
        error(
            403,
            "PERMISSION_DENIED",
            "Method doesn't allow unregistered callers (callers without established identity)."
                + " Please use API Key or other form of API consumer identity to call this API.",
            null));
  }

  static ApiError apiKeyInvalid() {
    String message = "API key not valid. Please pass a valid API key.";
    ArrayNode details = JsonNodeFactory.instance.arrayNode();
    ObjectNode info = detail(details, "ErrorInfo");
    info.put("reason", "API_KEY_INVALID");
    info.put("domain", "googleapis.com");
    info.putObject("metadata").put("service", "generativelanguage.googleapis.com");
    ObjectNode localized = detail(details, "LocalizedMessage");
    localized.put("locale", "en-US");
    localized.put("message", message);
    return new ApiError(Outcome.API_KEY_INVALID, error(400, "INVALID_ARGUMENT", message, details));
  }

  /**
   * A 400 for a malformed or invalid body. JSON-level errors carry the message again as a
   * BadRequest field violation ({@code withDetails}); semantic errors carry no details.
   */
  static ApiError invalidArgument(String message, @Nullable String field, boolean withDetails) {
    ArrayNode details = null;
    if (withDetails) {
      details = JsonNodeFactory.instance.arrayNode();
      ObjectNode violation = detail(details, "BadRequest").putArray("fieldViolations").addObject();
      if (field != null) {
        violation.put("field", field);
      }
      violation.put("description", message);
    }
    return new ApiError(Outcome.INVALID_ARGUMENT, error(400, "INVALID_ARGUMENT", message, details));
  }

  static ApiError modelNotFound(String model, String apiVersion, ApiMethod method) {
    return new ApiError(
        Outcome.MODEL_NOT_FOUND,
        error(
            404,
            "NOT_FOUND",
            "models/"
                + model
                + " is not found for API version "
                + apiVersion
                + ", or is not supported for "
                + method.urlName()
                + ". Call ListModels to see the list of available models and their supported"
                + " methods.",
            null));
  }

  static ApiError notFound(String httpMethod, String path) {
    return new ApiError(
        Outcome.NOT_FOUND,
        error(404, "NOT_FOUND", "Method not found: " + httpMethod + " " + path + ".", null));
  }

  static ApiError internal() {
    return new ApiError(
        Outcome.INTERNAL,
        error(
            500,
            "INTERNAL",
            "An internal error has occurred. Please retry or report in"
                + " https://developers.generativeai.google/guide/troubleshooting",
            null));
  }

  static ApiError unavailable() {
    return new ApiError(
        Outcome.UNAVAILABLE,
        error(503, "UNAVAILABLE", "The model is overloaded. Please try again later.", null));
  }

  static ApiError deadlineExceeded() {
    return new ApiError(
        Outcome.DEADLINE_EXCEEDED,
        error(
            504,
            "DEADLINE_EXCEEDED",
            "Deadline expired before operation could complete.",
            null));
  }

  /**
   * A 429 RESOURCE_EXHAUSTED naming the exceeded quotas, with a {@code RetryInfo} unless {@code
   * retryDelay} is {@code null}.
   */
  static ApiError resourceExhausted(
      Outcome outcome,
      List<QuotaLedger.Violation> violations,
      @Nullable Duration retryDelay,
      @Nullable String model) {
    StringBuilder message =
        new StringBuilder(
            "You exceeded your current quota, please check your plan and billing details. For more"
                + " information on this error, head to: "
                + QUOTA_HELP
                + ". To monitor your current usage, head to: https://ai.dev/rate-limit. ");
    ArrayNode details = JsonNodeFactory.instance.arrayNode();
    ObjectNode help = detail(details, "Help");
    ObjectNode link = help.putArray("links").addObject();
    link.put("description", "Learn more about Gemini API quotas");
    link.put("url", QUOTA_HELP);
    ArrayNode violationNodes = detail(details, "QuotaFailure").putArray("violations");
    for (QuotaLedger.Violation violation : violations) {
      ObjectNode node = violationNodes.addObject();
      node.put("quotaMetric", violation.dimension().quotaMetric);
      node.put("quotaId", violation.dimension().quotaId);
      ObjectNode dimensions = node.putObject("quotaDimensions");
      dimensions.put("location", "global");
      if (model != null) {
        dimensions.put("model", model);
      }
      node.put("quotaValue", Long.toString(violation.limit()));
      message
          .append("\n* Quota exceeded for metric: ")
          .append(violation.dimension().quotaMetric)
          .append(", limit: ")
          .append(violation.limit());
      if (model != null) {
        message.append(", model: ").append(model);
      }
    }
    if (retryDelay != null) {
      String delay = protoDuration(retryDelay);
      detail(details, "RetryInfo").put("retryDelay", delay);
      message.append("\nPlease retry in ").append(delay).append('.');
    }
    return new ApiError(
        outcome, error(429, "RESOURCE_EXHAUSTED", message.toString(), details));
  }

  /**
   * {@code duration} in the JSON form of {@code google.protobuf.Duration}, rounded up to the
   * millisecond so that a client waiting exactly this long is never early: {@code 47s}, {@code
   * 0.250s}.
   */
  static String protoDuration(Duration duration) {
    long millis = (duration.toNanos() + 999_999) / 1_000_000;
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return new BigDecimal(millis).divide(BigDecimal.valueOf(1000), 3, RoundingMode.UNNECESSARY)
        + "s";
  }

  private static ObjectNode detail(ArrayNode details, String type) {
    ObjectNode detail = details.addObject();
    detail.put("@type", TYPE_PREFIX + type);
    return detail;
  }

  private static ObjectNode error(
      int code, String status, String message, @Nullable ArrayNode details) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode error = root.putObject("error");
    error.put("code", code);
    error.put("message", message);
    error.put("status", status);
    if (details != null) {
      error.set("details", details);
    }
    return root;
  }
}
