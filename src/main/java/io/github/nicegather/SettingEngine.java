package io.github.nicegather;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Settings beyond the W3C options, after Pion's {@code SettingEngine}: which networks to gather on,
 * loopback candidates, the STUN wait and ICE-lite.
 *
 * <p>A gatherer factory copies the settings once when it is created; changing the engine later does
 * not affect it. Mutable and not thread-safe: configure it from one thread, then hand it over.
 */
public final class SettingEngine {
  private static final Duration MIN_STUN_TIMEOUT = Duration.ofMillis(100);
  private static final Duration MAX_STUN_TIMEOUT = Duration.ofSeconds(30);

  private final EnumSet<NetworkType> networkTypes = EnumSet.of(NetworkType.UDP4, NetworkType.UDP6);
  private boolean includeLoopbackCandidate;
  // libnice's own wait before it gives up on a server is about this long.
  private Duration stunGatherTimeout = Duration.ofSeconds(2);
  private boolean lite;

  /** Creates an engine with the defaults: UDP4 and UDP6, no loopback, 2 s, full ICE. */
  public SettingEngine() {}

  /**
   * Chooses the network types to gather on; duplicates are ignored.
   *
   * @param types at least one network type, no nulls
   * @throws IceException with reason {@link IceException.Reason#INVALID_OPTION} if none is given or
   *     one is null
   */
  public void setNetworkTypes(NetworkType... types) {
    if (types == null || types.length == 0) {
      throw invalid("networkTypes: at least one network type is required");
    }
    EnumSet<NetworkType> chosen = EnumSet.noneOf(NetworkType.class);
    for (int i = 0; i < types.length; i++) {
      if (types[i] == null) {
        throw invalid("networkTypes[" + i + "]: null");
      }
      chosen.add(types[i]);
    }

    networkTypes.clear();
    networkTypes.addAll(chosen);
  }

  /**
   * Chooses whether loopback addresses become host candidates; off by default, as a peer elsewhere
   * cannot reach them.
   *
   * @param include true to gather on loopback interfaces too
   */
  public void setIncludeLoopbackCandidate(boolean include) {
    includeLoopbackCandidate = include;
  }

  /**
   * Sets how long gathering waits for STUN and TURN servers before it completes without them.
   *
   * @param timeout 100 ms to 30 s inclusive; the default is 2 s
   * @throws IceException with reason {@link IceException.Reason#INVALID_OPTION} naming the value if
   *     it is null or out of range
   */
  public void setStunGatherTimeout(Duration timeout) {
    if (timeout == null) {
      throw invalid("stunGatherTimeout: null, expected 100 ms..30 s");
    }
    if (timeout.compareTo(MIN_STUN_TIMEOUT) < 0 || timeout.compareTo(MAX_STUN_TIMEOUT) > 0) {
      throw invalid("stunGatherTimeout: " + timeout + " is outside 100 ms..30 s");
    }

    stunGatherTimeout = timeout;
  }

  /**
   * Chooses ICE-lite (RFC 8445 §2.5): host candidates only, no STUN or TURN servers.
   *
   * @param lite true for ICE-lite; the default is full ICE
   */
  public void setLite(boolean lite) {
    this.lite = lite;
  }

  /**
   * Returns the network types to gather on.
   *
   * @return an unmodifiable copy in declaration order; never empty
   */
  public Set<NetworkType> networkTypes() {
    return Collections.unmodifiableSet(EnumSet.copyOf(networkTypes));
  }

  /**
   * Tells whether loopback addresses become host candidates.
   *
   * @return true if loopback candidates are included
   */
  public boolean includeLoopbackCandidate() {
    return includeLoopbackCandidate;
  }

  /**
   * Returns how long gathering waits for STUN and TURN servers.
   *
   * @return the timeout; never null
   */
  public Duration stunGatherTimeout() {
    return stunGatherTimeout;
  }

  /**
   * Tells whether the agent is ICE-lite.
   *
   * @return true for ICE-lite
   */
  public boolean lite() {
    return lite;
  }

  /** Returns an immutable copy of the current settings. */
  Settings snapshot() {
    return new Settings(networkTypes, includeLoopbackCandidate, stunGatherTimeout, lite);
  }

  private static IceException invalid(String message) {
    return new IceException(IceException.Reason.INVALID_OPTION, message);
  }
}
