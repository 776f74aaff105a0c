package dev.contextgateway.benchmarks.latency;

/**
 * Whether a completed request's latency goes into the scenario's latency log. A scenario about
 * one moment (the callers that arrive while a key regenerates) keeps only the requests of that
 * moment; the driver still counts every request.
 */
public enum Logged {
  /** The latency is recorded. */
  LOGGED,
  /** The request is counted but its latency is not recorded. */
  SKIPPED
}
