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
  void invalidateWorkspace_removesEntriesOfThatWorkspaceAndItsSubfolders_only() {
    Key inA = Key.of("a", "1");
    Key inNested = new Key(Path.of("/ws/a/module"), "2");
    Key inB = Key.of("b", "3");
    Key inAb = Key.of("ab", "4"); // a sibling whose name starts with "a": not inside /ws/a
    cache.put(inA, CONTEXT, "a");
    cache.put(inNested, CONTEXT, "nested");
    cache.put(inB, CONTEXT, "b");
    cache.put(inAb, CONTEXT, "ab");

    cache.invalidateWorkspace(Path.of("/ws/a"));

    assertThat(cache.get(inA, CONTEXT, true)).isEmpty();
    assertThat(cache.get(inNested, CONTEXT, true)).isEmpty();
    assertThat(cache.get(inB, CONTEXT, true)).isPresent();
    assertThat(cache.get(inAb, CONTEXT, true)).isPresent();
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
}
