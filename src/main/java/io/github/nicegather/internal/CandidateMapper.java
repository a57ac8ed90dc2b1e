package io.github.nicegather.internal;

import io.github.nicegather.IceCandidate;
import io.github.nicegather.IceCandidateType;
import io.github.nicegather.IceGatherPolicy;
import io.github.nicegather.IceProtocol;
import io.github.nicegather.NetworkType;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns libnice's candidates into the API's, applying what the engine does not: the gather policy,
 * the network types, and keeping the host address out of sight under the policies that promise to
 * hide it. One mapper per gatherer; not thread-safe (the gatherer's lock guards it).
 */
public final class CandidateMapper {
  /** RFC 6544 section 4.5: active TCP candidates are advertised with the discard port. */
  private static final int DISCARD_PORT = 9;

  private final IceGatherPolicy policy;
  private final Set<NetworkType> networkTypes;
  private final Set<String> seen = new HashSet<>();

  public CandidateMapper(IceGatherPolicy policy, Set<NetworkType> networkTypes) {
    this.policy = policy;
    this.networkTypes = networkTypes;
  }

  /** The candidate to show, or null when it is filtered out or was already shown. */
  public IceCandidate map(NativeCandidate c) {
    IceCandidateType type = type(c.type());
    IceProtocol protocol = c.transport() == NativeCandidate.UDP ? IceProtocol.UDP : IceProtocol.TCP;

    if (!allowedByPolicy(type) || !allowedByNetwork(type, protocol, c.isIpv6())) {
      return null;
    }
    // libnice derives TCP srflx candidates from UDP mappings: no NAT ever mapped those ports.
    if (type == IceCandidateType.SRFLX && protocol == IceProtocol.TCP) {
      return null;
    }

    String tcpType = tcpType(c.transport());
    int port = "active".equals(tcpType) && c.port() == 0 ? DISCARD_PORT : c.port();
    if (!seen.add(type + " " + protocol + " " + c.address() + " " + port + " " + tcpType)) {
      return null;
    }

    String relatedAddress = null;
    int relatedPort = 0;
    if (type != IceCandidateType.HOST) {
      boolean hide = policy != IceGatherPolicy.ALL;
      relatedAddress = hide ? (c.isIpv6() ? "::" : "0.0.0.0") : c.baseAddress();
      relatedPort = hide ? 0 : c.basePort();
    }

    return new IceCandidate(
        c.foundation(),
        c.priority(),
        c.address(),
        protocol,
        port,
        type,
        c.component(),
        relatedAddress,
        relatedPort,
        tcpType);
  }

  private boolean allowedByPolicy(IceCandidateType type) {
    return switch (policy) {
      case ALL -> true;
      case NO_HOST -> type != IceCandidateType.HOST;
      case RELAY -> type == IceCandidateType.RELAY;
    };
  }

  private boolean allowedByNetwork(IceCandidateType type, IceProtocol protocol, boolean ipv6) {
    if (type == IceCandidateType.RELAY) {
      // A relay is UDP whatever carries it to the server; only its family has to be wanted.
      return networkTypes.stream().anyMatch(n -> n.isIpv6() == ipv6);
    }

    return networkTypes.contains(NetworkType.of(protocol, ipv6));
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
