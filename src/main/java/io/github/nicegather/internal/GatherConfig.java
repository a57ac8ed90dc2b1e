package io.github.nicegather.internal;

import io.github.nicegather.IceCredentialType;
import io.github.nicegather.IceException;
import io.github.nicegather.IceException.Reason;
import io.github.nicegather.IceGatherOptions;
import io.github.nicegather.IceServer;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks {@link IceGatherOptions} as a whole, so that a caller learns about every bad input at once
 * rather than one per attempt.
 *
 * <p>Thread-safe: each call collects its problems in an instance of its own.
 */
public final class GatherConfig {
  private static final int MAX_POOL_SIZE = 255;

  private final List<String> problems = new ArrayList<>();
  private final List<ServerUrl> urls = new ArrayList<>();
  private Reason firstReason;

  private GatherConfig() {}

  /**
   * Validates the options and parses every server URL.
   *
   * @param options the options; null is reported as a problem
   * @return the parsed URLs, in server order and then URL order; immutable
   * @throws IceException listing every problem found, with the reason of the first one; no message
   *     contains a credential
   */
  public static List<ServerUrl> validate(IceGatherOptions options) {
    if (options == null) {
      throw new IceException(Reason.INVALID_OPTION, "options: null");
    }

    GatherConfig config = new GatherConfig();
    List<IceServer> servers = options.iceServers();
    for (int i = 0; i < servers.size(); i++) {
      config.checkServer("iceServers[" + i + "]", servers.get(i));
    }
    int poolSize = options.candidatePoolSize();
    if (poolSize < 0 || poolSize > MAX_POOL_SIZE) {
      config.report(
          Reason.INVALID_OPTION,
          "candidatePoolSize: " + poolSize + " is outside 0.." + MAX_POOL_SIZE);
    }

    if (config.firstReason != null) {
      throw IceException.of(config.firstReason, config.problems);
    }

    return List.copyOf(config.urls);
  }

  private void checkServer(String where, IceServer server) {
    if (server == null) {
      report(Reason.INVALID_OPTION, where + ": null");

      return;
    }
    if (server.urls().isEmpty()) {
      report(Reason.INVALID_SERVER_URL, where + ": no URLs");

      return;
    }

    boolean oauth = server.credentialType() == IceCredentialType.OAUTH;
    boolean turn = false;
    for (int j = 0; j < server.urls().size(); j++) {
      String url = server.urls().get(j);
      if (url == null || url.isBlank()) {
        report(Reason.INVALID_SERVER_URL, where + ".urls[" + j + "]: url is empty");
        continue;
      }
      try {
        ServerUrl parsed = ServerUrl.parse(url, server.username(), server.credential());
        urls.add(parsed);
        turn |= parsed.scheme().turn();
      } catch (ServerUrl.MissingCredentialsException e) {
        turn = true;
        // Under OAuth the missing password is a consequence; the OAuth problem below is the cause.
        if (!oauth) {
          report(Reason.MISSING_CREDENTIALS, e.getMessage());
        }
      } catch (IllegalArgumentException e) {
        report(Reason.INVALID_SERVER_URL, e.getMessage());
      }
    }

    if (oauth && turn) {
      report(
          Reason.UNSUPPORTED,
          where
              + ": OAuth credentials are not supported: libnice authenticates TURN with"
              + " long-term credentials only (RFC 8489 §9.2)");
    }
  }

  private void report(Reason reason, String problem) {
    if (firstReason == null) {
      firstReason = reason;
    }
    problems.add(problem);
  }
}
