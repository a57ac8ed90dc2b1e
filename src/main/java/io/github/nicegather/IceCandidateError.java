package io.github.nicegather;

import io.github.nicegather.internal.Json;
import java.util.Objects;

/**
 * A STUN or TURN server that could not be used while gathering, with the fields of the W3C {@code
 * RTCPeerConnectionIceErrorEvent}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param url the server's URL as configured, or null when the failure concerns no single server
 *     (gathering as a whole could not start); it never carries a credential
 * @param address the local address the failing request was sent from, or null when no single local
 *     socket is to blame or it must not be revealed
 * @param port the local port that goes with {@code address}; 0 when {@code address} is null
 * @param errorCode the STUN error code the server answered (300 to 699, RFC 8489 §14.8), or 701
 *     when the server could not be reached or used at all
 * @param errorText a reason phrase for people; not null
 */
public record IceCandidateError(
    String url, String address, int port, int errorCode, String errorText) {

  /** The W3C code for a server that could not be reached or used. */
  public static final int SERVER_UNREACHABLE = 701;

  /**
   * Creates an error report.
   *
   * @param url the server's URL, or null
   * @param address the local address, or null
   * @param port 0 to 65535; 0 when {@code address} is null
   * @param errorCode 300 to 699, or 701
   * @param errorText the reason phrase; not null
   * @throws NullPointerException if {@code errorText} is null
   * @throws IllegalArgumentException if the port or error code is out of range, or a port is given
   *     without an address
   */
  public IceCandidateError {
    Objects.requireNonNull(errorText, "errorText");
    if (port < 0 || port > 65_535 || (address == null && port != 0)) {
      throw new IllegalArgumentException(
          "port: " + port + " is outside 0..65535 or given without an address");
    }
    if ((errorCode < 300 || errorCode > 699) && errorCode != SERVER_UNREACHABLE) {
      throw new IllegalArgumentException(
          "errorCode: " + errorCode + " is neither 300..699 nor 701");
    }
  }

  /**
   * Returns the error as JSON with the keys {@code url}, {@code address}, {@code port}, {@code
   * errorCode} and {@code errorText}; the port is null when the address is, as in W3C.
   *
   * @return a JSON object
   */
  public String toJson() {
    return "{\"url\":"
        + Json.quote(url)
        + ",\"address\":"
        + Json.quote(address)
        + ",\"port\":"
        + (address == null ? "null" : Integer.toString(port))
        + ",\"errorCode\":"
        + errorCode
        + ",\"errorText\":"
        + Json.quote(errorText)
        + "}";
  }

  /**
   * Describes the error as {@code <code> <url>: <text>}, for example {@code 701
   * turn:10.0.0.1:3478?transport=udp: no response}; without a URL, {@code <code>: <text>}.
   *
   * @return the code, URL and text
   */
  @Override
  public String toString() {
    return errorCode + (url == null ? "" : " " + url) + ": " + errorText;
  }
}
