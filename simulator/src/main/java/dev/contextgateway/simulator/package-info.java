/**
 * A Gemini API simulator for tests and load runs: {@link
 * dev.contextgateway.simulator.GeminiSimulator} serves {@code generateContent}, {@code
 * streamGenerateContent} and {@code countTokens} on 127.0.0.1 through an embedded WireMock server,
 * applies a {@link dev.contextgateway.simulator.profile.Profile fault profile} reproducibly from a
 * seed, and records every request in a {@link dev.contextgateway.simulator.RequestJournal}.
 */
@NullMarked
package dev.contextgateway.simulator;

import org.jspecify.annotations.NullMarked;
