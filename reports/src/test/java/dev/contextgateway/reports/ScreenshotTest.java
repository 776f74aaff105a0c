package dev.contextgateway.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the fixture report in headless Chromium and checks the screenshot shows the charts: the
 * implementations' line and bar colours are painted. Skipped when no {@code chromium} (Debian's
 * package) or {@code chromium-browser} is on the PATH.
 *
 * <p>The screenshot is kept in {@code target/screenshot/report.png} for a look by eye; Chromium's
 * profile lives there too, outside the JUnit temporary folder, so that helper processes still
 * closing it cannot disturb the folder's deletion.
 */
class ScreenshotTest {

  @TempDir Path temp;

  private static Optional<Path> chromium() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : Pattern.compile(Pattern.quote(File.pathSeparator)).splitAsStream(path).toList()) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  @Test
  void fixtureReport_rendersItsChartsInHeadlessChromium() throws Exception {
    Optional<Path> chromium = chromium();
    assumeTrue(chromium.isPresent(), "chromium is not installed");
    Path index = Reports.generate(GoldenFiles.copyFixtureRun(temp.resolve("run")));
    Path out = Files.createDirectories(Path.of("target", "screenshot"));
    Path png = out.resolve("report.png");
    Files.deleteIfExists(png);

    List<String> command = new ArrayList<>();
    command.add(chromium.get().toString());
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--user-data-dir=" + out.resolve("profile").toAbsolutePath(),
            "--screenshot=" + png.toAbsolutePath(),
            "--window-size=1400,2400",
            index.toUri().toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(out.resolve("chromium.log").toFile())
            .start();
    boolean exited = process.waitFor(120, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    assertThat(exited).as("chromium exited within 120 s").isTrue();
    assertThat(png).as("screenshot written; see chromium.log").isRegularFile();

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1400);
    // the first screen holds the herd-expiry percentile plot: each implementation's line colour
    for (int rgb : new int[] {0xe15759, 0xf28e2b, 0x4e79a7, 0x59a14f}) {
      assertThat(pixels(image, rgb)).as("pixels of colour %06x", rgb).isGreaterThan(50);
    }
    // and the targets' met (green) and missed (red) cells
    assertThat(pixels(image, 0xe3f4e1)).isGreaterThan(500);
    assertThat(pixels(image, 0xfbe3e3)).isGreaterThan(500);
  }

  private static int pixels(BufferedImage image, int rgb) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (close(image.getRGB(x, y) & 0xffffff, rgb)) {
          count++;
        }
      }
    }
    return count;
  }

  private static boolean close(int a, int b) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > 6) {
        return false;
      }
    }
    return true;
  }
}
