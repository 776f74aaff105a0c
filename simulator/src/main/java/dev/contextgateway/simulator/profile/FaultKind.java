package dev.contextgateway.simulator.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of fault the simulator can inject, each named in profile files by {@link #id()}. */
public enum FaultKind {
  /**
   * HTTP 429 RESOURCE_EXHAUSTED for a per-minute quota, with {@code QuotaFailure} (quotaId {@code
   * GenerateRequestsPerMinutePerProjectPerModel-FreeTier}) and {@code RetryInfo} details.
   */
  RATE_LIMITED(429),
  /**
   * HTTP 429 RESOURCE_EXHAUSTED for the daily quota (quotaId {@code
   * GenerateRequestsPerDayPerProjectPerModel-FreeTier}); like the real service it still carries a
   * {@code RetryInfo}, which a client should not trust for a daily limit.
   */
  RATE_LIMITED_PER_DAY(429),
  /** HTTP 500 INTERNAL. */
  INTERNAL(500),
  /** HTTP 503 UNAVAILABLE ("The model is overloaded"). */
  UNAVAILABLE(503),
  /** HTTP 504 DEADLINE_EXCEEDED. */
  DEADLINE_EXCEEDED(504),
  /** The connection is reset (TCP RST) without a response. */
  CONNECTION_RESET(0),
  /** The connection is closed without a response. */
  EMPTY_RESPONSE(0),
  /** A complete HTTP 200 response whose body is only the first half of the JSON answer. */
  MALFORMED_JSON(200),
  /**
   * An HTTP 200 response that announces the full body in {@code Content-Length} but sends only
   * its first half before the connection closes.
   */
  TRUNCATED_BODY(200),
  /** No answer at all until the client gives up (or the simulator's hang timeout passes). */
  HANG(0),
  /** A correct answer, dribbled out in chunks over a configured duration. */
  SLOW_DRIP(200);

  private final int httpStatus;

  FaultKind(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  /** The HTTP status the client sees, or 0 when it sees none (closed, reset or hung). */
  public int httpStatus() {
    return httpStatus;
  }

  /** Whether the client receives the model's answer (so the request counts against a quota). */
  public boolean deliversAnswer() {
    return this == SLOW_DRIP;
  }

  /** The name used in profile files and on the command line, e.g. {@code connection-reset}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The kind named {@code id}, accepting {@code connection-reset}, {@code connection_reset} and
   * {@code CONNECTION_RESET}.
   *
   * @throws IllegalArgumentException naming the known kinds if there is none
   */
  public static FaultKind fromId(String id) {
    String normalized = id.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (FaultKind kind : values()) {
      if (kind.name().equals(normalized)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown fault kind '"
            + id
            + "', known: "
            + Arrays.stream(values()).map(FaultKind::id).collect(Collectors.joining(", ")));
  }
}
