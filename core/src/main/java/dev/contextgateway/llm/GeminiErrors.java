package dev.contextgateway.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Maps failed Gemini exchanges to {@link LlmException}s. Stateless and thread-safe.
 *
 * <p>An error body looks like {@code {"error":{"code":429,"status":"RESOURCE_EXHAUSTED",
 * "message":"...","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure",
 * "violations":[{"quotaId":"...PerMinute..."}]},{"@type":"type.googleapis.com/google.rpc.RetryInfo",
 * "retryDelay":"47.43s"}]}}}. Details are optional, and a body that is not JSON (a proxy's HTML
 * page) still maps by status alone.
 */
final class GeminiErrors {
  /** Longest provider message kept in an exception message. */
  private static final int MAXIMUM_MESSAGE_CHARS = 300;

  /** A protobuf {@code Duration} in JSON: seconds with up to nine fractional digits, then "s". */
  private static final Pattern PROTO_DURATION = Pattern.compile("(\\d{1,12})(?:\\.(\\d{1,9}))?s");

  private final GeminiCodec codec;
  private final ApiKey key;

  GeminiErrors(GeminiCodec codec, ApiKey key) {
    this.codec = codec;
    this.key = key;
  }

  /** The failure for a response with a non-2xx {@code status}. */
  LlmException fromStatus(int status, byte[] body) {
    JsonNode error = errorNode(body);
    String summary = summary(status, error);
    if (status == 429) {
      return rateLimited(summary, error);
    }
    if (status == 408 || status >= 500 || status < 400) {
      return new UnavailableException(summary, status, null);
    }
    return new BadRequestException(summary, status);
  }

  /** The failure for an exchange that produced no response. */
  Throwable fromIo(Throwable error) {
    if (error instanceof HttpConnectTimeoutException) {
      return new UnavailableException("connecting to the Gemini API timed out", 0, error);
    }
    if (error instanceof HttpTimeoutException) {
      return new LlmTimeoutException("the Gemini API did not answer within the request timeout");
    }
    if (error instanceof ConnectException) {
      return new UnavailableException(
          "cannot connect to the Gemini API: " + describe(error), 0, error);
    }
    if (error instanceof IOException) {
      return new UnavailableException(
          "I/O error talking to the Gemini API: " + describe(error), 0, error);
    }
    return error;
  }

  private LlmException rateLimited(String summary, @Nullable JsonNode error) {
    String quotaId = null;
    String perDayQuotaId = null;
    Duration retryDelay = null;
    if (error != null) {
      for (JsonNode detail : error.path("details")) {
        String type = detail.path("@type").asText("");
        if (type.endsWith("google.rpc.QuotaFailure")) {
          for (JsonNode violation : detail.path("violations")) {
            String id = violation.path("quotaId").asText("");
            if (id.isEmpty()) {
              continue;
            }
            if (quotaId == null) {
              quotaId = id;
            }
            if (perDayQuotaId == null && isPerDay(id)) {
              perDayQuotaId = id;
            }
          }
        } else if (type.endsWith("google.rpc.RetryInfo")) {
          retryDelay = parseRetryDelay(detail.path("retryDelay").asText(""));
        }
      }
    }
    if (perDayQuotaId != null) {
      return new QuotaExhaustedException(
          summary + " [per-day quota " + key.scrub(perDayQuotaId) + "]",
          key.scrub(perDayQuotaId),
          retryDelay);
    }
    String scrubbedQuota = quotaId == null ? null : key.scrub(quotaId);
    return new RateLimitedException(
        summary
            + (scrubbedQuota == null ? "" : " [quota " + scrubbedQuota + "]")
            + (retryDelay == null ? "" : " [retry in " + retryDelay + "]"),
        retryDelay,
        scrubbedQuota);
  }

  /** Whether a quota id names a quota that refills per day. */
  static boolean isPerDay(String quotaId) {
    return quotaId.toLowerCase(Locale.ROOT).contains("perday");
  }

  /**
   * Parses a protobuf JSON duration such as {@code "47s"}, {@code "47.43s"} or {@code "0.5s"};
   * {@code null} for anything else.
   */
  static @Nullable Duration parseRetryDelay(String text) {
    Matcher matcher = PROTO_DURATION.matcher(text.trim());
    if (!matcher.matches()) {
      return null;
    }
    BigDecimal seconds = new BigDecimal(text.trim().substring(0, text.trim().length() - 1));
    long whole = seconds.longValue();
    long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
    return Duration.ofSeconds(whole, nanos);
  }

  private @Nullable JsonNode errorNode(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      JsonNode error = codec.readTree(body).get("error");
      return error != null && error.isObject() ? error : null;
    } catch (BadResponseException notJson) {
      return null;
    }
  }

  private String summary(int status, @Nullable JsonNode error) {
    StringBuilder summary = new StringBuilder("Gemini API answered HTTP ").append(status);
    if (error != null) {
      String statusName = error.path("status").asText("");
      if (!statusName.isEmpty()) {
        summary.append(' ').append(key.scrub(statusName));
      }
      String message = error.path("message").asText("");
      if (!message.isEmpty()) {
        summary.append(": ").append(shorten(key.scrub(message)));
      }
    }
    return summary.toString();
  }

  private String describe(Throwable error) {
    String message = error.getMessage();
    return error.getClass().getSimpleName()
        + (message == null ? "" : " (" + shorten(key.scrub(message)) + ")");
  }

  private static String shorten(String text) {
    return text.length() <= MAXIMUM_MESSAGE_CHARS
        ? text
        : text.substring(0, MAXIMUM_MESSAGE_CHARS) + "...";
  }
}
