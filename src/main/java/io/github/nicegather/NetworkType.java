package io.github.nicegather;

import java.util.Locale;
import java.util.Objects;

/**
 * A transport protocol combined with an IP family, as Pion names them ({@code udp4} etc.).
 *
 * <p>Immutable and thread-safe.
 */
public enum NetworkType {
  /** UDP over IPv4. */
  UDP4(IceProtocol.UDP, false),

  /** UDP over IPv6. */
  UDP6(IceProtocol.UDP, true),

  /** TCP over IPv4. */
  TCP4(IceProtocol.TCP, false),

  /** TCP over IPv6. */
  TCP6(IceProtocol.TCP, true);

  private final IceProtocol protocol;
  private final boolean ipv6;

  NetworkType(IceProtocol protocol, boolean ipv6) {
    this.protocol = protocol;
    this.ipv6 = ipv6;
  }

  /**
   * Returns the network type for a protocol and an IP family.
   *
   * @param protocol the transport protocol; not null
   * @param ipv6 true for IPv6, false for IPv4
   * @return the matching network type
   * @throws NullPointerException if {@code protocol} is null
   */
  public static NetworkType of(IceProtocol protocol, boolean ipv6) {
    Objects.requireNonNull(protocol, "protocol");

    if (protocol == IceProtocol.UDP) {
      return ipv6 ? UDP6 : UDP4;
    }

    return ipv6 ? TCP6 : TCP4;
  }

  /**
   * Returns the transport protocol of this network type.
   *
   * @return UDP or TCP; never null
   */
  public IceProtocol protocol() {
    return protocol;
  }

  /**
   * Tells whether this network type is IPv6.
   *
   * @return true for {@code udp6} and {@code tcp6}
   */
  public boolean isIpv6() {
    return ipv6;
  }

  /**
   * Returns the lower-case name.
   *
   * @return {@code "udp4"}, {@code "udp6"}, {@code "tcp4"} or {@code "tcp6"}
   */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
