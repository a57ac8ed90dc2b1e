package io.github.nicegather.internal;

import io.github.nicegather.IceAddressRewriteMode;
import io.github.nicegather.IceCandidate;
import io.github.nicegather.IceCandidateType;
import io.github.nicegather.IceGatherPolicy;
import io.github.nicegather.IceProtocol;
import io.github.nicegather.NetworkType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns libnice's candidates into the API's, applying what the engine does not: address rewrite
 * rules, the gather policy, the network types, and keeping the host address out of sight under the
 * policies that promise to hide it. Rewriting works on what the engine gathered; its sockets are
 * untouched, so a rewritten candidate shares its local candidate's port.
 *
 * <p>One mapper per gatherer; not thread-safe (the gatherer's lock guards it).
 */
public final class CandidateMapper {
  /** RFC 6544 section 4.5: active TCP candidates are advertised with the discard port. */
  private static final int DISCARD_PORT = 9;

  /** libnice's type preferences (RFC 8445 section 5.1.2.2): host 120, server-reflexive 100. */
  private static final long HOST_TO_SRFLX = (120L - 100L) << 24;

  private final IceGatherPolicy policy;
  private final Set<NetworkType> networkTypes;
  private final RewriteRules rules;
  private final Map<String, String> interfaces = new HashMap<>();
  private final Set<String> seen = new HashSet<>();

  public CandidateMapper(
      IceGatherPolicy policy, Set<NetworkType> networkTypes, RewriteRules rules) {
    this.policy = policy;
    this.networkTypes = networkTypes;
    this.rules = rules;
  }

  /** Tells the mapper which interface carries each bound address, for rules scoped by iface. */
  public void bound(List<LocalAddress> addresses) {
    addresses.forEach(a -> interfaces.put(a.ip(), a.iface()));
  }

  /** The candidates to show for one of libnice's, in order: none, one, or several. */
  public List<IceCandidate> map(NativeCandidate c) {
    List<IceCandidate> produced = new ArrayList<>();
    IceCandidateType type = type(c.type());

    if (type == IceCandidateType.HOST) {
      rewriteHost(c, produced);
    } else if (!replacedByRule(c)) {
      produced.add(candidate(c, type, c.address(), c.priority(), c.foundation()));
    }

    return produced.stream().filter(this::shown).toList();
  }

  private void rewriteHost(NativeCandidate c, List<IceCandidate> out) {
    String iface = interfaces.get(c.address());
    RewriteRules.Match host = rules.host(c.address(), iface);

    if (host == null || host.mode() == IceAddressRewriteMode.APPEND) {
      out.add(candidate(c, IceCandidateType.HOST, c.address(), c.priority(), c.foundation()));
    }
    if (host != null) {
      host.externals()
          .forEach(
              external ->
                  out.add(
                      candidate(c, IceCandidateType.HOST, external, c.priority(), c.foundation())));
    }

    RewriteRules.Match srflx =
        c.transport() == NativeCandidate.UDP ? rules.srflx(c.address(), iface) : null;
    if (srflx == null) {
      return;
    }
    // As if a server had mapped the base to each external address, keeping the port (1:1 NAT).
    String foundation = "r" + srflx.ruleIndex() + "h" + c.foundation();
    for (String external : srflx.externals()) {
      out.add(
          new IceCandidate(
              foundation,
              c.priority() - HOST_TO_SRFLX,
              external,
              IceProtocol.UDP,
              c.port(),
              IceCandidateType.SRFLX,
              c.component(),
              related(c.address(), c),
              related(c),
              null));
    }
  }

  /**
   * Whether a srflx rule REPLACE owns this srflx candidate's base. Decided from the base alone:
   * libnice may report a STUN answer before the host candidate it belongs to.
   */
  private boolean replacedByRule(NativeCandidate c) {
    if (c.type() != NativeCandidate.SRFLX) {
      return false;
    }
    RewriteRules.Match srflx = rules.srflx(c.baseAddress(), interfaces.get(c.baseAddress()));

    return srflx != null && srflx.mode() == IceAddressRewriteMode.REPLACE;
  }

  private IceCandidate candidate(
      NativeCandidate c, IceCandidateType type, String address, long priority, String foundation) {
    IceProtocol protocol = c.transport() == NativeCandidate.UDP ? IceProtocol.UDP : IceProtocol.TCP;
    String tcpType = tcpType(c.transport());
    int port = "active".equals(tcpType) && c.port() == 0 ? DISCARD_PORT : c.port();
    boolean host = type == IceCandidateType.HOST;

    return new IceCandidate(
        foundation,
        priority,
        address,
        protocol,
        port,
        type,
        c.component(),
        host ? null : related(c.baseAddress(), c),
        host ? 0 : related(c),
        tcpType);
  }

  /** The base, unless the policy promises not to reveal host addresses. */
  private String related(String base, NativeCandidate c) {
    return policy == IceGatherPolicy.ALL ? base : (c.isIpv6() ? "::" : "0.0.0.0");
  }

  private int related(NativeCandidate c) {
    return policy == IceGatherPolicy.ALL ? c.basePort() : 0;
  }

  private boolean shown(IceCandidate c) {
    boolean allowed =
        switch (policy) {
          case ALL -> true;
          case NO_HOST -> c.type() != IceCandidateType.HOST;
          case RELAY -> c.type() == IceCandidateType.RELAY;
        };
    // libnice derives TCP srflx candidates from UDP mappings: no NAT ever mapped those ports.
    boolean invented = c.type() == IceCandidateType.SRFLX && c.protocol() == IceProtocol.TCP;
    String key =
        c.type() + " " + c.protocol() + " " + c.address() + " " + c.port() + " " + c.tcpType();

    return allowed && !invented && wantedNetwork(c) && seen.add(key);
  }

  private boolean wantedNetwork(IceCandidate c) {
    boolean ipv6 = c.address().indexOf(':') >= 0;
    if (c.type() == IceCandidateType.RELAY) {
      // A relay is UDP whatever carries it to the server; only its family has to be wanted.
      return networkTypes.stream().anyMatch(n -> n.isIpv6() == ipv6);
    }

    return networkTypes.contains(NetworkType.of(c.protocol(), ipv6));
  }

  private static IceCandidateType type(int nativeType) {
    return switch (nativeType) {
      case NativeCandidate.HOST -> IceCandidateType.HOST;
      case NativeCandidate.SRFLX -> IceCandidateType.SRFLX;
      case NativeCandidate.PRFLX -> IceCandidateType.PRFLX;
      default -> IceCandidateType.RELAY;
    };
  }

  private static String tcpType(int transport) {
    return switch (transport) {
      case NativeCandidate.TCP_ACTIVE -> "active";
      case NativeCandidate.TCP_PASSIVE -> "passive";
      case NativeCandidate.TCP_SO -> "so";
      default -> null;
    };
  }
}
