package io.github.nicegather;

import java.util.Locale;

/**
 * How the credential of an {@link IceServer} is to be read (W3C {@code RTCIceCredentialType}).
 *
 * <p>Immutable and thread-safe.
 */
public enum IceCredentialType {
  /** A long-term password (RFC 8489 §9.2). */
  PASSWORD,

  /** An OAuth access token (RFC 7635); libnice cannot use it, so TURN servers reject it. */
  OAUTH;

  /**
   * Returns the lower-case name.
   *
   * @return {@code "password"} or {@code "oauth"}
   */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
