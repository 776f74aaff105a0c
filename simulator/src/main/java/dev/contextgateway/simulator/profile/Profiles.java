package dev.contextgateway.simulator.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in profiles, and the JSON/YAML profile file format (described in the module README).
 *
 * <p>Thread-safe: every method is a pure function of its arguments.
 */
public final class Profiles {
  /** Answers at once, correctly, with no faults. */
  public static final FaultProfile HEALTHY = FaultProfile.builder("healthy").build();

  /**
   * Long-tailed latency (log-normal, median 1.5 s, sigma 0.5, at most 10 s) and one answer in ten
   * dribbled out over 3 s.
   */
  public static final FaultProfile SLOW =
      FaultProfile.builder("slow")
          .latency(Latency.logNormal(Duration.ofMillis(1500), 0.5, Duration.ofSeconds(10)))
          .fault(0.10, Fault.slowDrip(Duration.ofSeconds(3), 10))
          .build();

  /**
   * Latency around 50 ms (log-normal, sigma 0.5, at most 1 s) and a mix of every failure, 17 % in
   * all: 503 5 %, 429 3 % (retry in 1 s), 500 2 %, connection reset 2 %, 504 1 %, empty response
   * 1 %, malformed JSON 1 %, truncated body 1 %, hang 1 %.
   */
  public static final FaultProfile FLAKY =
      FaultProfile.builder("flaky")
          .latency(Latency.logNormal(Duration.ofMillis(50), 0.5, Duration.ofSeconds(1)))
          .fault(0.05, FaultKind.UNAVAILABLE)
          .fault(0.03, Fault.rateLimited(Duration.ofSeconds(1)))
          .fault(0.02, FaultKind.INTERNAL)
          .fault(0.02, FaultKind.CONNECTION_RESET)
          .fault(0.01, FaultKind.DEADLINE_EXCEEDED)
          .fault(0.01, FaultKind.EMPTY_RESPONSE)
          .fault(0.01, FaultKind.MALFORMED_JSON)
          .fault(0.01, FaultKind.TRUNCATED_BODY)
          .fault(0.01, FaultKind.HANG)
          .build();

  /**
   * No faults, but the free-tier quota of Gemini 2.5 Flash: 10 requests and 250 000 input tokens
   * per minute, 250 requests per day.
   */
  public static final FaultProfile QUOTA_LIMITED =
      FaultProfile.builder("quota-limited").quota(new Quota(10, 250_000, 250)).build();

  /** Every request hangs: no answer until the client gives up. */
  public static final FaultProfile HANGING =
      FaultProfile.builder("hanging").fault(1.0, FaultKind.HANG).build();

  /** Every request gets 503 UNAVAILABLE. */
  public static final FaultProfile OUTAGE =
      FaultProfile.builder("outage").fault(1.0, FaultKind.UNAVAILABLE).build();

  /** Healthy for 10 s, every request 503 for the next 5 s, then healthy ("recovery") for ever. */
  public static final Timeline OUTAGE_THEN_RECOVERY =
      Timeline.builder("outage-then-recovery")
          .phase(Duration.ofSeconds(10), HEALTHY)
          .phase(Duration.ofSeconds(5), OUTAGE)
          .then(FaultProfile.builder("recovery").build());

  /** Every request gets the per-day 429 (quotaId ...PerDay...), as after the daily quota is spent. */
  public static final FaultProfile DAILY_QUOTA_EXHAUSTED =
      FaultProfile.builder("daily-quota-exhausted")
          .fault(1.0, FaultKind.RATE_LIMITED_PER_DAY)
          .build();

  private static final Map<String, Profile> BUILT_IN = builtInProfiles();
  private static final ProfileCodec CODEC = new ProfileCodec(Profiles::builtIn);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());

  private Profiles() {}

  private static Map<String, Profile> builtInProfiles() {
    Map<String, Profile> profiles = new LinkedHashMap<>();
    for (Profile profile :
        new Profile[] {
          HEALTHY, SLOW, FLAKY, QUOTA_LIMITED, HANGING, OUTAGE, OUTAGE_THEN_RECOVERY,
          DAILY_QUOTA_EXHAUSTED
        }) {
      profiles.put(profile.name(), profile);
    }
    return Collections.unmodifiableMap(profiles);
  }

  /** The built-in profiles by name, in the order documented. */
  public static Map<String, Profile> builtIn() {
    return BUILT_IN;
  }

  /**
   * The built-in profile called {@code name}.
   *
   * @throws IllegalArgumentException naming the built-in profiles if there is none
   */
  public static Profile builtIn(String name) {
    Profile profile = BUILT_IN.get(Objects.requireNonNull(name, "name").trim());
    if (profile == null) {
      throw new IllegalArgumentException(
          "unknown profile '" + name + "', built-in: " + String.join(", ", BUILT_IN.keySet()));
    }
    return profile;
  }

  /**
   * Reads a profile file: JSON if the name ends in {@code .json}, otherwise YAML (which also
   * accepts JSON).
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the file and the offending setting if it is not a
   *     valid profile
   */
  public static Profile read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    try {
      return read(json ? JSON : YAML, text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses a profile from YAML or JSON text.
   *
   * @throws IllegalArgumentException naming the offending setting if it is not a valid profile
   */
  public static Profile parse(String text) {
    return read(YAML, text);
  }

  /** The profile as JSON in the file format; {@link #parse} reads it back to an equal profile. */
  public static String toJson(Profile profile) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(CODEC.write(profile));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  /** The profile as YAML in the file format. */
  public static String toYaml(Profile profile) {
    try {
      return YAML.writeValueAsString(CODEC.write(profile));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a YAML tree", e);
    }
  }

  /** The profile as a JSON tree in the file format. */
  public static JsonNode toTree(Profile profile) {
    return CODEC.write(profile);
  }

  private static Profile read(ObjectMapper mapper, String text) {
    JsonNode root;
    try {
      root = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not valid " + (mapper == JSON ? "JSON" : "YAML") + ": " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new IllegalArgumentException("the profile is empty");
    }
    return CODEC.read(root);
  }
}
