package io.github.nicegather;

import io.github.nicegather.internal.Json;
import java.util.Objects;

/**
 * A local candidate (RFC 8445 §5.1): a transport address a peer may try to reach this agent on.
 *
 * <p>Immutable and thread-safe.
 *
 * @param foundation groups candidates of the same type, base and server, so that their checks can
 *     be frozen together (RFC 8445 §5.1.1.3); 1 to 32 ice-chars
 * @param priority the candidate's priority (RFC 8445 §5.1.2), 0 to 2<sup>32</sup>-1
 * @param address the IP address of the transport address, or an mDNS name; IPv6 without brackets,
 *     possibly with a {@code %zone}; not null
 * @param protocol the transport protocol; not null
 * @param port the port of the transport address, 0 to 65535
 * @param type host, server-reflexive, peer-reflexive or relayed (RFC 8445 §5.1.1); not null
 * @param component the component ID, 1 to 256; 1 (RTP) for everything this library gathers
 * @param relatedAddress the address this candidate was derived from, for server-reflexive and
 *     relayed candidates ({@code rel-addr}, RFC 8839 §5.1); null for host candidates
 * @param relatedPort the port that goes with {@code relatedAddress}; 0 when there is none
 * @param tcpType for TCP, {@code "active"}, {@code "passive"} or {@code "so"} (RFC 6544 section
 *     4.5); null for UDP
 */
public record IceCandidate(
    String foundation,
    long priority,
    String address,
    IceProtocol protocol,
    int port,
    IceCandidateType type,
    int component,
    String relatedAddress,
    int relatedPort,
    String tcpType) {

  /**
   * Creates a candidate, checked so that it can always be written as a valid SDP attribute.
   *
   * @param foundation 1 to 32 ice-chars
   * @param priority 0 to 2<sup>32</sup>-1
   * @param address an IP literal or mDNS name without whitespace; not null
   * @param protocol not null
   * @param port 0 to 65535
   * @param type not null
   * @param component 1 to 256
   * @param relatedAddress an IP literal without whitespace, or null
   * @param relatedPort 0 to 65535
   * @param tcpType {@code "active"}, {@code "passive"} or {@code "so"} for TCP; null for UDP
   * @throws NullPointerException if a component documented as not null is null
   * @throws IllegalArgumentException naming the first component that is out of range
   */
  public IceCandidate {
    requireFoundation(foundation);
    requireToken("address", address);
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(type, "type");
    if (relatedAddress != null) {
      requireToken("relatedAddress", relatedAddress);
    }
    requireRange("priority", priority, 0, 0xFFFF_FFFFL);
    requireRange("port", port, 0, 65_535);
    requireRange("component", component, 1, 256);
    requireRange("relatedPort", relatedPort, 0, 65_535);
    requireTcpType(protocol, tcpType);
  }

  /**
   * Returns the protocol and IP family of this candidate.
   *
   * @return the network type; IPv6 when the address contains a colon
   */
  public NetworkType networkType() {
    return NetworkType.of(protocol, address.indexOf(':') >= 0);
  }

  /**
   * Returns the candidate as the {@code candidate-attribute} of RFC 8839 §5.1, for example {@code
   * candidate:1 1 udp 2130706431 10.0.0.1 5000 typ host}. IPv6 zones are dropped: they mean nothing
   * to the peer.
   *
   * @return the attribute text, starting with {@code candidate:}
   */
  public String toSdp() {
    StringBuilder sdp =
        new StringBuilder("candidate:")
            .append(foundation)
            .append(' ')
            .append(component)
            .append(' ')
            .append(protocol)
            .append(' ')
            .append(priority)
            .append(' ')
            .append(withoutZone(address))
            .append(' ')
            .append(port)
            .append(" typ ")
            .append(type);
    if (relatedAddress != null) {
      sdp.append(" raddr ")
          .append(withoutZone(relatedAddress))
          .append(" rport ")
          .append(relatedPort);
    }
    if (tcpType != null) {
      sdp.append(" tcptype ").append(tcpType);
    }

    return sdp.toString();
  }

  /**
   * Returns the candidate as a W3C {@code RTCIceCandidateInit} for media section 0, with {@code
   * sdpMid "0"} and no username fragment.
   *
   * @return a JSON object
   */
  public String toJson() {
    return toJson("0", 0, null);
  }

  /**
   * Returns the candidate as a W3C {@code RTCIceCandidateInit}.
   *
   * @param sdpMid the media stream identification tag; may be null
   * @param sdpMLineIndex the index of the media section, 0 to 65535
   * @param usernameFragment the ufrag the candidate belongs to; may be null
   * @return a JSON object with keys {@code candidate}, {@code sdpMid}, {@code sdpMLineIndex} and
   *     {@code usernameFragment}
   * @throws IllegalArgumentException if {@code sdpMLineIndex} is out of range
   */
  public String toJson(String sdpMid, int sdpMLineIndex, String usernameFragment) {
    requireRange("sdpMLineIndex", sdpMLineIndex, 0, 65_535);

    return "{\"candidate\":"
        + Json.quote(toSdp())
        + ",\"sdpMid\":"
        + Json.quote(sdpMid)
        + ",\"sdpMLineIndex\":"
        + sdpMLineIndex
        + ",\"usernameFragment\":"
        + Json.quote(usernameFragment)
        + "}";
  }

  /**
   * Describes the candidate the way Pion does, for example {@code udp4 srflx 203.0.113.5:5000
   * related 10.0.0.1:5000}.
   *
   * @return network type, type, address and port, then the related address and TCP type if any
   */
  @Override
  public String toString() {
    StringBuilder text =
        new StringBuilder()
            .append(networkType())
            .append(' ')
            .append(type)
            .append(' ')
            .append(hostPort(address, port));
    if (relatedAddress != null) {
      text.append(" related ").append(hostPort(relatedAddress, relatedPort));
    }
    if (tcpType != null) {
      text.append(" tcptype ").append(tcpType);
    }

    return text.toString();
  }

  private static String hostPort(String host, int port) {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }

  private static String withoutZone(String host) {
    int zone = host.indexOf('%');

    return zone >= 0 && host.indexOf(':') >= 0 ? host.substring(0, zone) : host;
  }

  private static void requireFoundation(String foundation) {
    Objects.requireNonNull(foundation, "foundation");
    boolean iceChars = foundation.chars().allMatch(IceCandidate::isIceChar);
    if (foundation.isEmpty() || foundation.length() > 32 || !iceChars) {
      throw new IllegalArgumentException(
          "foundation: " + Json.quote(foundation) + " is not 1 to 32 ice-chars");
    }
  }

  // RFC 8839 §5.1 / RFC 8445 §5.3: ALPHA / DIGIT / "+" / "/".
  private static boolean isIceChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '/';
  }

  // A space or control character would split or end the SDP line the address is written into.
  private static void requireToken(String name, String value) {
    Objects.requireNonNull(value, name);
    boolean clean =
        value.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    if (value.isEmpty() || !clean) {
      throw new IllegalArgumentException(
          name + ": " + Json.quote(value) + " is empty or contains whitespace");
    }
  }

  private static void requireRange(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + ": " + value + " is outside " + min + ".." + max);
    }
  }

  private static void requireTcpType(IceProtocol protocol, String tcpType) {
    if (protocol == IceProtocol.UDP && tcpType != null) {
      throw new IllegalArgumentException(
          "tcpType: " + Json.quote(tcpType) + " given for a udp candidate");
    }
    boolean known = "active".equals(tcpType) || "passive".equals(tcpType) || "so".equals(tcpType);
    if (protocol == IceProtocol.TCP && !known) {
      throw new IllegalArgumentException(
          "tcpType: " + Json.quote(tcpType) + " is not active, passive or so");
    }
  }
}
