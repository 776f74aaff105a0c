package dev.contextgateway.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.contextgateway.reports.JmhResult.JmhMetric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads JMH's {@code -rf json} output. Stateless. */
final class JmhResults {

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private JmhResults() {}

  /**
   * Reads every {@code *.json} file of {@code directory} in file-name order, keeping the results in
   * the order JMH wrote them; a result repeated (same benchmark, mode, threads and parameters) in
   * a later file replaces the earlier one. A missing directory gives no results.
   *
   * @throws IOException naming the file if one cannot be read or is not JMH output
   */
  static List<JmhResult> readDirectory(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files =
          list.filter(p -> p.getFileName().toString().endsWith(".json"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    }
    Map<String, JmhResult> results = new LinkedHashMap<>();
    for (Path file : files) {
      for (JmhResult result : read(file)) {
        String key =
            result.benchmark() + "|" + result.mode() + "|" + result.threads() + "|" + result.params();
        results.put(key, result);
      }
    }
    return List.copyOf(results.values());
  }

  /**
   * Reads one JMH JSON file.
   *
   * @throws IOException naming the file if it cannot be read or is not JMH output
   */
  static List<JmhResult> read(Path file) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new IOException(file + ": not JMH JSON output: expected an array of results");
    }
    List<JmhResult> results = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root) {
      try {
        results.add(parse(node));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": result " + index + ": " + e.getMessage(), e);
      }
      index++;
    }
    return results;
  }

  private static JmhResult parse(JsonNode node) {
    String benchmark = text(node, "benchmark");
    String mode = text(node, "mode");
    JsonNode threads = node.path("threads");
    if (!threads.canConvertToInt() || threads.asInt() < 1) {
      throw new IllegalArgumentException("threads must be a positive integer, was " + threads);
    }
    SortedMap<String, String> params = new TreeMap<>();
    for (Map.Entry<String, JsonNode> param : node.path("params").properties()) {
      params.put(param.getKey(), param.getValue().asText());
    }
    JmhMetric primary = metric("primaryMetric", node.path("primaryMetric"));
    SortedMap<String, JmhMetric> secondary = new TreeMap<>();
    for (Map.Entry<String, JsonNode> metric : node.path("secondaryMetrics").properties()) {
      secondary.put(metric.getKey(), metric(metric.getKey(), metric.getValue()));
    }
    return new JmhResult(
        benchmark,
        mode,
        threads.asInt(),
        Collections.unmodifiableSortedMap(params),
        primary,
        Collections.unmodifiableSortedMap(secondary));
  }

  private static JmhMetric metric(String name, JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(name + " is missing");
    }
    double score = number(node.path("score"));
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException(name + ".score must be a number, was " + node.path("score"));
    }
    return new JmhMetric(score, number(node.path("scoreError")), text(node, "scoreUnit"));
  }

  /** A JSON number, or JMH's {@code "NaN"}/{@code "Infinity"} strings; NaN if absent. */
  private static double number(JsonNode node) {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      try {
        return Double.parseDouble(node.textValue());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.textValue().isBlank()) {
      throw new IllegalArgumentException(field + " must be a non-blank string, was " + value);
    }
    return value.textValue();
  }
}
