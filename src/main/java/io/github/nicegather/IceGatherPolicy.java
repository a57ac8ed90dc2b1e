package io.github.nicegather;

import io.github.nicegather.internal.Json;

/**
 * Which kinds of local candidate a gatherer offers: the W3C {@code RTCIceTransportPolicy} values
 * plus Pion's {@code nohost}.
 *
 * <p>Immutable and thread-safe.
 */
public enum IceGatherPolicy {
  /** Host, server-reflexive and relay candidates. */
  ALL("all"),

  /** Relay candidates only, so that no address of this host reaches the peer. */
  RELAY("relay"),

  /** Server-reflexive and relay candidates: the addresses of local interfaces stay private. */
  NO_HOST("nohost");

  private final String text;

  IceGatherPolicy(String text) {
    this.text = text;
  }

  /**
   * Reads a policy from its string form, ignoring case.
   *
   * @param text {@code "all"}, {@code "relay"} or {@code "nohost"}; may be null, which is rejected
   * @return the policy named by {@code text}
   * @throws IceException with reason {@link IceException.Reason#INVALID_OPTION} naming the value
   *     when it is none of the three
   */
  public static IceGatherPolicy parse(String text) {
    for (IceGatherPolicy policy : values()) {
      if (policy.text.equalsIgnoreCase(text)) {
        return policy;
      }
    }

    throw new IceException(
        IceException.Reason.INVALID_OPTION,
        "gatherPolicy: unknown value " + Json.quote(text) + ", expected all, relay or nohost");
  }

  /**
   * Returns the string form used by W3C WebRTC and Pion.
   *
   * @return {@code "all"}, {@code "relay"} or {@code "nohost"}
   */
  @Override
  public String toString() {
    return text;
  }
}
