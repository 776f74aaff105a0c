package dev.contextgateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.errors.ClientException;
import com.google.genai.errors.ServerException;
import com.google.genai.types.CountTokensResponse;
import com.google.genai.types.FinishReason;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import dev.contextgateway.simulator.profile.Fault;
import dev.contextgateway.simulator.profile.FaultKind;
import dev.contextgateway.simulator.profile.FaultProfile;
import dev.contextgateway.simulator.profile.Profiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The official google-genai Java SDK takes the simulator for Gemini. */
class GoogleGenAiCompatibilityTest {
  private static final String MODEL = "gemini-2.5-flash";

  private static GeminiSimulator simulator;
  private static Client client;

  @BeforeAll
  static void start() {
    simulator = GeminiSimulator.builder().start();
    client = client(simulator.apiKey());
  }

  private static Client client(String apiKey) {
    return Client.builder()
        .apiKey(apiKey)
        .httpOptions(
            HttpOptions.builder()
                .baseUrl(simulator.baseUrl())
                .apiVersion("v1beta")
                .timeout(10_000)
                .retryOptions(HttpRetryOptions.builder().attempts(1))
                .build())
        .build();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @BeforeEach
  void reset() {
    simulator.setProfile(Profiles.HEALTHY);
    simulator.reset();
  }

  @Test
  void generateContent_parsesTextUsageAndFinishReason() {
    GenerateContentResponse response =
        client.models.generateContent(MODEL, "Summarise the cache module.", null);

    assertThat(response.text()).startsWith("Simulated reply from gemini-2.5-flash.");
    assertThat(response.finishReason().knownEnum()).isEqualTo(FinishReason.Known.STOP);
    GenerateContentResponseUsageMetadata usage = response.usageMetadata().orElseThrow();
    assertThat(usage.promptTokenCount()).hasValue(7);
    assertThat(usage.candidatesTokenCount()).hasValue((int) TokenEstimator.estimate(response.text()));
    assertThat(usage.totalTokenCount()).hasValue(7 + usage.candidatesTokenCount().orElseThrow());
    assertThat(response.modelVersion()).hasValue(MODEL);
    assertThat(response.responseId()).isPresent();
    assertThat(simulator.journal().last().orElseThrow().outcome()).isEqualTo(Outcome.OK);
  }

  @Test
  void generateContent_withConfig_isAcceptedAndHonoursMaxOutputTokens() {
    GenerateContentResponse response =
        client.models.generateContent(
            MODEL,
            "Rank these files.",
            GenerateContentConfig.builder()
                .maxOutputTokens(4)
                .temperature(0.2f)
                .systemInstruction(
                    com.google.genai.types.Content.fromParts(com.google.genai.types.Part.fromText("Be brief.")))
                .build());

    assertThat(response.finishReason().knownEnum()).isEqualTo(FinishReason.Known.MAX_TOKENS);
    assertThat(response.text()).hasSize(16);
  }

  @Test
  void generateContentStream_deliversChunksThatJoinToTheAnswer() {
    List<GenerateContentResponse> chunks = new ArrayList<>();
    try (ResponseStream<GenerateContentResponse> stream =
        client.models.generateContentStream(MODEL, "Stream a long answer " + "x".repeat(400), null)) {
      stream.forEach(chunks::add);
    }

    assertThat(chunks).hasSizeGreaterThan(1);
    StringBuilder text = new StringBuilder();
    chunks.forEach(chunk -> text.append(chunk.text()));
    assertThat(text.toString()).startsWith("Simulated reply from gemini-2.5-flash.");
    assertThat(chunks.get(chunks.size() - 1).finishReason().knownEnum())
        .isEqualTo(FinishReason.Known.STOP);
  }

  @Test
  void countTokens_parsesTotalTokens() {
    CountTokensResponse response = client.models.countTokens(MODEL, "abcdefgh", null);

    assertThat(response.totalTokens()).hasValue(2);
  }

  @Test
  void rateLimited_isAClientExceptionWithCode429() {
    simulator.setProfile(
        FaultProfile.builder("429").fault(1.0, Fault.rateLimited(Duration.ofSeconds(3))).build());

    ClientException error =
        catchThrowableOfType(
            ClientException.class, () -> client.models.generateContent(MODEL, "hi", null));

    assertThat(error.code()).isEqualTo(429);
    assertThat(error.status()).isEqualTo("RESOURCE_EXHAUSTED");
    assertThat(error.message()).contains("Please retry in 3s.");
    assertThat(simulator.journal().total()).isEqualTo(1);
  }

  @Test
  void quotaExceeded_isAClientExceptionWithCode429() {
    simulator.setProfile(Profiles.QUOTA_LIMITED);
    for (int i = 0; i < 10; i++) {
      client.models.generateContent(MODEL, "hi", null);
    }

    ClientException error =
        catchThrowableOfType(
            ClientException.class, () -> client.models.generateContent(MODEL, "hi", null));

    assertThat(error.code()).isEqualTo(429);
    assertThat(simulator.journal().count(Outcome.QUOTA_EXCEEDED)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(names = {"INTERNAL", "UNAVAILABLE", "DEADLINE_EXCEEDED"})
  void serverErrors_areServerExceptionsWithTheirCode(FaultKind kind) {
    simulator.setProfile(FaultProfile.builder("5xx").fault(1.0, kind).build());

    ServerException error =
        catchThrowableOfType(
            ServerException.class, () -> client.models.generateContent(MODEL, "hi", null));

    assertThat(error.code()).isEqualTo(kind.httpStatus());
    assertThat(error.status()).isEqualTo(kind.name());
    assertThat(simulator.journal().total()).isEqualTo(1);
  }

  @Test
  void wrongApiKey_isAClientExceptionWithCode400() {
    ClientException error =
        catchThrowableOfType(
            ClientException.class, () -> client("wrong-key").models.generateContent(MODEL, "hi", null));

    assertThat(error.code()).isEqualTo(400);
    assertThat(error.message()).contains("API key not valid");
  }

  @Test
  void unknownModel_isAClientExceptionWithCode404() {
    ClientException error =
        catchThrowableOfType(
            ClientException.class, () -> client.models.generateContent("gemini-9-ultra", "hi", null));

    assertThat(error.code()).isEqualTo(404);
    assertThat(error.status()).isEqualTo("NOT_FOUND");
  }

  @Test
  void sdkRequests_passValidation() {
    client.models.generateContent(MODEL, "hi", GenerateContentConfig.builder().candidateCount(1).topK(3f).build());

    assertThat(simulator.journal().counters()).containsOnlyKeys(Outcome.OK);
  }
}
