package io.github.nicegather.internal;

/**
 * A candidate as libnice reported it, before policy, redaction and de-duplication.
 *
 * @param type NG_TYPE_* of nicegather.h
 * @param transport NG_TRANSPORT_* of nicegather.h
 * @param relayIndex for relay candidates, the position of the TURN server in the agent
 */
public record NativeCandidate(
    int type,
    int transport,
    int component,
    long priority,
    String address,
    int port,
    String baseAddress,
    int basePort,
    String foundation,
    int relayIndex) {
  static final int HOST = 0;
  static final int SRFLX = 1;
  static final int PRFLX = 2;
  static final int RELAY = 3;

  static final int UDP = 0;
  static final int TCP_ACTIVE = 1;
  static final int TCP_PASSIVE = 2;
  static final int TCP_SO = 3;

  public boolean isServerReflexive() {
    return type == SRFLX;
  }

  public boolean isRelay() {
    return type == RELAY;
  }

  boolean isIpv6() {
    return address.indexOf(':') >= 0;
  }
}
