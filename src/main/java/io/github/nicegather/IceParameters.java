package io.github.nicegather;

import java.util.Objects;

/**
 * The local ICE parameters a peer needs to check candidates: the username fragment and password of
 * RFC 8445 §5.3, and whether this agent is ICE-lite.
 *
 * <p>Immutable and thread-safe. {@link #toString()} hides the password.
 *
 * @param usernameFragment the ufrag, sent in SDP as {@code a=ice-ufrag}; not null
 * @param password the password, sent in SDP as {@code a=ice-pwd}; not null
 * @param iceLite whether this agent implements ICE-lite (RFC 8445 §2.5)
 */
public record IceParameters(String usernameFragment, String password, boolean iceLite) {

  /**
   * Creates the parameters.
   *
   * @param usernameFragment the ufrag; not null
   * @param password the password; not null
   * @param iceLite whether the agent is ICE-lite
   * @throws NullPointerException if the username fragment or password is null
   */
  public IceParameters {
    Objects.requireNonNull(usernameFragment, "usernameFragment");
    Objects.requireNonNull(password, "password");
  }

  /**
   * Returns the parameters with the password replaced by {@code <redacted>}.
   *
   * @return a description safe to log
   */
  @Override
  public String toString() {
    return "IceParameters[usernameFragment="
        + usernameFragment
        + ", password=<redacted>, iceLite="
        + iceLite
        + "]";
  }
}
