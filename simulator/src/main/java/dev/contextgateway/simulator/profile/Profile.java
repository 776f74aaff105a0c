package dev.contextgateway.simulator.profile;

import java.time.Duration;

/**
 * What the simulator does to requests: either one steady {@link FaultProfile} or a {@link
 * Timeline} of them. Time is counted from the moment the profile is activated (set on the
 * simulator, or the simulator reset), on the simulator's injected clock.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface Profile permits FaultProfile, Timeline {

  /** The profile's name, as shown in the journal and on the admin endpoint. */
  String name();

  /** The steady behaviour in force {@code elapsed} after activation. */
  FaultProfile activeAt(Duration elapsed);
}
