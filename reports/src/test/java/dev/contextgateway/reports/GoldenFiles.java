package dev.contextgateway.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Golden-file helpers: the fixture run, and comparison with expected files under {@code
 * src/test/resources/golden/expected}. Run the tests with {@code -Dgolden.update=true} to rewrite
 * the expected files from the current output (then review the diff).
 */
final class GoldenFiles {

  static final Path SOURCE_ROOT = Path.of("src", "test", "resources", "golden");
  static final Path EXPECTED = SOURCE_ROOT.resolve("expected");

  private GoldenFiles() {}

  /** Copies the fixture run into {@code target}. */
  static Path copyFixtureRun(Path target) throws IOException {
    Path source = SOURCE_ROOT.resolve("run");
    Files.walkFileTree(
        source,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(target.resolve(source.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(
                file,
                target.resolve(source.relativize(file).toString()),
                StandardCopyOption.REPLACE_EXISTING);
            return FileVisitResult.CONTINUE;
          }
        });
    return target;
  }

  /** Asserts that {@code actual} equals the expected file {@code name}, or rewrites it. */
  static void assertMatches(String name, String actual) {
    Path expected = EXPECTED.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(expected.getParent());
        Files.writeString(expected, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(expected).as("golden file %s (run with -Dgolden.update=true to create)", expected).exists();
      assertThat(actual)
          .as("output differs from golden file %s", expected)
          .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
