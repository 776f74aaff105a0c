/**
 * The JMH benchmarks. Each compares the implementations in one run through the {@code impl}
 * parameter (names of {@link dev.contextgateway.benchmarks.subject.Impl}); run them with {@code
 * java -jar benchmarks/target/benchmarks.jar} and JMH's options, or through the suite.
 */
@NullMarked
package dev.contextgateway.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
