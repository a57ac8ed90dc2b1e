package io.github.nicegather.internal;

import io.github.nicegather.IceCandidateError;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that happens to an agent between {@code gather()} and libnice's own start: host
 * addresses chosen, server names resolved, servers handed over. Names are resolved here, not by
 * libnice: when its own lookup fails it never signals the end of gathering.
 *
 * @param addresses the host addresses bound; gathering cannot start without one
 * @param stun the STUN server handed to libnice, or null
 * @param turnByIndex the TURN servers handed to libnice, by the index relay candidates carry
 * @param errors servers that could not be handed over, and why
 */
public record GatherStart(
    List<LocalAddress> addresses,
    ServerUrl stun,
    Map<Integer, ServerUrl> turnByIndex,
    List<IceCandidateError> errors) {

  /** Configures {@code agent} for gathering; may block in name lookups when a host is a name. */
  public static GatherStart prepare(
      NativeAgent agent, ServerPlan plan, AddressChoice choice, PortRange ports) {
    List<LocalAddress> addresses = LocalAddresses.find(choice);
    List<IceCandidateError> errors = new ArrayList<>();
    boolean hasV4 = addresses.stream().anyMatch(a -> !a.isIpv6());
    boolean hasV6 = addresses.stream().anyMatch(LocalAddress::isIpv6);

    for (LocalAddress address : addresses) {
      agent.addLocalAddress(address.ip());
    }
    if (ports != null) {
      agent.setPortRange(ports.min(), ports.max());
    }

    ServerUrl stun = null;
    if (plan.stun() != null) {
      String ip = address(plan.stun(), hasV4, hasV6, errors);
      if (ip != null) {
        agent.setStunServer(ip, plan.stun().port());
        stun = plan.stun();
      }
    }

    Map<Integer, ServerUrl> turnByIndex = new HashMap<>();
    for (ServerUrl turn : plan.turn()) {
      String ip = address(turn, hasV4, hasV6, errors);
      if (ip != null) {
        boolean tcp = turn.transport() == ServerUrl.Transport.TCP;
        int index = agent.addTurnServer(ip, turn.port(), turn.username(), turn.credential(), tcp);
        turnByIndex.put(index, turn);
      }
    }

    return new GatherStart(
        List.copyOf(addresses), stun, Map.copyOf(turnByIndex), List.copyOf(errors));
  }

  /** The literal to give libnice for {@code url}, or null with an error added. */
  private static String address(
      ServerUrl url, boolean hasV4, boolean hasV6, List<IceCandidateError> errors) {
    InetAddress[] found;
    try {
      // For an IP literal this parses and does no lookup.
      found = InetAddress.getAllByName(url.host());
    } catch (UnknownHostException e) {
      errors.add(ServerPlan.error(url, "host name " + url.host() + " did not resolve"));
      return null;
    }

    for (InetAddress candidate : found) {
      boolean v6 = candidate instanceof Inet6Address;
      if (v6 ? hasV6 : hasV4) {
        return candidate.getHostAddress();
      }
    }

    String family = found[0] instanceof Inet6Address ? "IPv6" : "IPv4";
    errors.add(ServerPlan.error(url, "no local " + family + " address to reach it from"));

    return null;
  }
}
