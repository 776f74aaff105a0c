/** The JUnit 5 extension that runs a {@link dev.contextgateway.simulator.GeminiSimulator} for a test class. */
@NullMarked
package dev.contextgateway.simulator.junit;

import org.jspecify.annotations.NullMarked;
