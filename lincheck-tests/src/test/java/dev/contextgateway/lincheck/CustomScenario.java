package dev.contextgateway.lincheck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import kotlin.Unit;
import kotlin.reflect.KFunction;
import kotlin.reflect.jvm.ReflectJvmMapping;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.DSLScenarioBuilder;
import org.jetbrains.lincheck.datastructures.DSLThreadScenario;

/**
 * A fixed Lincheck scenario, built from Java over Lincheck's scenario DSL: operations are named by
 * method name on the test class, e.g. {@code call("getOrGenerate", 1, 2)}.
 */
final class CustomScenario {
  private final Class<?> testClass;
  private final List<Call> init = new ArrayList<>();
  private final List<List<Call>> threads = new ArrayList<>();
  private final List<Call> post = new ArrayList<>();

  private CustomScenario(Class<?> testClass) {
    this.testClass = testClass;
  }

  static CustomScenario on(Class<?> testClass) {
    return new CustomScenario(testClass);
  }

  static Call call(String operation, Object... arguments) {
    return new Call(operation, arguments);
  }

  CustomScenario init(Call... calls) {
    init.addAll(List.of(calls));
    return this;
  }

  CustomScenario thread(Call... calls) {
    threads.add(List.of(calls));
    return this;
  }

  CustomScenario post(Call... calls) {
    post.addAll(List.of(calls));
    return this;
  }

  ExecutionScenario build() {
    DSLScenarioBuilder builder = new DSLScenarioBuilder();
    if (!init.isEmpty()) {
      builder.initial(part -> add(part, init));
    }
    builder.parallel(
        parallel -> {
          for (List<Call> calls : threads) {
            parallel.thread(part -> add(part, calls));
          }
          return Unit.INSTANCE;
        });
    if (!post.isEmpty()) {
      builder.post(part -> add(part, post));
    }
    return builder.buildScenario();
  }

  private Unit add(DSLThreadScenario part, List<Call> calls) {
    for (Call call : calls) {
      part.actor(function(call.operation()), call.arguments());
    }
    return Unit.INSTANCE;
  }

  private KFunction<?> function(String operation) {
    for (Class<?> type = testClass; type != null; type = type.getSuperclass()) {
      for (Method method : type.getDeclaredMethods()) {
        if (method.getName().equals(operation)) {
          KFunction<?> function = ReflectJvmMapping.getKotlinFunction(method);
          if (function == null) {
            throw new IllegalStateException("no Kotlin view of " + method);
          }
          return function;
        }
      }
    }
    throw new IllegalArgumentException(
        "operation must be a method of " + testClass.getSimpleName() + ", was '" + operation + "'");
  }

  /** One operation call: the operation's method name and its arguments. */
  record Call(String operation, Object... arguments) {}
}
