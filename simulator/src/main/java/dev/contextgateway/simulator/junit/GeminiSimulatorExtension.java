package dev.contextgateway.simulator.junit;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import dev.contextgateway.simulator.GeminiSimulator;
import dev.contextgateway.simulator.RequestJournal;
import dev.contextgateway.simulator.profile.Profile;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link GeminiSimulator} for JUnit 5 tests.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final GeminiSimulatorExtension GEMINI =
 *     GeminiSimulatorExtension.of(GeminiSimulator.builder().seed(42));
 *
 * @Test
 * void retriesAfterOverload() {
 *   GEMINI.setProfile(Profiles.OUTAGE);
 *   var client = myClient(GEMINI.baseUrl(), GEMINI.apiKey());
 *   ...
 *   assertThat(GEMINI.journal().count(Outcome.UNAVAILABLE)).isEqualTo(3);
 * }
 * }</pre>
 *
 * <p>In a {@code static} field the simulator starts once before the class's tests and stops after
 * them (nested classes share it); in an instance field it starts and stops around each test.
 * Before every test the journal is cleared and the profile and seed the builder gave are
 * restored, so a test's profile switch does not leak into the next. Test methods may also take a
 * {@link GeminiSimulator} parameter.
 *
 * <p>Meant for tests of one class running one at a time: concurrent test methods would reset each
 * other's journal. The accessors are thread-safe and may be used from a test's worker threads.
 */
public final class GeminiSimulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private final GeminiSimulator.Builder builder;
  private final Object lock = new Object();

  @GuardedBy("lock")
  private @Nullable GeminiSimulator simulator;

  @GuardedBy("lock")
  private @Nullable Profile initialProfile;

  @GuardedBy("lock")
  private long initialSeed;

  /** How many test classes using this extension have started and not finished (nesting). */
  @GuardedBy("lock")
  private int classDepth;

  private GeminiSimulatorExtension(GeminiSimulator.Builder builder) {
    this.builder = builder;
  }

  /** An extension running a simulator with the default settings (healthy, seed 0, any port). */
  public static GeminiSimulatorExtension create() {
    return of(GeminiSimulator.builder());
  }

  /**
   * An extension running simulators built by {@code builder}; the builder is used each time the
   * extension starts one and must not be changed afterwards.
   */
  public static GeminiSimulatorExtension of(GeminiSimulator.Builder builder) {
    return new GeminiSimulatorExtension(Objects.requireNonNull(builder, "builder"));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    synchronized (lock) {
      if (classDepth++ == 0) {
        startLocked();
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    synchronized (lock) {
      if (--classDepth == 0) {
        stopLocked();
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    synchronized (lock) {
      if (simulator == null) {
        startLocked();
        return;
      }
      simulator.setProfile(Objects.requireNonNull(initialProfile), initialSeed);
      simulator.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    synchronized (lock) {
      if (classDepth == 0) {
        stopLocked();
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == GeminiSimulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return simulator();
  }

  /**
   * The running simulator.
   *
   * @throws IllegalStateException outside the extension's lifecycle
   */
  public GeminiSimulator simulator() {
    synchronized (lock) {
      if (simulator == null) {
        throw new IllegalStateException(
            "the Gemini simulator runs only during tests; register the extension with"
                + " @RegisterExtension");
      }
      return simulator;
    }
  }

  /** The simulator's base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return simulator().baseUrl();
  }

  /** The API key the simulator accepts. */
  public String apiKey() {
    return simulator().apiKey();
  }

  /** The journal of the current test's requests. */
  public RequestJournal journal() {
    return simulator().journal();
  }

  /** Switches the profile for the rest of the current test. */
  public void setProfile(Profile profile) {
    simulator().setProfile(profile);
  }

  /** Switches the profile and seed for the rest of the current test. */
  public void setProfile(Profile profile, long seed) {
    simulator().setProfile(profile, seed);
  }

  /** Clears the journal and restarts the profile's timeline and quotas. */
  public void reset() {
    simulator().reset();
  }

  @GuardedBy("lock")
  private void startLocked() {
    GeminiSimulator started = builder.build().start();
    simulator = started;
    initialProfile = started.profile();
    initialSeed = started.seed();
  }

  @GuardedBy("lock")
  private void stopLocked() {
    GeminiSimulator running = simulator;
    simulator = null;
    if (running != null) {
      running.close();
    }
  }
}
