package dev.contextgateway.cache;

import static dev.contextgateway.cache.CacheTesting.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contextgateway.cache.CacheTesting.Key;
import dev.contextgateway.time.FakeTime;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Invalidation by key, workspace and all, and no stale resurrection (DESIGN.md I2): a generation
 * that started before an invalidation never installs its value after it, though its own callers
 * still receive it.
 */
class InvalidationTest {
  private final FakeTime time = new FakeTime();
  private final ContextCache<Key, String> cache = CacheTesting.builder(time).build();
  private final ScriptedGenerator<Key> generator = new ScriptedGenerator<>();
  private final Key key = Key.of("a", "query");

  @Test
  void invalidate_removesTheEntry() {
    cache.put(key, CONTEXT, "v1");

    cache.invalidate(key);

    assertThat(cache.get(key, CONTEXT, true)).isEmpty();
    assertThat(cache.stats().of(CONTEXT).removals(RemovalCause.EXPLICIT)).isEqualTo(1);
    assertThat(cache.stats().of(CONTEXT).entries()).isZero();
  }

  @Test
  void generationStartedBeforeInvalidate_servesItsCallers_butDoesNotInstall() {
    CompletableFuture<String> before = cache.getOrGenerate(key, CONTEXT, generator);

    cache.invalidate(key);
    generator.complete("pre-invalidation");

    assertThat(before.join()).isEqualTo("pre-invalidation");
    assertThat(cache.get(key, CONTEXT, true)).isEmpty();
  }

  @Test
  void callAfterInvalidate_startsANewGeneration_andNeverSeesTheOldValue() {
    CompletableFuture<String> before = cache.getOrGenerate(key, CONTEXT, generator);
    cache.invalidate(key);

    CompletableFuture<String> after = cache.getOrGenerate(key, CONTEXT, generator);
    assertThat(generator.calls()).as("the old flight is not joined").isEqualTo(2);

    generator.call(0).complete("old");
    assertThat(after).isNotDone();
    generator.call(1).complete("new");

    assertThat(before.join()).isEqualTo("old");
    assertThat(after.join()).isEqualTo("new");
    assertThat(cache.get(key, CONTEXT, false)).hasValueSatisfying(r -> assertThat(r.value()).isEqualTo("new"));
  }

  @Test
  void oldGenerationFinishingAfterTheNewOne_doesNotOverwriteIt() {
    cache.getOrGenerate(key, CONTEXT, generator);
    cache.invalidate(key);
    CompletableFuture<String> after = cache.getOrGenerate(key, CONTEXT, generator);

    generator.call(1).complete("new");
    generator.call(0).complete("old");

    assertThat(after.join()).isEqualTo("new");
    assertThat(cache.get(key, CONTEXT, false)).hasValueSatisfying(r -> assertThat(r.value()).isEqualTo("new"));
  }

  @Test
  void staleRefreshInFlight_isSupersededByInvalidate() {
    cache.put(key, CONTEXT, "v1");
    time.advance(java.time.Duration.ofMinutes(10)); // stale: the next hit refreshes
    assertThat(cache.getOrGenerate(key, CONTEXT, generator).join()).isEqualTo("v1");
    assertThat(generator.calls()).isEqualTo(1);

    cache.invalidate(key);
    generator.complete("refreshed-before-invalidate");

    assertThat(cache.get(key, CONTEXT, true)).isEmpty();
  }

  @Test
  void invalidateWorkspace_removesEntriesOfThatWorkspace_only() {
    Key inA = Key.of("a", "1");
    Key alsoInA = Key.of("a", "2");
    Key inNested = new Key(Path.of("/ws/a/module"), "3"); // another workspace, served on its own
    Key inB = Key.of("b", "4");
    cache.put(inA, CONTEXT, "a");
    cache.put(alsoInA, CONTEXT, "a2");
    cache.put(inNested, CONTEXT, "nested");
    cache.put(inB, CONTEXT, "b");

    cache.invalidateWorkspace(Path.of("/ws/a"));

    assertThat(cache.get(inA, CONTEXT, true)).isEmpty();
    assertThat(cache.get(alsoInA, CONTEXT, true)).isEmpty();
    assertThat(cache.get(inNested, CONTEXT, true)).isPresent();
    assertThat(cache.get(inB, CONTEXT, true)).isPresent();
    cache.cleanUp();
    assertThat(cache.stats().of(CONTEXT).entries()).isEqualTo(2);
    assertThat(cache.stats().of(CONTEXT).removals(RemovalCause.EXPLICIT)).isEqualTo(2);
  }

  @Test
  void putAfterInvalidateWorkspace_isKept() {
    cache.put(key, CONTEXT, "old");
    cache.invalidateWorkspace(key.workspace());

    cache.put(key, CONTEXT, "new");

    assertThat(cache.get(key, CONTEXT, false)).hasValueSatisfying(r -> assertThat(r.value()).isEqualTo("new"));
  }

  @Test
  void invalidateWorkspace_acceptsUnnormalizedPaths() {
    cache.put(Key.of("a", "1"), CONTEXT, "a");

    cache.invalidateWorkspace(Path.of("/ws/b/../a/."));

    assertThat(cache.get(Key.of("a", "1"), CONTEXT, true)).isEmpty();
  }

  @Test
  void invalidateWorkspace_supersedesGenerationsInThatWorkspace() {
    Key inA = Key.of("a", "1");
    Key inB = Key.of("b", "2");
    CompletableFuture<String> a = cache.getOrGenerate(inA, CONTEXT, generator);
    CompletableFuture<String> b = cache.getOrGenerate(inB, CONTEXT, generator);

    cache.invalidateWorkspace(Path.of("/ws/a"));
    generator.call(0).complete("a-old");
    generator.call(1).complete("b");

    assertThat(a.join()).isEqualTo("a-old");
    assertThat(b.join()).isEqualTo("b");
    assertThat(cache.get(inA, CONTEXT, true)).isEmpty();
    assertThat(cache.get(inB, CONTEXT, true)).isPresent();
  }

  @Test
  void invalidateAll_removesEverything_andSupersedesEveryGeneration() {
    cache.put(Key.of("a", "1"), CONTEXT, "a");
    cache.put(Key.of("b", "2"), CONTEXT, "b");
    CompletableFuture<String> inFlight = cache.getOrGenerate(Key.of("c", "3"), CONTEXT, generator);

    cache.invalidateAll();
    generator.complete("c-old");

    assertThat(inFlight.join()).isEqualTo("c-old");
    assertThat(cache.get(Key.of("a", "1"), CONTEXT, true)).isEmpty();
    assertThat(cache.get(Key.of("b", "2"), CONTEXT, true)).isEmpty();
    assertThat(cache.get(Key.of("c", "3"), CONTEXT, true)).isEmpty();
    assertThat(cache.stats().total().entries()).isZero();
  }

  @Test
  void invalidateWorkspace_withoutWorkspaceFunction_isRejected() {
    ContextCache<String, String> plain =
        ContextCache.builder().types(CONTEXT).executor(Runnable::run).build();

    assertThatThrownBy(() -> plain.invalidateWorkspace(Path.of("/ws")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("workspaceOf");
  }

  @Test
  void put_duringGeneration_isNotOverwrittenByIt() {
    CompletableFuture<String> inFlight = cache.getOrGenerate(key, CONTEXT, generator);

    cache.put(key, CONTEXT, "put");
    generator.complete("generated");

    assertThat(inFlight.join()).isEqualTo("generated");
    assertThat(cache.get(key, CONTEXT, false)).hasValueSatisfying(r -> assertThat(r.value()).isEqualTo("put"));
    assertThat(cache.getOrGenerate(key, CONTEXT, generator).join()).isEqualTo("put");
  }

  /**
   * A generation's completion is paused after its value arrived and before it installs it; each
   * kind of invalidation runs in that window. The install must then not happen. (The first design
   * of the cache lost this race inside the install itself; installs and invalidations now share
   * the key's critical section, and the Lincheck tests explore every interleaving of the two.)
   */
  @Test
  void invalidationDuringTheInstallCompute_leavesNoEntryBehind() throws Exception {
    for (Invalidation invalidation : Invalidation.values()) {
      java.util.concurrent.CountDownLatch insideCompute = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch resume = new java.util.concurrent.CountDownLatch(1);
      PausingTicker ticker = new PausingTicker(time, insideCompute, resume);
      ContextCache<Key, String> paused =
          CacheTesting.builder(time).ticker(ticker).build();
      CompletableFuture<String> gate = new CompletableFuture<>();
      CompletableFuture<String> before = paused.getOrGenerate(key, CONTEXT, k -> gate);

      Thread completer = new Thread(() -> {
        ticker.pauseOn(Thread.currentThread());
        gate.complete("pre-invalidation");
      });
      completer.start();
      assertThat(insideCompute.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      Thread invalidator = new Thread(() -> invalidation.apply(paused, key));
      invalidator.start();
      // Let the invalidation run as far as it can while the install is paused: it either
      // finishes (it did not wait for the compute) or blocks on the compute's lock.
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(30))
          .until(() -> !invalidator.isAlive() || invalidator.getState() == Thread.State.BLOCKED);
      resume.countDown();
      invalidator.join(30_000);
      completer.join(30_000);

      assertThat(before.join()).isEqualTo("pre-invalidation");
      assertThat(paused.get(key, CONTEXT, true)).as(invalidation.name()).isEmpty();
      paused.cleanUp();
      assertThat(paused.stats().total().entries()).as(invalidation.name()).isZero();
    }
  }

  private enum Invalidation {
    KEY {
      @Override
      void apply(ContextCache<Key, String> cache, Key key) {
        cache.invalidate(key);
      }
    },
    WORKSPACE {
      @Override
      void apply(ContextCache<Key, String> cache, Key key) {
        cache.invalidateWorkspace(key.workspace());
      }
    },
    ALL {
      @Override
      void apply(ContextCache<Key, String> cache, Key key) {
        cache.invalidateAll();
      }
    };

    abstract void apply(ContextCache<Key, String> cache, Key key);
  }

  /**
   * Reads the fake time, but on the chosen thread, when read while completing a generation (to
   * stamp its entry), signals and waits once.
   */
  private static final class PausingTicker implements dev.contextgateway.time.Ticker {
    private final FakeTime time;
    private final java.util.concurrent.CountDownLatch insideCompute;
    private final java.util.concurrent.CountDownLatch resume;
    private volatile Thread paused;

    PausingTicker(FakeTime time, java.util.concurrent.CountDownLatch insideCompute, java.util.concurrent.CountDownLatch resume) {
      this.time = time;
      this.insideCompute = insideCompute;
      this.resume = resume;
    }

    void pauseOn(Thread thread) {
      this.paused = thread;
    }

    @Override
    public long read() {
      if (Thread.currentThread() == paused && insideCompute.getCount() > 0 && calledFromCompletion()) {
        insideCompute.countDown();
        try {
          resume.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return time.read();
    }

    private static boolean calledFromCompletion() {
      return java.util.Arrays.stream(Thread.currentThread().getStackTrace())
          .anyMatch(frame -> frame.getClassName().equals(DefaultContextCache.class.getName())
              && frame.getMethodName().equals("settleSucceeded"));
    }
  }
}
