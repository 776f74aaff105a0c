package dev.contextgateway.simulator;

import static dev.contextgateway.simulator.TestClient.json;
import static dev.contextgateway.simulator.TestClient.prompt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator speaks the Gemini REST API: answers, usage, streaming, validation errors. */
class GeminiApiTest {
  private static GeminiSimulator simulator;
  private static TestClient client;

  @BeforeAll
  static void start() {
    simulator =
        GeminiSimulator.builder()
            .replies((request, random) -> request.promptText().equals("echo") ? "echo!" : ReplyGenerator.filler().reply(request, random))
            .start();
    client = new TestClient(simulator);
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @BeforeEach
  void reset() {
    simulator.reset();
  }

  @Test
  void generateContent_validRequest_answersLikeGemini() throws Exception {
    HttpResponse<String> response = client.generate(prompt("Which files matter for the cache?"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=UTF-8");
    JsonNode body = json(response.body());
    JsonNode candidate = body.at("/candidates/0");
    assertThat(candidate.at("/content/role").asText()).isEqualTo("model");
    assertThat(candidate.at("/content/parts/0/text").asText()).startsWith("Simulated reply from gemini-2.5-flash.");
    assertThat(candidate.at("/finishReason").asText()).isEqualTo("STOP");
    assertThat(body.at("/modelVersion").asText()).isEqualTo("gemini-2.5-flash");
    assertThat(body.at("/responseId").asText()).matches("[A-Za-z0-9_-]{23}");
    JsonNode usage = body.at("/usageMetadata");
    long candidatesTokens =
        TokenEstimator.estimate(candidate.at("/content/parts/0/text").asText());
    assertThat(usage.at("/candidatesTokenCount").asLong()).isEqualTo(candidatesTokens);
    assertThat(usage.at("/totalTokenCount").asLong())
        .isEqualTo(usage.at("/promptTokenCount").asLong() + candidatesTokens);
  }

  @Test
  void usageMetadata_promptTokens_followTheRequestSize() throws Exception {
    String small = "x".repeat(40);
    String large = "x".repeat(4001);

    JsonNode smallBody = json(client.generate(prompt(small)).body());
    JsonNode largeBody = json(client.generate(prompt(large)).body());

    assertThat(smallBody.at("/usageMetadata/promptTokenCount").asLong()).isEqualTo(10);
    assertThat(largeBody.at("/usageMetadata/promptTokenCount").asLong()).isEqualTo(1001);
    assertThat(simulator.journal().entries())
        .extracting(JournalEntry::promptTokens)
        .containsExactly(10L, 1001L);
  }

  @Test
  void systemInstruction_countsTowardsPromptTokens() throws Exception {
    String body =
        "{\"systemInstruction\":{\"parts\":[{\"text\":\"abcdefgh\"}]},"
            + "\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"abcd\"}]}]}";

    JsonNode answer = json(client.generate(body).body());

    assertThat(answer.at("/usageMetadata/promptTokenCount").asLong()).isEqualTo(3);
  }

  @Test
  void maxOutputTokens_cutsTheReply_withFinishReasonMaxTokens() throws Exception {
    String body =
        "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hello\"}]}],"
            + "\"generationConfig\":{\"maxOutputTokens\":5}}";

    JsonNode answer = json(client.generate(body).body());

    assertThat(answer.at("/candidates/0/finishReason").asText()).isEqualTo("MAX_TOKENS");
    assertThat(answer.at("/candidates/0/content/parts/0/text").asText()).hasSize(20);
    assertThat(answer.at("/usageMetadata/candidatesTokenCount").asLong()).isEqualTo(5);
  }

  @Test
  void replyGenerator_writesTheAnswerText() throws Exception {
    JsonNode answer = json(client.generate(prompt("echo")).body());

    assertThat(answer.at("/candidates/0/content/parts/0/text").asText()).isEqualTo("echo!");
  }

  @Test
  void responseMimeTypeJson_defaultReplyIsJson() throws Exception {
    String body =
        "{\"contents\":[{\"parts\":[{\"text\":\"rank\"}]}],"
            + "\"generationConfig\":{\"responseMimeType\":\"application/json\"}}";

    JsonNode answer = json(client.generate(body).body());

    JsonNode reply = json(answer.at("/candidates/0/content/parts/0/text").asText());
    assertThat(reply.at("/reply").asText()).startsWith("Simulated reply");
  }

  @Test
  void streamGenerateContent_sse_sendsDataEventsThatJoinToTheAnswer() throws Exception {
    HttpResponse<String> response =
        client.post(
            "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
            prompt("stream please " + "y".repeat(400)),
            simulator.apiKey());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
    List<JsonNode> events = new ArrayList<>();
    assertThat(response.body()).endsWith("\r\n\r\n");
    for (String event : response.body().split("\r\n\r\n", -1)) {
      if (event.isEmpty()) {
        continue; // after the last event's blank line
      }
      assertThat(event).startsWith("data: ");
      events.add(json(event.substring("data: ".length())));
    }
    assertThat(events).hasSizeGreaterThan(1);
    StringBuilder text = new StringBuilder();
    events.forEach(e -> text.append(e.at("/candidates/0/content/parts/0/text").asText()));
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
    assertThat(events.get(0).at("/candidates/0/finishReason").isMissingNode()).isTrue();
    assertThat(text.toString()).startsWith("Simulated reply from gemini-2.5-flash.");
    assertThat(last.at("/usageMetadata/candidatesTokenCount").asLong())
        .isGreaterThanOrEqualTo(TokenEstimator.estimate(text));
    assertThat(events).extracting(e -> e.at("/responseId").asText()).containsOnly(last.at("/responseId").asText());
    assertThat(simulator.journal().last()).get().extracting(JournalEntry::method).isEqualTo(ApiMethod.STREAM_GENERATE_CONTENT);
  }

  @Test
  void streamGenerateContent_withoutSse_sendsAJsonArray() throws Exception {
    HttpResponse<String> response =
        client.post(
            "/v1beta/models/gemini-2.5-flash:streamGenerateContent", prompt("hi"), simulator.apiKey());

    JsonNode array = json(response.body());
    assertThat(array.isArray()).isTrue();
    assertThat(array.get(array.size() - 1).at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
  }

  @Test
  void countTokens_answersTheSameEstimateAsGenerate() throws Exception {
    String body = prompt("z".repeat(99));

    JsonNode count =
        json(client.post("/v1beta/models/gemini-2.5-pro:countTokens", body, simulator.apiKey()).body());
    JsonNode generated = json(client.generate(body).body());

    assertThat(count.at("/totalTokens").asLong()).isEqualTo(25);
    assertThat(generated.at("/usageMetadata/promptTokenCount").asLong()).isEqualTo(25);
  }

  @Test
  void countTokens_acceptsAWrappedGenerateContentRequest() throws Exception {
    String body =
        "{\"generateContentRequest\":{\"model\":\"models/gemini-2.5-pro\","
            + "\"contents\":[{\"parts\":[{\"text\":\"abcdefgh\"}]}]}}";

    JsonNode count =
        json(client.post("/v1/models/gemini-2.5-pro:countTokens", body, simulator.apiKey()).body());

    assertThat(count.at("/totalTokens").asLong()).isEqualTo(2);
  }

  @Test
  void missingApiKey_is403PermissionDenied() throws Exception {
    HttpResponse<String> response =
        client.post("/v1beta/models/gemini-2.5-flash:generateContent", prompt("hi"), null);

    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode error = json(response.body()).at("/error");
    assertThat(error.at("/code").asInt()).isEqualTo(403);
    assertThat(error.at("/status").asText()).isEqualTo("PERMISSION_DENIED");
    assertThat(error.at("/message").asText()).contains("unregistered callers");
    assertThat(simulator.journal().count(Outcome.PERMISSION_DENIED)).isEqualTo(1);
  }

  @Test
  void wrongApiKey_is400ApiKeyInvalid() throws Exception {
    HttpResponse<String> response =
        client.post("/v1beta/models/gemini-2.5-flash:generateContent", prompt("hi"), "wrong");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = json(response.body()).at("/error");
    assertThat(error.at("/status").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(error.at("/message").asText()).isEqualTo("API key not valid. Please pass a valid API key.");
    assertThat(error.at("/details/0/@type").asText()).isEqualTo("type.googleapis.com/google.rpc.ErrorInfo");
    assertThat(error.at("/details/0/reason").asText()).isEqualTo("API_KEY_INVALID");
    assertThat(simulator.journal().count(Outcome.API_KEY_INVALID)).isEqualTo(1);
  }

  @Test
  void apiKeyInQueryParameter_isAccepted() throws Exception {
    HttpResponse<String> response =
        client.post(
            "/v1beta/models/gemini-2.5-flash:generateContent?key=" + simulator.apiKey(),
            prompt("hi"),
            null);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void malformedJson_is400WithBadRequestDetails() throws Exception {
    HttpResponse<String> response = client.generate("{\"contents\": [");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = json(response.body()).at("/error");
    assertThat(error.at("/status").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(error.at("/message").asText()).startsWith("Invalid JSON payload received.");
    assertThat(error.at("/details/0/@type").asText()).isEqualTo("type.googleapis.com/google.rpc.BadRequest");
    assertThat(simulator.journal().count(Outcome.INVALID_ARGUMENT)).isEqualTo(1);
  }

  @Test
  void unknownTopLevelField_is400UnknownName() throws Exception {
    HttpResponse<String> response =
        client.generate("{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}],\"temperature\":1}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response.body()).at("/error/message").asText())
        .isEqualTo("Invalid JSON payload received. Unknown name \"temperature\": Cannot find field.");
  }

  @Test
  void emptyContents_is400ContentsNotSpecified() throws Exception {
    HttpResponse<String> response = client.generate("{\"contents\":[]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response.body()).at("/error/message").asText())
        .isEqualTo("* GenerateContentRequest.contents: contents is not specified\n");
  }

  @Test
  void emptyParts_is400PartsMustNotBeEmpty() throws Exception {
    HttpResponse<String> response = client.generate("{\"contents\":[{\"role\":\"user\",\"parts\":[]}]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response.body()).at("/error/message").asText())
        .contains("contents[0].parts: contents.parts must not be empty");
  }

  @Test
  void invalidRole_is400() throws Exception {
    HttpResponse<String> response =
        client.generate("{\"contents\":[{\"role\":\"robot\",\"parts\":[{\"text\":\"hi\"}]}]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response.body()).at("/error/message").asText())
        .isEqualTo("Please use a valid role: user, model.");
  }

  @Test
  void unknownModel_is404NotFound() throws Exception {
    HttpResponse<String> response =
        client.post("/v1beta/models/gemini-0.1-nano:generateContent", prompt("hi"), simulator.apiKey());

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode error = json(response.body()).at("/error");
    assertThat(error.at("/status").asText()).isEqualTo("NOT_FOUND");
    assertThat(error.at("/message").asText())
        .startsWith("models/gemini-0.1-nano is not found for API version v1beta, or is not supported for generateContent.");
    assertThat(simulator.journal().last()).get().extracting(JournalEntry::model).isEqualTo("gemini-0.1-nano");
  }

  @Test
  void unknownPathOrHttpMethod_is404() throws Exception {
    assertThat(client.get("/v1beta/models/gemini-2.5-flash:generateContent").statusCode()).isEqualTo(404);
    assertThat(client.post("/v1beta/files", "{}", simulator.apiKey()).statusCode()).isEqualTo(404);
    assertThat(simulator.journal().count(Outcome.NOT_FOUND)).isEqualTo(2);
  }

  @Test
  void journal_recordsEveryRequestInOrder_withOutcomeAndStatus() throws Exception {
    client.generate(prompt("one"));
    client.post("/v1beta/models/gemini-2.5-flash:generateContent", prompt("two"), "bad");

    List<JournalEntry> entries = simulator.journal().entries();
    assertThat(entries).extracting(JournalEntry::sequence).containsExactly(0L, 1L);
    assertThat(entries).extracting(JournalEntry::outcome).containsExactly(Outcome.OK, Outcome.API_KEY_INVALID);
    assertThat(entries).extracting(JournalEntry::httpStatus).containsExactly(200, 400);
    assertThat(entries.get(0).path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
    assertThat(entries.get(0).receivedAtNanos()).isLessThanOrEqualTo(entries.get(1).receivedAtNanos());
    assertThat(simulator.journal().counters()).containsOnlyKeys(Outcome.OK, Outcome.API_KEY_INVALID);
  }

  @Test
  void responses_carryNoWireMockHeaders() throws Exception {
    HttpResponse<String> response = client.generate(prompt("hi"));

    assertThat(response.headers().map().keySet())
        .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("matched-stub"));
    assertThat(response.headers().firstValue("server")).hasValue("scaffolding on HTTPServer2");
  }
}
