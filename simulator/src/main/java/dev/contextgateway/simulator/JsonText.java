package dev.contextgateway.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Writes JSON laid out as the real service lays it out: indented by two spaces with {@code ": "}
 * between name and value for whole bodies, one line for SSE events. Thread-safe.
 */
final class JsonText {
  private final ObjectMapper mapper;
  private final ObjectWriter prettyWriter;

  JsonText(ObjectMapper mapper) {
    this.mapper = mapper;
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    this.prettyWriter = mapper.writer(printer);
  }

  byte[] pretty(JsonNode node) {
    try {
      return prettyWriter.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  String compact(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }
}
