package io.github.nicegather;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A frozen copy of a {@link SettingEngine}, taken when a gatherer factory is created so that later
 * changes to the engine leave existing gatherers alone.
 *
 * <p>Immutable and thread-safe.
 *
 * @param networkTypes the network types to gather on; not null, not empty
 * @param includeLoopback whether loopback addresses become host candidates
 * @param stunGatherTimeout how long to wait for server-reflexive and relay candidates; not null
 * @param lite whether the agent is ICE-lite
 */
record Settings(
    Set<NetworkType> networkTypes,
    boolean includeLoopback,
    Duration stunGatherTimeout,
    boolean lite) {

  /** Copies the network types into an unmodifiable set in declaration order. */
  Settings {
    EnumSet<NetworkType> copy = EnumSet.noneOf(NetworkType.class);
    copy.addAll(networkTypes);
    networkTypes = Collections.unmodifiableSet(copy);
    Objects.requireNonNull(stunGatherTimeout, "stunGatherTimeout");
  }
}
