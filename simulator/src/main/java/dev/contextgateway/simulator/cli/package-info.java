/** The standalone simulator's command line ({@code java -jar gemini-simulator.jar}). */
@NullMarked
package dev.contextgateway.simulator.cli;

import org.jspecify.annotations.NullMarked;
