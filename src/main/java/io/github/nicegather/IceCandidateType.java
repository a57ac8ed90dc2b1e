package io.github.nicegather;

import java.util.Locale;

/**
 * The type of a candidate (RFC 8445 §5.1.1).
 *
 * <p>Immutable and thread-safe.
 */
public enum IceCandidateType {
  /** An address of a local interface. */
  HOST,

  /** Server-reflexive: this host's address as a STUN or TURN server saw it, outside a NAT. */
  SRFLX,

  /** Peer-reflexive: learnt from a connectivity check; a gatherer never produces one. */
  PRFLX,

  /** An address allocated on a TURN server, which relays traffic to this host. */
  RELAY;

  /**
   * Returns the name used after {@code typ} in SDP (RFC 8839 §5.1).
   *
   * @return {@code "host"}, {@code "srflx"}, {@code "prflx"} or {@code "relay"}
   */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
