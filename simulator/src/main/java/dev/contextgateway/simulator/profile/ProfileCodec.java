package dev.contextgateway.simulator.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Maps profiles to and from the JSON tree of the profile file format (see the module README).
 * Unknown settings are rejected, so a misspelt key fails loudly instead of being ignored; every
 * error names the setting's path, e.g. {@code faults[1].probability}.
 */
final class ProfileCodec {
  private static final Set<String> STEADY_KEYS = Set.of("name", "latency", "faults", "quota");
  private static final Set<String> TIMELINE_KEYS = Set.of("name", "phases", "repeat");
  private static final Set<String> PHASE_KEYS = Set.of("duration", "profile");
  private static final Set<String> FAULT_KEYS =
      Set.of("kind", "probability", "retryDelay", "duration", "chunks");
  private static final Set<String> QUOTA_KEYS =
      Set.of("requestsPerMinute", "tokensPerMinute", "requestsPerDay");

  private final Function<String, Profile> builtIns;

  /** @param builtIns resolves a profile named in a timeline phase */
  ProfileCodec(Function<String, Profile> builtIns) {
    this.builtIns = builtIns;
  }

  Profile read(JsonNode root) {
    requireObject(root, "profile");
    return root.has("phases") ? readTimeline(root) : readSteady(root, "");
  }

  private Timeline readTimeline(JsonNode node) {
    requireKeys(node, TIMELINE_KEYS, "");
    String name = text(node, "name", "");
    boolean repeat = node.has("repeat") && bool(node.get("repeat"), "repeat");
    JsonNode phases = node.get("phases");
    if (!phases.isArray() || phases.isEmpty()) {
      throw error("phases", "must be a non-empty list");
    }
    Timeline.Builder builder = Timeline.builder(name);
    for (int i = 0; i < phases.size(); i++) {
      String path = "phases[" + i + "]";
      JsonNode phase = phases.get(i);
      requireObject(phase, path);
      requireKeys(phase, PHASE_KEYS, path + ".");
      JsonNode profileNode = phase.get("profile");
      if (profileNode == null) {
        throw error(path + ".profile", "is required");
      }
      FaultProfile profile = readPhaseProfile(profileNode, path + ".profile");
      boolean last = i == phases.size() - 1;
      JsonNode durationNode = phase.get("duration");
      if (durationNode == null) {
        if (!last || repeat) {
          throw error(
              path + ".duration",
              "is required (only the last phase of a timeline that does not repeat may omit it)");
        }
        return builder.then(profile);
      }
      if (last && !repeat) {
        throw error(
            path + ".duration",
            "must be omitted: the last phase lasts for ever unless 'repeat' is true, was "
                + durationNode);
      }
      builder.phase(duration(durationNode, path + ".duration"), profile);
    }
    return builder.repeat();
  }

  private FaultProfile readPhaseProfile(JsonNode node, String path) {
    if (node.isTextual()) {
      Profile named = wrap(path, () -> builtIns.apply(node.asText()));
      if (named instanceof FaultProfile steady) {
        return steady;
      }
      throw error(path, "must name a steady profile, not the timeline '" + node.asText() + "'");
    }
    requireObject(node, path);
    if (node.has("phases")) {
      throw error(path, "must be a steady profile: timelines do not nest");
    }
    return readSteady(node, path + ".");
  }

  private FaultProfile readSteady(JsonNode node, String prefix) {
    requireKeys(node, STEADY_KEYS, prefix);
    String name = text(node, "name", prefix);
    FaultProfile.Builder builder = wrap(prefix + "name", () -> FaultProfile.builder(name));
    if (node.has("latency")) {
      String path = prefix + "latency";
      builder.latency(wrap(path, () -> latency(node.get("latency"), path)));
    }
    JsonNode faults = node.get("faults");
    if (faults != null) {
      if (!faults.isArray()) {
        throw error(prefix + "faults", "must be a list");
      }
      for (int i = 0; i < faults.size(); i++) {
        String path = prefix + "faults[" + i + "]";
        JsonNode fault = faults.get(i);
        requireObject(fault, path);
        requireKeys(fault, FAULT_KEYS, path + ".");
        double probability = number(fault, "probability", path + ".").doubleValue();
        Fault parsed = wrap(path, () -> fault(fault, path));
        wrap(path, () -> builder.fault(probability, parsed));
      }
    }
    JsonNode quota = node.get("quota");
    if (quota != null && !quota.isNull()) {
      String path = prefix + "quota";
      requireObject(quota, path);
      requireKeys(quota, QUOTA_KEYS, path + ".");
      builder.quota(
          wrap(
              path,
              () ->
                  new Quota(
                      optionalLong(quota, "requestsPerMinute", path),
                      optionalLong(quota, "tokensPerMinute", path),
                      optionalLong(quota, "requestsPerDay", path))));
    }
    return wrap(prefix.isEmpty() ? "profile" : prefix.substring(0, prefix.length() - 1), builder::build);
  }

  private Latency latency(JsonNode node, String path) {
    if (node.isTextual() && node.asText().equals("none")) {
      return Latency.none();
    }
    requireObject(node, path);
    String distribution = text(node, "distribution", path + ".");
    return switch (distribution) {
      case "none" -> {
        requireKeys(node, Set.of("distribution"), path + ".");
        yield Latency.none();
      }
      case "fixed" -> {
        requireKeys(node, Set.of("distribution", "delay"), path + ".");
        yield Latency.fixed(duration(required(node, "delay", path), path + ".delay"));
      }
      case "uniform" -> {
        requireKeys(node, Set.of("distribution", "min", "max"), path + ".");
        yield Latency.uniform(
            duration(required(node, "min", path), path + ".min"),
            duration(required(node, "max", path), path + ".max"));
      }
      case "log-normal" -> {
        requireKeys(node, Set.of("distribution", "median", "sigma", "max"), path + ".");
        Duration median = duration(required(node, "median", path), path + ".median");
        double sigma = number(node, "sigma", path + ".").doubleValue();
        JsonNode max = node.get("max");
        yield max == null
            ? Latency.logNormal(median, sigma)
            : Latency.logNormal(median, sigma, duration(max, path + ".max"));
      }
      default ->
          throw error(
              path + ".distribution",
              "must be one of none, fixed, uniform, log-normal, was '" + distribution + "'");
    };
  }

  private Fault fault(JsonNode node, String path) {
    FaultKind kind = wrap(path + ".kind", () -> FaultKind.fromId(text(node, "kind", path + ".")));
    JsonNode retryDelay = node.get("retryDelay");
    JsonNode duration = node.get("duration");
    JsonNode chunks = node.get("chunks");
    boolean rateLimit = kind == FaultKind.RATE_LIMITED || kind == FaultKind.RATE_LIMITED_PER_DAY;
    if (retryDelay != null && !rateLimit) {
      throw error(path + ".retryDelay", "only applies to rate-limited faults, not " + kind.id());
    }
    if ((duration != null || chunks != null) && kind != FaultKind.SLOW_DRIP) {
      throw error(path, "duration and chunks only apply to slow-drip, not " + kind.id());
    }
    return switch (kind) {
      case RATE_LIMITED ->
          retryDelay == null
              ? Fault.of(kind)
              : Fault.rateLimited(duration(retryDelay, path + ".retryDelay"));
      case RATE_LIMITED_PER_DAY ->
          retryDelay == null
              ? Fault.of(kind)
              : Fault.rateLimitedPerDay(duration(retryDelay, path + ".retryDelay"));
      case SLOW_DRIP ->
          Fault.slowDrip(
              duration == null
                  ? Fault.DEFAULT_DRIP_DURATION
                  : duration(duration, path + ".duration"),
              chunks == null
                  ? Fault.DEFAULT_DRIP_CHUNKS
                  : number(node, "chunks", path + ".").intValue());
      default -> Fault.of(kind);
    };
  }

  // ---- writing ----

  JsonNode write(Profile profile) {
    if (profile instanceof FaultProfile steady) {
      return writeSteady(steady);
    }
    Timeline timeline = (Timeline) profile;
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("name", timeline.name());
    if (timeline.repeats()) {
      root.put("repeat", true);
    }
    ArrayNode phases = root.putArray("phases");
    for (Timeline.Phase phase : timeline.phases()) {
      ObjectNode node = phases.addObject();
      if (phase.duration() != null) {
        node.put("duration", Durations.format(phase.duration()));
      }
      node.set("profile", writeSteady(phase.profile()));
    }
    return root;
  }

  private ObjectNode writeSteady(FaultProfile profile) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", profile.name());
    Latency latency = profile.latency();
    if (!(latency instanceof Latency.None)) {
      node.set("latency", writeLatency(latency));
    }
    if (!profile.faults().isEmpty()) {
      ArrayNode faults = node.putArray("faults");
      for (WeightedFault weighted : profile.faults()) {
        Fault fault = weighted.fault();
        ObjectNode entry = faults.addObject();
        entry.put("kind", fault.kind().id());
        entry.put("probability", weighted.probability());
        if (fault.retryDelay() != null) {
          entry.put("retryDelay", Durations.format(fault.retryDelay()));
        }
        if (fault.dripDuration() != null) {
          entry.put("duration", Durations.format(fault.dripDuration()));
          entry.put("chunks", fault.dripChunks());
        }
      }
    }
    Quota quota = profile.quota();
    if (quota != null) {
      ObjectNode entry = node.putObject("quota");
      entry.put("requestsPerMinute", quota.requestsPerMinute());
      entry.put("tokensPerMinute", quota.tokensPerMinute());
      entry.put("requestsPerDay", quota.requestsPerDay());
    }
    return node;
  }

  private static ObjectNode writeLatency(Latency latency) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (latency instanceof Latency.Fixed fixed) {
      node.put("distribution", "fixed");
      node.put("delay", Durations.format(fixed.delay()));
    } else if (latency instanceof Latency.Uniform uniform) {
      node.put("distribution", "uniform");
      node.put("min", Durations.format(uniform.min()));
      node.put("max", Durations.format(uniform.max()));
    } else {
      Latency.LogNormal logNormal = (Latency.LogNormal) latency;
      node.put("distribution", "log-normal");
      node.put("median", Durations.format(logNormal.median()));
      node.put("sigma", logNormal.sigma());
      if (logNormal.max() != null) {
        node.put("max", Durations.format(logNormal.max()));
      }
    }
    return node;
  }

  // ---- helpers ----

  private static void requireObject(JsonNode node, String path) {
    if (!node.isObject()) {
      throw error(path, "must be an object, was " + node);
    }
  }

  private static void requireKeys(JsonNode node, Set<String> allowed, String prefix) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException(
            "unknown setting '" + prefix + name + "', known here: " + new TreeSet<>(allowed));
      }
    }
  }

  private static JsonNode required(JsonNode node, String key, String path) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw error(path + "." + key, "is required");
    }
    return value;
  }

  private static String text(JsonNode node, String key, String prefix) {
    JsonNode value = node.get(key);
    if (value == null || !value.isTextual()) {
      throw error(prefix + key, "is required and must be a string" + was(value));
    }
    return value.asText();
  }

  private static Number number(JsonNode node, String key, String prefix) {
    JsonNode value = node.get(key);
    if (value == null || !value.isNumber()) {
      throw error(prefix + key, "is required and must be a number" + was(value));
    }
    return value.numberValue();
  }

  private static long optionalLong(JsonNode node, String key, String path) {
    JsonNode value = node.get(key);
    if (value == null) {
      return 0;
    }
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      throw error(path + "." + key, "must be a whole number" + was(value));
    }
    return value.longValue();
  }

  private static boolean bool(JsonNode node, String path) {
    if (!node.isBoolean()) {
      throw error(path, "must be true or false" + was(node));
    }
    return node.booleanValue();
  }

  private static Duration duration(JsonNode node, String path) {
    if (node.isNumber()) {
      return Durations.parse(node.asText());
    }
    if (!node.isTextual()) {
      throw error(path, "must be a duration such as 250ms or 1.5s" + was(node));
    }
    return wrap(path, () -> Durations.parse(node.asText()));
  }

  private static String was(@Nullable JsonNode value) {
    return value == null ? "" : ", was " + value;
  }

  private static IllegalArgumentException error(String path, String message) {
    return new IllegalArgumentException(path + " " + message);
  }

  /** Runs {@code action}, prefixing the path to the message of any validation error. */
  private static <T> T wrap(String path, Supplier<T> action) {
    try {
      return action.get();
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(path)) {
        throw e;
      }
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }
}
