package dev.contextgateway.reports.run;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One open-loop latency scenario of a run: what it does, its numeric parameters, and the counters
 * each implementation ended it with. Its latency histograms live beside {@code run.json} in
 * {@code latency/<name>/<implementation>.hlog}.
 *
 * <p>Parameter and counter names are free-form; the report shows every one of them. The names
 * below are the ones the report's targets read, so use them for those quantities.
 *
 * @param name the scenario name, a file-name component such as {@code herd-expiry}
 * @param description one or two sentences saying what the scenario does
 * @param parameters numeric settings of the scenario by name, such as {@value
 *     #ARRIVAL_RATE_PER_SECOND}; sorted by name
 * @param counters per implementation name, its counters by name (non-negative); both levels
 *     sorted by name
 */
public record ScenarioInfo(
    String name,
    String description,
    Map<String, Double> parameters,
    Map<String, Map<String, Long>> counters) {

  /** Parameter: the constant arrival rate of requests, per second. */
  public static final String ARRIVAL_RATE_PER_SECOND = "arrivalRatePerSecond";

  /** Parameter: the measured duration of the run (after warm-up), in seconds. */
  public static final String DURATION_SECONDS = "durationSeconds";

  /** Parameter: the latency of one generator call, in milliseconds. */
  public static final String GENERATOR_LATENCY_MILLIS = "generatorLatencyMillis";

  /** Counter: requests issued by the load driver. */
  public static final String REQUESTS = "requests";

  /** Counter: requests that completed exceptionally. */
  public static final String ERRORS = "errors";

  /** Counter: calls of the generator (the expensive computation the cache protects). */
  public static final String GENERATOR_CALLS = "generatorCalls";

  /** Counter: calls the gateway sent to the (simulated) Gemini API, retries included. */
  public static final String UPSTREAM_CALLS = "upstreamCalls";

  /** Counter: upstream calls answered with HTTP 429. */
  public static final String STATUS_429 = "status429";

  /** Counter: upstream calls the simulator's quota allowed over the measured duration. */
  public static final String QUOTA_LIMIT = "quotaLimit";

  /** Counter: upstream calls the simulator accepted against its quota. */
  public static final String QUOTA_USED = "quotaUsed";

  /** Validates the name and counters and takes sorted, unmodifiable copies. */
  public ScenarioInfo {
    Names.check("scenario name", name);
    description = description == null ? "" : description;
    SortedMap<String, Double> params = new TreeMap<>();
    if (parameters != null) {
      parameters.forEach(
          (key, value) -> {
            Names.nonBlank("parameter name in scenario " + name, key);
            if (value == null || !Double.isFinite(value)) {
              throw new IllegalArgumentException(
                  "parameter " + key + " of scenario " + name + " must be finite, was " + value);
            }
            params.put(key, value);
          });
    }
    parameters = Collections.unmodifiableSortedMap(params);
    SortedMap<String, Map<String, Long>> byImpl = new TreeMap<>();
    if (counters != null) {
      counters.forEach(
          (impl, values) -> byImpl.put(Names.check("implementation name", impl), copy(name, impl, values)));
    }
    counters = Collections.unmodifiableSortedMap(byImpl);
  }

  private static Map<String, Long> copy(
      String scenario, String impl, @Nullable Map<String, Long> values) {
    SortedMap<String, Long> copy = new TreeMap<>();
    if (values != null) {
      values.forEach(
          (counter, value) -> {
            Names.nonBlank("counter name of " + scenario + "/" + impl, counter);
            if (value == null || value < 0) {
              throw new IllegalArgumentException(
                  "counter "
                      + counter
                      + " of "
                      + scenario
                      + "/"
                      + impl
                      + " must be non-negative, was "
                      + value);
            }
            copy.put(counter, value);
          });
    }
    return Collections.unmodifiableSortedMap(copy);
  }

  /** Returns a builder for a scenario named {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Accumulates a scenario; not thread-safe. */
  public static final class Builder {
    private final String name;
    private String description = "";
    private final Map<String, Double> parameters = new TreeMap<>();
    private final Map<String, Map<String, Long>> counters = new TreeMap<>();

    private Builder(String name) {
      this.name = Names.check("scenario name", name);
    }

    /** Sets what the scenario does. */
    public Builder description(String description) {
      this.description = Names.nonBlank("description", description);
      return this;
    }

    /** Sets a numeric parameter, replacing an earlier value. */
    public Builder parameter(String name, double value) {
      parameters.put(Names.nonBlank("parameter name", name), value);
      return this;
    }

    /** Sets one counter of {@code implementation}, replacing an earlier value. */
    public Builder counter(String implementation, String counter, long value) {
      counters
          .computeIfAbsent(Names.check("implementation name", implementation), k -> new TreeMap<>())
          .put(Names.nonBlank("counter name", counter), value);
      return this;
    }

    /** Sets several counters of {@code implementation}. */
    public Builder counters(String implementation, Map<String, Long> values) {
      values.forEach((counter, value) -> counter(implementation, counter, value));
      return this;
    }

    /**
     * Builds the scenario.
     *
     * @throws IllegalArgumentException naming a non-finite parameter or a negative counter
     */
    public ScenarioInfo build() {
      return new ScenarioInfo(name, description, parameters, counters);
    }
  }
}
