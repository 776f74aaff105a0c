package dev.contextgateway.simulator.profile;

/**
 * A quota emulated the way Gemini enforces its limits: per project and model, in requests per
 * minute, input tokens per minute and requests per day. A request that would exceed any of them
 * gets a 429 naming the exceeded quota and the honest time until it would be admitted.
 *
 * <p>The per-minute limits are token buckets that start full and refill continuously ({@code
 * requestsPerMinute} requests, {@code tokensPerMinute} tokens per minute); the daily limit is a
 * bucket refilled in full once a day after the profile starts. A request is admitted only if every
 * bucket can pay for it, and then pays all at once. Zero means "no limit" for a dimension.
 *
 * <p>Immutable and thread-safe. Equal quotas share their state within one simulator run, so a
 * timeline that returns to a phase with the same quota finds the buckets as they were left.
 *
 * @param requestsPerMinute generate requests admitted per minute, or 0 for no limit
 * @param tokensPerMinute estimated input tokens admitted per minute, or 0 for no limit
 * @param requestsPerDay generate requests admitted per day, or 0 for no limit
 */
public record Quota(long requestsPerMinute, long tokensPerMinute, long requestsPerDay) {

  public Quota {
    requireNotNegative("requestsPerMinute", requestsPerMinute);
    requireNotNegative("tokensPerMinute", tokensPerMinute);
    requireNotNegative("requestsPerDay", requestsPerDay);
    if (requestsPerMinute == 0 && tokensPerMinute == 0 && requestsPerDay == 0) {
      throw new IllegalArgumentException(
          "a quota needs at least one of requestsPerMinute, tokensPerMinute, requestsPerDay,"
              + " was all 0");
    }
  }

  /** A quota of {@code requestsPerMinute} and {@code tokensPerMinute}, with no daily limit. */
  public static Quota perMinute(long requestsPerMinute, long tokensPerMinute) {
    return new Quota(requestsPerMinute, tokensPerMinute, 0);
  }

  private static void requireNotNegative(String setting, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          "quota " + setting + " must not be negative (0 = no limit), was " + value);
    }
  }
}
