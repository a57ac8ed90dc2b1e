package io.github.nicegather;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A STUN or TURN server, as W3C {@code RTCIceServer} describes it: one or more URLs sharing one set
 * of credentials.
 *
 * <p>Nothing is checked here; the gatherer factory validates all servers at once and reports every
 * problem together. Immutable and thread-safe. {@link #toString()} never shows the credential.
 *
 * @param urls {@code stun:}, {@code stuns:}, {@code turn:} or {@code turns:} URLs (RFC 7064, RFC
 *     7065); null means none; null entries are kept so that validation can report them
 * @param username the TURN username; may be null for STUN servers
 * @param credential the TURN password; may be null for STUN servers
 * @param credentialType how to read the credential; null means {@link IceCredentialType#PASSWORD}
 */
public record IceServer(
    List<String> urls, String username, String credential, IceCredentialType credentialType) {

  /**
   * Creates a server, copying the URL list.
   *
   * @param urls the URLs; null means none
   * @param username the username; may be null
   * @param credential the credential; may be null
   * @param credentialType the credential type; null means {@link IceCredentialType#PASSWORD}
   */
  public IceServer {
    urls = urls == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(urls));
    credentialType = credentialType == null ? IceCredentialType.PASSWORD : credentialType;
  }

  /**
   * Creates a server without credentials, as STUN servers need.
   *
   * @param urls the server's URLs; null means none
   * @return a server with no username or credential
   */
  public static IceServer of(String... urls) {
    return new IceServer(urls == null ? null : Arrays.asList(urls), null, null, null);
  }

  /**
   * Creates a server with a long-term password, as TURN servers need.
   *
   * @param urls the server's URLs; null means none
   * @param username the username; may be null
   * @param credential the password; may be null
   * @return a server with credential type {@link IceCredentialType#PASSWORD}
   */
  public static IceServer of(List<String> urls, String username, String credential) {
    return new IceServer(urls, username, credential, IceCredentialType.PASSWORD);
  }

  /**
   * Describes the server with the credential shown as {@code <redacted>}, or {@code <none>} when
   * there is none.
   *
   * @return a description safe to log
   */
  @Override
  public String toString() {
    String shown = credential == null || credential.isEmpty() ? "<none>" : "<redacted>";

    return "IceServer[urls="
        + urls
        + ", username="
        + username
        + ", credential="
        + shown
        + ", credentialType="
        + credentialType
        + "]";
  }
}
