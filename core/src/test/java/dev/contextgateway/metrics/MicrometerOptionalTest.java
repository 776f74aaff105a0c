package dev.contextgateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is optional: with it hidden from the class path, the metrics classes still load and
 * work, and only the binder fails to load.
 */
class MicrometerOptionalTest {

  @Test
  void metrics_workWithoutMicrometer_onlyTheBinderNeedsIt() throws Exception {
    ClassLoader withoutMicrometer = new WithoutMicrometer(getClass().getClassLoader());

    Class<?> metricsClass = Class.forName(GatewayMetrics.class.getName(), true, withoutMicrometer);
    assertThat(metricsClass.getClassLoader()).isSameAs(withoutMicrometer);
    Object builder = metricsClass.getMethod("builder").invoke(null);
    Object metrics = builder.getClass().getMethod("build").invoke(builder);
    metricsClass.getMethod("recordRequest").invoke(metrics);
    metricsClass.getMethod("recordLlmCall", long.class).invoke(metrics, 1_000L);
    Object snapshot = metricsClass.getMethod("snapshot").invoke(metrics);
    Method requests = snapshot.getClass().getMethod("requests");
    assertThat(requests.invoke(snapshot)).isEqualTo(1L);
    snapshot.getClass().getMethod("toString").invoke(snapshot);
    metricsClass.getMethod("intervalSnapshot").invoke(metrics);

    assertThatThrownBy(() -> Class.forName(GatewayMeterBinder.class.getName(), true, withoutMicrometer))
        .isInstanceOf(NoClassDefFoundError.class)
        .hasMessageContaining("io/micrometer");
  }

  /**
   * Defines this library's metrics classes itself, from the same bytes, and refuses every
   * Micrometer class; everything else comes from the parent.
   */
  private static final class WithoutMicrometer extends ClassLoader {
    WithoutMicrometer(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (name.startsWith("io.micrometer.")) {
          throw new ClassNotFoundException(name);
        }
        if (!name.startsWith("dev.contextgateway.metrics.")) {
          return super.loadClass(name, resolve);
        }
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = define(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }

    private Class<?> define(String name) throws ClassNotFoundException {
      String resource = name.replace('.', '/') + ".class";
      try (InputStream in = getParent().getResourceAsStream(resource)) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
