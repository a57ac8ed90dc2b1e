package io.github.nicegather.internal;

import io.github.nicegather.IceAddressRewriteRule;
import io.github.nicegather.IceCredentialType;
import io.github.nicegather.IceException;
import io.github.nicegather.IceException.Reason;
import io.github.nicegather.IceGatherOptions;
import io.github.nicegather.IceServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks {@link IceGatherOptions} and the address rewrite rules as a whole, so that a caller learns
 * about every bad input at once rather than one per attempt.
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
   * What {@link #check} accepted: the parsed server URLs and the checked rewrite rules.
   *
   * <p>Immutable and thread-safe.
   *
   * @param urls the parsed URLs, in server order and then URL order
   * @param rules the normalised address rewrite rules; not null
   */
  public record Checked(List<ServerUrl> urls, RewriteRules rules) {
    /**
     * Copies the URLs.
     *
     * @param urls the parsed URLs; not null, no nulls
     * @param rules the checked rules; not null
     */
    public Checked {
      urls = List.copyOf(urls);
    }
  }

  /**
   * Validates the options and parses every server URL.
   *
   * @param options the options; null is reported as a problem
   * @return the parsed URLs, in server order and then URL order; immutable
   * @throws IceException listing every problem found, with the reason of the first one; no message
   *     contains a credential
   */
  public static List<ServerUrl> validate(IceGatherOptions options) {
    return check(options, List.of()).urls();
  }

  /**
   * Validates the options and the address rewrite rules together, parses every server URL and
   * normalises the rules.
   *
   * @param options the options; null is reported as a problem
   * @param rules the rewrite rules, as {@code SettingEngine} holds them; null means none
   * @return the parsed URLs and the checked rules
   * @throws IceException listing every problem found, those of the options first and then those of
   *     the rules in rule order, with the reason of the first one; no message contains a credential
   */
  public static Checked check(IceGatherOptions options, List<IceAddressRewriteRule> rules) {
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

    List<String> ruleProblems = new ArrayList<>();
    RewriteRules checked =
        RewriteRules.validate(
            rules == null ? List.of() : rules, options.gatherPolicy(), ruleProblems);
    ruleProblems.forEach(problem -> config.report(Reason.INVALID_OPTION, problem));

    if (config.firstReason != null) {
      throw IceException.of(config.firstReason, config.problems);
    }

    return new Checked(config.urls, checked);
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

    if (turn && !oauth) {
      checkLength(where + ".username", server.username());
      checkLength(where + ".credential", server.credential());
    }
    if (oauth && turn) {
      report(
          Reason.UNSUPPORTED,
          where
              + ": OAuth credentials are not supported: libnice authenticates TURN with"
              + " long-term credentials only (RFC 8489 §9.2)");
    }
  }

  /** libnice refuses TURN credentials beyond 256 bytes; says so without showing the value. */
  private void checkLength(String field, String value) {
    int bytes = value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > IceCredentials.MAX_LENGTH) {
      report(
          Reason.INVALID_OPTION,
          field + ": " + bytes + " bytes, libnice takes at most " + IceCredentials.MAX_LENGTH);
    }
  }

  private void report(Reason reason, String problem) {
    if (firstReason == null) {
      firstReason = reason;
    }
    problems.add(problem);
  }
}
