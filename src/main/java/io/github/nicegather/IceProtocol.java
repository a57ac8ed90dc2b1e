package io.github.nicegather;

import java.util.Locale;

/**
 * The transport protocol of a candidate.
 *
 * <p>Immutable and thread-safe.
 */
public enum IceProtocol {
  /** UDP. */
  UDP,

  /** TCP, as ICE-TCP uses it (RFC 6544). */
  TCP;

  /**
   * Returns the lower-case name, as written in an SDP candidate line.
   *
   * @return {@code "udp"} or {@code "tcp"}
   */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
