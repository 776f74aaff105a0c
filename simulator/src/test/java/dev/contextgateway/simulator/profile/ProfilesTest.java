package dev.contextgateway.simulator.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The built-in profiles and the JSON/YAML file format. */
class ProfilesTest {

  static Iterable<String> builtInNames() {
    return Profiles.builtIn().keySet();
  }

  @ParameterizedTest
  @MethodSource("builtInNames")
  void builtIn_roundTripsThroughJsonAndYaml(String name) {
    Profile profile = Profiles.builtIn(name);

    assertThat(Profiles.parse(Profiles.toJson(profile))).isEqualTo(profile);
    assertThat(Profiles.parse(Profiles.toYaml(profile))).isEqualTo(profile);
  }

  @Test
  void builtIn_namesTheDocumentedProfiles() {
    assertThat(Profiles.builtIn().keySet())
        .contains("healthy", "slow", "flaky", "quota-limited", "hanging", "outage-then-recovery");
  }

  @Test
  void builtIn_unknownName_listsTheKnownOnes() {
    assertThatThrownBy(() -> Profiles.builtIn("flakey"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown profile 'flakey'")
        .hasMessageContaining("flaky");
  }

  @Test
  void read_yamlFile_withEveryKindOfSetting(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mine.yaml");
    Files.writeString(
        file,
        """
        name: mine
        latency:
          distribution: log-normal
          median: 80ms
          sigma: 0.4
          max: 2s
        faults:
          - kind: unavailable
            probability: 0.05
          - kind: rate-limited
            probability: 0.02
            retryDelay: 1.5s
          - kind: slow-drip
            probability: 0.01
            duration: 3s
            chunks: 6
        quota:
          requestsPerMinute: 60
          tokensPerMinute: 100000
        """);

    Profile profile = Profiles.read(file);

    assertThat(profile)
        .isEqualTo(
            FaultProfile.builder("mine")
                .latency(Latency.logNormal(Duration.ofMillis(80), 0.4, Duration.ofSeconds(2)))
                .fault(0.05, FaultKind.UNAVAILABLE)
                .fault(0.02, Fault.rateLimited(Duration.ofMillis(1500)))
                .fault(0.01, Fault.slowDrip(Duration.ofSeconds(3), 6))
                .quota(new Quota(60, 100_000, 0))
                .build());
  }

  @Test
  void read_jsonTimeline_withBuiltInAndInlinePhases(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("timeline.json");
    Files.writeString(
        file,
        "{\"name\":\"blip\",\"phases\":["
            + "{\"duration\":\"2s\",\"profile\":\"healthy\"},"
            + "{\"duration\":\"PT1S\",\"profile\":{\"name\":\"down\",\"faults\":[{\"kind\":\"internal\",\"probability\":1}]}},"
            + "{\"profile\":\"flaky\"}]}");

    Timeline timeline = (Timeline) Profiles.read(file);

    assertThat(timeline.activeAt(Duration.ofMillis(1999)).name()).isEqualTo("healthy");
    assertThat(timeline.activeAt(Duration.ofSeconds(2)).name()).isEqualTo("down");
    assertThat(timeline.activeAt(Duration.ofSeconds(3))).isEqualTo(Profiles.FLAKY);
    assertThat(timeline.activeAt(Duration.ofDays(3))).isEqualTo(Profiles.FLAKY);
  }

  @Test
  void repeatingTimeline_startsOverAfterItsLastPhase() {
    Timeline timeline =
        (Timeline)
            Profiles.parse(
                """
                name: wave
                repeat: true
                phases:
                  - {duration: 1s, profile: healthy}
                  - {duration: 2s, profile: outage}
                """);

    assertThat(timeline.activeAt(Duration.ofMillis(500)).name()).isEqualTo("healthy");
    assertThat(timeline.activeAt(Duration.ofMillis(2500)).name()).isEqualTo("outage");
    assertThat(timeline.activeAt(Duration.ofMillis(3500)).name()).isEqualTo("healthy");
  }

  @Test
  void parse_unknownSetting_isRejectedByPath() {
    assertThatThrownBy(() -> Profiles.parse("name: x\nfaults:\n  - kind: hang\n    probablity: 0.1\n"))
        .hasMessageContaining("unknown setting 'faults[0].probablity'");
  }

  @Test
  void parse_probabilityOutOfRange_namesTheSettingAndValue() {
    assertThatThrownBy(() -> Profiles.parse("name: x\nfaults:\n  - {kind: hang, probability: 1.5}\n"))
        .hasMessageContaining("faults[0]")
        .hasMessageContaining("must be in [0, 1], was 1.5");
  }

  @Test
  void parse_probabilitiesAboveOne_areRejected() {
    assertThatThrownBy(
            () ->
                Profiles.parse(
                    "name: x\nfaults:\n  - {kind: hang, probability: 0.6}\n  - {kind: internal, probability: 0.6}\n"))
        .hasMessageContaining("must add up to at most 1, was 1.2");
  }

  @Test
  void parse_unknownFaultKind_listsTheKinds() {
    assertThatThrownBy(() -> Profiles.parse("name: x\nfaults:\n  - {kind: explode, probability: 0.1}\n"))
        .hasMessageContaining("unknown fault kind 'explode'")
        .hasMessageContaining("connection-reset");
  }

  @Test
  void parse_badDuration_namesTheSetting() {
    assertThatThrownBy(() -> Profiles.parse("name: x\nlatency: {distribution: fixed, delay: soon}\n"))
        .hasMessageContaining("latency.delay")
        .hasMessageContaining("not a duration: 'soon'");
  }

  @Test
  void parse_lastPhaseWithDuration_explainsThatItLastsForEver() {
    assertThatThrownBy(
            () ->
                Profiles.parse(
                    "name: t\nphases:\n  - {duration: 1s, profile: healthy}\n  - {duration: 1s, profile: outage}\n"))
        .hasMessageContaining("phases[1].duration must be omitted");
  }

  @Test
  void parse_timelineNamingATimeline_isRejected() {
    assertThatThrownBy(
            () -> Profiles.parse("name: t\nphases:\n  - {profile: outage-then-recovery}\n"))
        .hasMessageContaining("phases[0].profile must name a steady profile");
  }

  @Test
  void parse_invalidYaml_saysSo() {
    assertThatThrownBy(() -> Profiles.parse("name: [x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not valid YAML");
  }

  @Test
  void read_namesTheFileInErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yml");
    Files.writeString(file, "name: x\nquota: {requestsPerMinute: -1}\n");

    assertThatThrownBy(() -> Profiles.read(file))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("requestsPerMinute must not be negative");
  }

  @Test
  void faultFor_laysFaultsOutInSlicesInOrder() {
    FaultProfile profile =
        FaultProfile.builder("p").fault(0.2, FaultKind.HANG).fault(0.3, FaultKind.INTERNAL).build();

    assertThat(profile.faultFor(0.0)).isEqualTo(Fault.of(FaultKind.HANG));
    assertThat(profile.faultFor(0.1999)).isEqualTo(Fault.of(FaultKind.HANG));
    assertThat(profile.faultFor(0.2)).isEqualTo(Fault.of(FaultKind.INTERNAL));
    assertThat(profile.faultFor(0.4999)).isEqualTo(Fault.of(FaultKind.INTERNAL));
    assertThat(profile.faultFor(0.5)).isNull();
  }

  @Test
  void toBuilder_derivesANewProfile() {
    FaultProfile slower = Profiles.FLAKY.toBuilder().latency(Latency.fixed(Duration.ofSeconds(1))).build();

    assertThat(slower.faults()).isEqualTo(Profiles.FLAKY.faults());
    assertThat(slower.latency()).isEqualTo(Latency.fixed(Duration.ofSeconds(1)));
  }
}
