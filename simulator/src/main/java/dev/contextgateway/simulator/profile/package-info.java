/**
 * Fault profiles: what the simulator does to the requests it receives. A {@link
 * dev.contextgateway.simulator.profile.FaultProfile} combines a {@link
 * dev.contextgateway.simulator.profile.Latency}, weighted {@link
 * dev.contextgateway.simulator.profile.Fault}s and an optional {@link
 * dev.contextgateway.simulator.profile.Quota}; a {@link
 * dev.contextgateway.simulator.profile.Timeline} strings fault profiles into phases by elapsed
 * time. {@link dev.contextgateway.simulator.profile.Profiles} holds the built-in profiles and reads
 * and writes the JSON/YAML file format.
 *
 * <p>Every type here is immutable and thread-safe.
 */
@NullMarked
package dev.contextgateway.simulator.profile;

import org.jspecify.annotations.NullMarked;
