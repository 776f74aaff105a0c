package dev.contextgateway.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.contextgateway.time.FakeTime;
import dev.contextgateway.workspace.DiscoveryResult.Completion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDiscovererTest {
  @TempDir Path root;

  private final FileDiscoverer discoverer = FileDiscoverer.builder().build();

  @Test
  void discover_ranksFilesMatchingTheQueryFirst() throws IOException {
    write("src/Cache.java", "class Cache { void evict() {} void evict(int n) {} }");
    write("src/Parser.java", "class Parser { void parse() {} }");
    write("README.md", "A project. Eviction is mentioned once: evict.");

    DiscoveryResult result = discoverer.discover(root, "evict");

    assertThat(paths(result)).containsExactly("src/Cache.java", "README.md", "src/Parser.java");
    assertThat(result.candidates().get(0).score()).isGreaterThan(result.candidates().get(1).score());
    assertThat(result.candidates().get(2).score()).isZero();
    assertThat(result.completion()).isEqualTo(Completion.COMPLETE);
    assertThat(result.filesScanned()).isEqualTo(3);
  }

  @Test
  void discover_queryTermInPath_outranksSameTermInContentOnly() throws IOException {
    write("session/RelevanceTracker.java", "class Tracker {}");
    write("util/Notes.java", "// tracker");

    DiscoveryResult result = discoverer.discover(root, "tracker");

    assertThat(paths(result)).first().isEqualTo("session/RelevanceTracker.java");
  }

  @Test
  void discover_camelCaseIdentifiers_matchTheirWords() throws IOException {
    write("A.java", "void getOrGenerate() {}");
    write("B.java", "void unrelated() {}");

    DiscoveryResult result = discoverer.discover(root, "generate");

    assertThat(paths(result)).first().isEqualTo("A.java");
    assertThat(result.candidates().get(0).score()).isPositive();
  }

  @Test
  void discover_returnsContentAndTokenEstimate() throws IOException {
    write("a.txt", "12345");

    Candidate candidate = discoverer.discover(root, "x").candidates().get(0);

    assertThat(candidate.path()).isEqualTo(Path.of("a.txt"));
    assertThat(candidate.content()).isEqualTo("12345");
    assertThat(candidate.estimatedTokens()).isEqualTo(2);
    assertThat(FileDiscoverer.estimateTokens("")).isZero();
    assertThat(FileDiscoverer.estimateTokens("abcd")).isEqualTo(1);
    assertThat(FileDiscoverer.estimateTokens("abcde")).isEqualTo(2);
  }

  @Test
  void discover_returnsAtMostMaxCandidates_bestFirst() throws IOException {
    for (int i = 0; i < 10; i++) {
      write("f" + i + ".txt", "word ".repeat(i + 1) + "filler ".repeat(20));
    }
    FileDiscoverer top3 = FileDiscoverer.builder().maxCandidates(3).build();

    DiscoveryResult result = top3.discover(root, "word");

    assertThat(paths(result)).containsExactly("f9.txt", "f8.txt", "f7.txt");
    assertThat(result.filesScanned()).isEqualTo(10);
    assertThat(result.estimatedTokens())
        .isEqualTo(result.candidates().stream().mapToLong(Candidate::estimatedTokens).sum());
  }

  @Test
  void discover_boost_isAddedToTheLexicalScore() throws IOException {
    write("a.txt", "alpha");
    write("b.txt", "alpha");
    write("c.txt", "nothing");

    DiscoveryResult result =
        discoverer.discover(
            root, "alpha", path -> path.equals(Path.of("c.txt")) ? 100.0 : path.equals(Path.of("b.txt")) ? 0.5 : 0, null);

    assertThat(paths(result)).containsExactly("c.txt", "b.txt", "a.txt");
    Candidate c = result.candidates().get(0);
    assertThat(c.boost()).isEqualTo(100.0);
    assertThat(c.score()).isEqualTo(100.0);
    assertThat(result.candidates().get(1).score())
        .isEqualTo(result.candidates().get(2).score() + 0.5);
  }

  @Test
  void discover_failingOrNonFiniteBoost_countsAsZeroAndIsCounted() throws IOException {
    write("a.txt", "alpha");
    write("b.txt", "alpha");
    write("c.txt", "alpha");

    DiscoveryResult result =
        discoverer.discover(
            root,
            "alpha",
            path -> {
              if (path.equals(Path.of("a.txt"))) {
                throw new IllegalStateException("tracker down");
              }
              return path.equals(Path.of("b.txt")) ? Double.NaN : 1.0;
            },
            null);

    assertThat(result.boostErrors()).isEqualTo(2);
    assertThat(paths(result)).containsExactly("c.txt", "a.txt", "b.txt");
    assertThat(result.candidates().get(1).boost()).isZero();
  }

  @Test
  void discover_skipsHiddenExcludedBinaryAndLargeFiles_countingEach() throws IOException {
    write("keep.txt", "text");
    write(".env", "SECRET=1");
    write(".git/config", "[core]");
    write("target/classes/A.class", "compiled");
    write("node_modules/x/index.js", "module");
    Files.write(root.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
    write("big.txt", "x".repeat(2_000));
    FileDiscoverer small = FileDiscoverer.builder().maxFileBytes(1_000).build();

    DiscoveryResult result = small.discover(root, "text");

    assertThat(paths(result)).containsExactly("keep.txt");
    assertThat(result.skipped(SkipReason.HIDDEN)).isEqualTo(2);
    assertThat(result.skipped(SkipReason.EXCLUDED_DIRECTORY)).isEqualTo(2);
    assertThat(result.skipped(SkipReason.BINARY)).isEqualTo(1);
    assertThat(result.skipped(SkipReason.TOO_LARGE)).isEqualTo(1);
    assertThat(result.totalSkipped()).isEqualTo(6);
    assertThat(result.filesScanned()).isEqualTo(2);
  }

  @Test
  void discover_fileExactlyAtTheCap_isRead() throws IOException {
    write("edge.txt", "y".repeat(1_000));
    FileDiscoverer small = FileDiscoverer.builder().maxFileBytes(1_000).build();

    DiscoveryResult result = small.discover(root, "y");

    assertThat(result.candidates()).singleElement().satisfies(c -> assertThat(c.content()).hasSize(1_000));
  }

  @Test
  void discover_excludedDirectories_areConfigurable() throws IOException {
    write("target/A.java", "class A");
    write("generated/B.java", "class B");

    DiscoveryResult result =
        FileDiscoverer.builder().excludedDirectories(List.of("generated")).build().discover(root, "class");

    assertThat(paths(result)).containsExactly("target/A.java");
    assertThat(result.skipped(SkipReason.EXCLUDED_DIRECTORY)).isEqualTo(1);
  }

  @Test
  void discover_malformedUtf8_isDecodedWithReplacementCharacters() throws IOException {
    Files.write(root.resolve("latin1.txt"), "caf\u00e9 menu".getBytes(StandardCharsets.ISO_8859_1));

    Candidate candidate = discoverer.discover(root, "menu").candidates().get(0);

    assertThat(candidate.content()).isEqualTo("caf\uFFFD menu");
  }

  @Test
  void discover_symbolicLinks_insideReadOutsideAndBrokenSkipped(@TempDir Path outside) throws IOException {
    write("real.txt", "inside target");
    Files.writeString(outside.resolve("secret.txt"), "outside target");
    Files.createSymbolicLink(root.resolve("inner-link.txt"), root.resolve("real.txt"));
    Files.createSymbolicLink(root.resolve("outer-link.txt"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(root.resolve("outer-dir"), outside);
    Files.createSymbolicLink(root.resolve("broken-link.txt"), root.resolve("missing.txt"));
    Files.createDirectories(root.resolve("sub"));
    Files.createSymbolicLink(root.resolve("inner-dir"), root.resolve("sub"));

    DiscoveryResult result = discoverer.discover(root, "target");

    assertThat(paths(result)).containsExactlyInAnyOrder("real.txt", "inner-link.txt");
    assertThat(result.candidates()).allSatisfy(c -> assertThat(c.content()).isEqualTo("inside target"));
    assertThat(result.skipped(SkipReason.OUTSIDE_ROOT)).isEqualTo(2);
    assertThat(result.skipped(SkipReason.UNREADABLE)).isEqualTo(1);
    assertThat(result.skipped(SkipReason.NOT_REGULAR)).isEqualTo(1);
    Files.delete(root.resolve("outer-dir")); // links out of the temp folder, for a quiet clean-up
  }

  @Test
  void discover_rootThroughALink_walksTheRealRoot(@TempDir Path elsewhere) throws IOException {
    write("a.txt", "alpha");
    Path link = Files.createSymbolicLink(elsewhere.resolve("ws"), root);

    DiscoveryResult result = discoverer.discover(link, "alpha");

    assertThat(paths(result)).containsExactly("a.txt");
    assertThat(result.root()).isEqualTo(root.toRealPath());
    Files.delete(link);
  }

  @Test
  void discover_unreadableFileAndFolder_areCountedNotFatal() throws IOException {
    Path file = write("locked.txt", "alpha");
    Path folder = write("closed/inner.txt", "alpha").getParent();
    write("open.txt", "alpha");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
    try {
      assumeTrue(!Files.isReadable(file), "permissions are not enforced for this user");

      DiscoveryResult result = discoverer.discover(root, "alpha");

      assertThat(paths(result)).containsExactly("open.txt");
      assertThat(result.skipped(SkipReason.UNREADABLE)).isEqualTo(2);
    } finally {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void discover_namedPipe_isSkippedWithoutBlocking() throws Exception {
    write("a.txt", "alpha");
    Path fifo = root.resolve("pipe");
    Process mkfifo;
    try {
      mkfifo =
          new ProcessBuilder("mkfifo", fifo.toString())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is not available");
      return;
    }
    assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");

    DiscoveryResult result = discoverer.discover(root, "alpha");

    assertThat(paths(result)).containsExactly("a.txt");
    assertThat(result.skipped(SkipReason.NOT_REGULAR)).isEqualTo(1);
  }

  @Test
  void discover_maxFiles_stopsTheWalkWithFileLimit() throws IOException {
    for (int i = 0; i < 5; i++) {
      write("f" + i + ".txt", "alpha");
    }

    DiscoveryResult result = FileDiscoverer.builder().maxFiles(3).build().discover(root, "alpha");

    assertThat(result.completion()).isEqualTo(Completion.FILE_LIMIT);
    assertThat(result.filesScanned()).isEqualTo(3);
    assertThat(result.candidates()).hasSize(3);
  }

  @Test
  void discover_maxDepth_doesNotEnterDeeperFolders() throws IOException {
    write("one.txt", "alpha");
    write("a/two.txt", "alpha");
    write("a/b/three.txt", "alpha");

    DiscoveryResult result = FileDiscoverer.builder().maxDepth(2).build().discover(root, "alpha");

    assertThat(paths(result)).containsExactlyInAnyOrder("one.txt", "a/two.txt");
    assertThat(result.skipped(SkipReason.TOO_DEEP)).isEqualTo(1);
    assertThat(result.completion()).isEqualTo(Completion.COMPLETE);
  }

  @Test
  void discover_timeLimitPassing_stopsTheWalkAndReturnsTheBestSeen() throws IOException {
    for (int i = 0; i < 6; i++) {
      write("f" + i + ".txt", "alpha");
    }
    FakeTime time = new FakeTime();
    ChannelOpener real = ChannelOpener.noFollow();
    FileDiscoverer slow =
        FileDiscoverer.builder()
            .ticker(time)
            .opener(
                file -> {
                  time.advanceMillis(10); // every open takes 10 ms of fake time
                  return real.open(file);
                })
            .build();

    DiscoveryResult result = slow.discover(root, "alpha", path -> 0, Duration.ofMillis(25));

    assertThat(result.completion()).isEqualTo(Completion.DEADLINE);
    assertThat(result.filesScanned()).isEqualTo(3);
    assertThat(result.candidates()).hasSize(3);
  }

  @Test
  void discover_zeroTimeLimit_readsNothing() throws IOException {
    write("a.txt", "alpha");

    DiscoveryResult result = discoverer.discover(root, "alpha", path -> 0, Duration.ZERO);

    assertThat(result.completion()).isEqualTo(Completion.DEADLINE);
    assertThat(result.candidates()).isEmpty();
  }

  @Test
  void discover_interruptedThread_stopsAndKeepsTheFlag() throws IOException {
    write("a.txt", "alpha");
    Thread.currentThread().interrupt();
    try {
      DiscoveryResult result = discoverer.discover(root, "alpha");

      assertThat(result.completion()).isEqualTo(Completion.INTERRUPTED);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void discover_emptyQuery_ranksByBoostThenPath() throws IOException {
    write("b.txt", "x");
    write("a.txt", "x");
    write("c.txt", "x");

    DiscoveryResult result =
        discoverer.discover(root, "  ", path -> path.equals(Path.of("c.txt")) ? 1 : 0, null);

    assertThat(paths(result)).containsExactly("c.txt", "a.txt", "b.txt");
  }

  @Test
  void discover_badRoot_failsClearly() throws IOException {
    Path file = write("file.txt", "x");

    assertThatThrownBy(() -> discoverer.discover(file, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workspace root must be a directory");
    assertThatThrownBy(() -> discoverer.discover(root.resolve("missing"), "x"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("workspace root cannot be resolved");
    assertThatThrownBy(() -> discoverer.discover(root, "x", p -> 0, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeLimit must not be negative, was PT-0.001S");
  }

  @Test
  void builder_rejectsBadSettings_namingThem() {
    assertThatThrownBy(() -> FileDiscoverer.builder().maxCandidates(0))
        .hasMessage("maxCandidates must be positive, was 0");
    assertThatThrownBy(() -> FileDiscoverer.builder().maxFiles(-1))
        .hasMessage("maxFiles must be positive, was -1");
    assertThatThrownBy(() -> FileDiscoverer.builder().maxDepth(0))
        .hasMessage("maxDepth must be positive, was 0");
    assertThatThrownBy(() -> FileDiscoverer.builder().maxFileBytes(0))
        .hasMessage("maxFileBytes must be in [1, 67108864], was 0");
    assertThatThrownBy(() -> FileDiscoverer.builder().excludedDirectories(Set.of("a/b")))
        .hasMessage("excludedDirectories must hold plain folder names, was 'a/b'");
  }

  @Test
  void discover_countsAreReportedForEveryReason() throws IOException {
    write("a.txt", "x");

    Map<SkipReason, Long> skipped = discoverer.discover(root, "x").skipped();

    assertThat(skipped).containsOnlyKeys(SkipReason.values()).allSatisfy((reason, count) -> assertThat(count).isZero());
  }

  private Path write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  private static List<String> paths(DiscoveryResult result) {
    return result.candidates().stream()
        .map(c -> c.path().toString().replace('\\', '/'))
        .collect(Collectors.toList());
  }
}
