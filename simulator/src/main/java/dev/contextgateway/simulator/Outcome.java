package dev.contextgateway.simulator;

import dev.contextgateway.simulator.profile.FaultKind;

/**
 * What the simulator did with one request, as recorded in the {@link RequestJournal}.
 *
 * <p>Faults injected by the profile have the same names as their {@link FaultKind}; the others
 * are the real API's own answers: a correct answer, a request rejected by validation, and a 429
 * from the emulated {@link dev.contextgateway.simulator.profile.Quota}.
 */
public enum Outcome {
  /** A correct answer. */
  OK(200),
  /** 400 INVALID_ARGUMENT: the body is not valid JSON or not a valid request. */
  INVALID_ARGUMENT(400),
  /** 400 INVALID_ARGUMENT with reason API_KEY_INVALID: a key was sent, but not the right one. */
  API_KEY_INVALID(400),
  /** 403 PERMISSION_DENIED: no API key at all. */
  PERMISSION_DENIED(403),
  /** 404 NOT_FOUND: the model is not one the simulator serves. */
  MODEL_NOT_FOUND(404),
  /** 404 NOT_FOUND: no such method or path. */
  NOT_FOUND(404),
  /** 429 from the emulated per-minute quota (requests or tokens per minute). */
  QUOTA_EXCEEDED(429),
  /** 429 from the emulated requests-per-day quota. */
  QUOTA_EXCEEDED_PER_DAY(429),
  /** Injected {@link FaultKind#RATE_LIMITED}. */
  RATE_LIMITED(FaultKind.RATE_LIMITED),
  /** Injected {@link FaultKind#RATE_LIMITED_PER_DAY}. */
  RATE_LIMITED_PER_DAY(FaultKind.RATE_LIMITED_PER_DAY),
  /** Injected {@link FaultKind#INTERNAL}. */
  INTERNAL(FaultKind.INTERNAL),
  /** Injected {@link FaultKind#UNAVAILABLE}. */
  UNAVAILABLE(FaultKind.UNAVAILABLE),
  /** Injected {@link FaultKind#DEADLINE_EXCEEDED}. */
  DEADLINE_EXCEEDED(FaultKind.DEADLINE_EXCEEDED),
  /** Injected {@link FaultKind#CONNECTION_RESET}. */
  CONNECTION_RESET(FaultKind.CONNECTION_RESET),
  /** Injected {@link FaultKind#EMPTY_RESPONSE}. */
  EMPTY_RESPONSE(FaultKind.EMPTY_RESPONSE),
  /** Injected {@link FaultKind#MALFORMED_JSON}. */
  MALFORMED_JSON(FaultKind.MALFORMED_JSON),
  /** Injected {@link FaultKind#TRUNCATED_BODY}. */
  TRUNCATED_BODY(FaultKind.TRUNCATED_BODY),
  /** Injected {@link FaultKind#HANG}. */
  HANG(FaultKind.HANG),
  /** Injected {@link FaultKind#SLOW_DRIP}: a correct answer, sent slowly. */
  SLOW_DRIP(FaultKind.SLOW_DRIP);

  private final int httpStatus;

  Outcome(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  /** An injected fault: the same name and status as its kind. */
  Outcome(FaultKind kind) {
    this(kind.httpStatus());
  }

  /** The HTTP status the client sees, or 0 when it sees none (reset, closed or hung). */
  public int httpStatus() {
    return httpStatus;
  }

  /** Whether the client was told to slow down (HTTP 429). */
  public boolean isRateLimit() {
    return httpStatus == 429;
  }

  /** The outcome of an injected fault of {@code kind}. */
  public static Outcome of(FaultKind kind) {
    return valueOf(kind.name());
  }
}
