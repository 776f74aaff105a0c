package dev.contextgateway.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.contextgateway.simulator.profile.Durations;
import dev.contextgateway.simulator.profile.Profile;
import dev.contextgateway.simulator.profile.Profiles;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The admin endpoint under {@code /__sim/}: counters, journal, profile switching and reset, for
 * clients that drive a standalone simulator (the module README lists the resources). Admin
 * requests need no API key, get no faults and are not journalled.
 *
 * <p>Thread-safe: delegates to the thread-safe simulator.
 */
final class AdminEndpoint {
  static final String PREFIX = "/__sim/";
  private static final int DEFAULT_JOURNAL_LIMIT = 1000;

  private final GeminiSimulator simulator;
  private final JsonText json;

  AdminEndpoint(GeminiSimulator simulator, JsonText json) {
    this.simulator = simulator;
    this.json = json;
  }

  Response handle(LoggedRequest request, String path) {
    String method = request.getMethod().getName();
    String resource = path.substring(PREFIX.length());
    try {
      return switch (method + " " + resource) {
        case "GET counters" -> ok(counters());
        case "GET journal" -> ok(journal(request));
        case "GET profile" -> ok(profile());
        case "GET profiles" -> ok(builtInProfiles());
        case "POST profile" -> {
          setProfile(request);
          yield ok(profile());
        }
        case "POST reset" -> {
          simulator.reset();
          yield ok(counters());
        }
        default -> error(404, "no admin resource " + method + " " + path);
      };
    } catch (IllegalArgumentException e) {
      return error(400, String.valueOf(e.getMessage()));
    }
  }

  private ObjectNode counters() {
    SimulatorEngine.Status status = simulator.status();
    RequestJournal journal = simulator.journal();
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("profile", status.profile().name());
    node.put("phase", status.phase().name());
    node.put("seed", status.seed());
    node.put("elapsed", Durations.format(status.elapsed().truncatedTo(ChronoUnit.MILLIS)));
    RequestJournal.Counts counts = journal.counts();
    node.put("total", counts.total());
    node.put("rateLimited", counts.rateLimited());
    node.put("dropped", counts.dropped());
    ObjectNode outcomes = node.putObject("outcomes");
    counts.byOutcome().forEach((outcome, count) -> outcomes.put(outcome.name(), count));
    return node;
  }

  private ObjectNode journal(LoggedRequest request) {
    int limit = DEFAULT_JOURNAL_LIMIT;
    String text = GeminiTransformer.queryParameter(request, "limit");
    if (text != null) {
      try {
        limit = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("limit must be a whole number, was '" + text + "'");
      }
      if (limit < 0) {
        throw new IllegalArgumentException("limit must not be negative, was " + limit);
      }
    }
    List<JournalEntry> entries = simulator.journal().entries();
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    ArrayNode array = node.putArray("entries");
    for (JournalEntry entry : entries.subList(Math.max(0, entries.size() - limit), entries.size())) {
      ObjectNode item = array.addObject();
      item.put("sequence", entry.sequence());
      item.put("receivedAtNanos", entry.receivedAtNanos());
      item.put("elapsed", Durations.format(entry.elapsed().truncatedTo(ChronoUnit.MILLIS)));
      item.put("profile", entry.profile());
      item.put("phase", entry.phase());
      item.put("httpMethod", entry.httpMethod());
      item.put("path", entry.path());
      item.put("method", entry.method().name());
      item.put("model", entry.model());
      item.put("promptTokens", entry.promptTokens());
      item.put("outcome", entry.outcome().name());
      item.put("httpStatus", entry.httpStatus());
      item.put("delay", Durations.format(entry.delay()));
      if (entry.retryDelay() != null) {
        item.put("retryDelay", ApiErrors.protoDuration(entry.retryDelay()));
      }
    }
    return node;
  }

  private ObjectNode profile() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("seed", simulator.seed());
    node.set("profile", Profiles.toTree(simulator.profile()));
    return node;
  }

  private ObjectNode builtInProfiles() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    ArrayNode names = node.putArray("builtIn");
    Profiles.builtIn().keySet().forEach(names::add);
    return node;
  }

  /** {@code ?name=flaky} selects a built-in; otherwise the body is a profile; {@code ?seed=}. */
  private void setProfile(LoggedRequest request) {
    String name = GeminiTransformer.queryParameter(request, "name");
    String body = request.getBodyAsString();
    Profile profile;
    if (name != null) {
      profile = Profiles.builtIn(name);
    } else if (body != null && !body.isBlank()) {
      profile = Profiles.parse(body);
    } else {
      throw new IllegalArgumentException(
          "POST /__sim/profile needs ?name=<built-in profile> or a profile in the body");
    }
    String seedText = GeminiTransformer.queryParameter(request, "seed");
    long seed = simulator.seed();
    if (seedText != null) {
      try {
        seed = Long.parseLong(seedText);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("seed must be a whole number, was '" + seedText + "'");
      }
    }
    simulator.setProfile(profile, seed);
  }

  private Response ok(ObjectNode body) {
    return respond(200, body);
  }

  private Response error(int status, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("error", message);
    return respond(status, body);
  }

  private Response respond(int status, ObjectNode body) {
    return Response.response()
        .status(status)
        .headers(new HttpHeaders(new HttpHeader("Content-Type", Answers.JSON_TYPE)))
        .body(json.pretty(body))
        .build();
  }
}
