package io.github.nicegather;

import io.github.nicegather.internal.IceCredentials;
import io.github.nicegather.internal.PortRange;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Settings beyond the W3C options, after Pion's {@code SettingEngine}: which networks to gather on,
 * loopback candidates, the STUN wait, ICE-lite and address rewrite rules.
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
  private List<IceAddressRewriteRule> rewriteRules = List.of();
  private Predicate<String> interfaceFilter;
  private Predicate<InetAddress> ipFilter;
  private PortRange portRange;
  private String ufrag = "";
  private String password = "";

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
   * Replaces the address rewrite rules; calling it with no rules clears them.
   *
   * <p>The rules are checked when a gatherer is created, together with its options, so that every
   * problem is reported at once; a null rule is kept until then and reported by its index.
   *
   * @param rules the rules, in declaration order; none clears them
   * @throws IceException with reason {@link IceException.Reason#INVALID_OPTION} if the array itself
   *     is null
   */
  public void setIceAddressRewriteRules(IceAddressRewriteRule... rules) {
    if (rules == null) {
      throw invalid("rewriteRules: null; call with no rules to clear them");
    }

    rewriteRules = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(rules)));
  }

  /**
   * Keeps only the local addresses of interfaces whose name the filter accepts (all by default).
   * The filter runs when a gatherer starts gathering, on the thread that calls {@code gather()} or
   * on a resolver thread; what it throws fails that gathering.
   *
   * @param filter accepts interface names such as "eth0"; null removes the filter
   */
  public void setInterfaceFilter(Predicate<String> filter) {
    interfaceFilter = filter;
  }

  /**
   * Keeps only the local addresses the filter accepts (all by default); runs like the interface
   * filter, after it.
   *
   * @param filter accepts addresses; null removes the filter
   */
  public void setIpFilter(Predicate<InetAddress> filter) {
    ipFilter = filter;
  }

  /**
   * Limits the local ports of every host socket a gatherer opens (UDP, and TCP when asked) to
   * {@code min..max}, both included. When no port in the range is free, {@code gather()} throws an
   * {@link IceException} (GATHER_FAILED) that names the range.
   *
   * @param min the lowest port, 1..65535; 0 with {@code max} 0 removes the limit
   * @param max the highest port, {@code min}..65535
   * @throws IceException (INVALID_OPTION) naming the bad bound
   */
  public void setEphemeralUdpPortRange(int min, int max) {
    if (min == 0 && max == 0) {
      portRange = null;
      return;
    }
    if (min < 1 || max > 65535 || min > max) {
      throw invalid(
          "ephemeralUdpPortRange: " + min + ".." + max + " is not a range within 1..65535");
    }

    portRange = new PortRange(min, max);
  }

  /**
   * Sets the ICE username fragment and password instead of generated ones. RFC 8445 section 5.3
   * asks for 4 to 256 ice-chars ({@code [A-Za-z0-9+/]}) in the ufrag and 22 to 256 in the password;
   * anything else is refused. An empty or null value means "generate this one".
   *
   * @throws IceException (INVALID_OPTION) naming the rule broken, never showing the password
   */
  public void setIceCredentials(String ufrag, String password) {
    String ufragProblem = IceCredentials.problem("ufrag", ufrag, IceCredentials.MIN_UFRAG);
    String passwordProblem =
        IceCredentials.problem("password", password, IceCredentials.MIN_PASSWORD);
    if (ufragProblem != null || passwordProblem != null) {
      List<String> problems = new ArrayList<>();
      if (ufragProblem != null) {
        problems.add("iceCredentials." + ufragProblem);
      }
      if (passwordProblem != null) {
        problems.add("iceCredentials." + passwordProblem);
      }
      throw IceException.of(IceException.Reason.INVALID_OPTION, problems);
    }

    this.ufrag = ufrag == null ? "" : ufrag;
    this.password = password == null ? "" : password;
  }

  /**
   * Returns the address rewrite rules, unchecked.
   *
   * @return an unmodifiable list in declaration order; empty if none are set; may hold nulls
   */
  public List<IceAddressRewriteRule> iceAddressRewriteRules() {
    return rewriteRules;
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
    return new Settings(
        networkTypes,
        includeLoopbackCandidate,
        stunGatherTimeout,
        lite,
        rewriteRules,
        interfaceFilter,
        ipFilter,
        portRange,
        ufrag,
        password);
  }

  private static IceException invalid(String message) {
    return new IceException(IceException.Reason.INVALID_OPTION, message);
  }
}
