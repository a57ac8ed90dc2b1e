package io.github.nicegather;

import io.github.nicegather.internal.PortRange;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

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
 * @param rewriteRules the address rewrite rules, unchecked, in declaration order; null means none;
 *     null entries are kept so that validation can report them
 * @param interfaceFilter accepts the interfaces whose addresses may be used; null accepts all
 * @param ipFilter accepts the addresses that may be used; null accepts all
 * @param portRange the local ports host sockets may take; null for any
 * @param ufrag the user's ICE username fragment, or empty to generate one
 * @param password the user's ICE password, or empty to generate one
 */
record Settings(
    Set<NetworkType> networkTypes,
    boolean includeLoopback,
    Duration stunGatherTimeout,
    boolean lite,
    List<IceAddressRewriteRule> rewriteRules,
    Predicate<String> interfaceFilter,
    Predicate<InetAddress> ipFilter,
    PortRange portRange,
    String ufrag,
    String password) {

  /** Copies the network types into an unmodifiable set in declaration order, and the rules. */
  Settings {
    EnumSet<NetworkType> copy = EnumSet.noneOf(NetworkType.class);
    copy.addAll(networkTypes);
    networkTypes = Collections.unmodifiableSet(copy);
    Objects.requireNonNull(stunGatherTimeout, "stunGatherTimeout");
    rewriteRules =
        rewriteRules == null
            ? List.of()
            : Collections.unmodifiableList(new ArrayList<>(rewriteRules));
    Objects.requireNonNull(ufrag, "ufrag");
    Objects.requireNonNull(password, "password");
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "Settings[networkTypes="
        + networkTypes
        + ", lite="
        + lite
        + ", portRange="
        + portRange
        + ", rewriteRules="
        + rewriteRules.size()
        + ", ufrag="
        + ufrag
        + "]";
  }
}
