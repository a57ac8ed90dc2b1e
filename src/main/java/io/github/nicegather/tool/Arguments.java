package io.github.nicegather.tool;

import io.github.nicegather.IceException;
import io.github.nicegather.IceGatherPolicy;
import io.github.nicegather.IceServer;
import io.github.nicegather.NetworkType;
import io.github.nicegather.SettingEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@link GatherCommand}, checked without creating anything native, so that a
 * typo fails at once and names the option at fault.
 *
 * <p>Immutable. {@link #toString()} never shows the credential.
 *
 * @param urls the {@code --ice-server} URLs in the order given
 * @param username the TURN username, or null
 * @param credential the TURN password, or null; given to every {@code turn:} and {@code turns:} URL
 *     and never printed
 * @param policy the gather policy
 * @param timeout the STUN gather timeout, or null for the library's default
 * @param networkTypes the network types, or empty for the library's default
 * @param json one JSON object per line instead of a table
 * @param help print the help and do nothing else
 */
record Arguments(
    List<String> urls,
    String username,
    String credential,
    IceGatherPolicy policy,
    Duration timeout,
    List<NetworkType> networkTypes,
    boolean json,
    boolean help) {

  static final String SYNOPSIS =
      """
      usage: gather [--ice-server URL]... [--username U] [--credential C]
                    [--policy all|relay|nohost] [--timeout MS]
                    [--network-types udp4,udp6,tcp4,tcp6] [--json] [--help]
      """;

  static final String HELP =
      SYNOPSIS
          + """

      Gathers local ICE candidates once and prints each as it arrives, timed from the start.
      Without --ice-server, ci/gather gathers inside the local NAT bed (ci/bed), as root.

        --ice-server URL     a stun:, stuns:, turn: or turns: URL; repeatable
        --username U         the TURN username, for every turn: and turns: URL
        --credential C       the TURN password, for every turn: and turns: URL; never printed
        --policy P           all (default), relay or nohost
        --timeout MS         how long to wait for the servers, 100..30000 (default 2000)
        --network-types L    comma-separated udp4, udp6, tcp4, tcp6 (default udp4,udp6)
        --json               one JSON object per line instead of a table
        --help               this text

      Exit status: 0 gathering completed, 1 it did not, 2 bad input or a library error.
      """;

  private static final Set<String> FLAGS = Set.of("--json", "--help", "-h");
  private static final Set<String> WITH_VALUE =
      Set.of(
          "--ice-server", "--username", "--credential", "--policy", "--timeout", "--network-types");
  // The range SettingEngine accepts; checked here too so that the message names --timeout.
  private static final long MIN_TIMEOUT_MS = 100;
  private static final long MAX_TIMEOUT_MS = 30_000;

  Arguments {
    urls = List.copyOf(urls);
    networkTypes = List.copyOf(networkTypes);
  }

  /** A command line the user got wrong; the message names the option and the value. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /**
   * Reads a command line; for an option given twice, the last one counts, except {@code
   * --ice-server}, which adds a URL each time.
   *
   * @throws UsageException for an unknown option, a missing value or a bad one
   */
  static Arguments parse(String... args) throws UsageException {
    List<String> urls = new ArrayList<>();
    String username = null;
    String credential = null;
    IceGatherPolicy policy = IceGatherPolicy.ALL;
    Duration timeout = null;
    List<NetworkType> networkTypes = List.of();
    boolean json = false;
    boolean help = false;

    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      String value = null;
      int equals = name.indexOf('=');
      if (name.startsWith("--") && equals > 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      }

      if (FLAGS.contains(name)) {
        if (value != null) {
          throw new UsageException(name + ": takes no value");
        }
        json |= name.equals("--json");
        help |= !name.equals("--json");
        continue;
      }
      if (!WITH_VALUE.contains(name)) {
        throw new UsageException(
            name.startsWith("-")
                ? "unknown option " + name
                : "unexpected argument \"" + name + "\"");
      }
      if (value == null) {
        value = valueAfter(args, i++, name);
      }

      switch (name) {
        case "--ice-server" -> urls.add(value);
        case "--username" -> username = value;
        case "--credential" -> credential = value;
        case "--policy" -> policy = policy(value);
        case "--timeout" -> timeout = timeout(value);
        default -> networkTypes = networkTypes(value);
      }
    }

    return new Arguments(urls, username, credential, policy, timeout, networkTypes, json, help);
  }

  /**
   * One server per URL: the TURN ones with the username and credential, the STUN ones without, as a
   * STUN server asks for none.
   */
  List<IceServer> iceServers() {
    List<IceServer> servers = new ArrayList<>();
    for (String url : urls) {
      String scheme = url.toLowerCase(Locale.ROOT);
      boolean turn = scheme.startsWith("turn:") || scheme.startsWith("turns:");
      servers.add(turn ? IceServer.of(List.of(url), username, credential) : IceServer.of(url));
    }

    return servers;
  }

  /**
   * The settings the options ask for.
   *
   * @throws IceException if the library rejects one of them
   */
  SettingEngine settingEngine() {
    SettingEngine engine = new SettingEngine();
    if (timeout != null) {
      engine.setStunGatherTimeout(timeout);
    }
    if (!networkTypes.isEmpty()) {
      engine.setNetworkTypes(networkTypes.toArray(NetworkType[]::new));
    }

    return engine;
  }

  @Override
  public String toString() {
    String shown = credential == null ? "<none>" : "<redacted>";

    return "Arguments[urls="
        + urls
        + ", username="
        + username
        + ", credential="
        + shown
        + ", policy="
        + policy
        + ", timeout="
        + timeout
        + ", networkTypes="
        + networkTypes
        + ", json="
        + json
        + ", help="
        + help
        + "]";
  }

  // A value that looks like an option is almost always a forgotten one: `--ice-server --json`.
  private static String valueAfter(String[] args, int i, String name) throws UsageException {
    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
      throw new UsageException(name + ": missing value");
    }

    return args[i + 1];
  }

  private static IceGatherPolicy policy(String value) throws UsageException {
    try {
      return IceGatherPolicy.parse(value);
    } catch (IceException e) {
      throw new UsageException("--policy: \"" + value + "\" is not all, relay or nohost");
    }
  }

  private static Duration timeout(String value) throws UsageException {
    long ms;
    try {
      ms = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UsageException(
          "--timeout: \"" + value + "\" is not a whole number of milliseconds");
    }
    if (ms < MIN_TIMEOUT_MS || ms > MAX_TIMEOUT_MS) {
      throw new UsageException(
          "--timeout: " + ms + " is outside " + MIN_TIMEOUT_MS + ".." + MAX_TIMEOUT_MS + " ms");
    }

    return Duration.ofMillis(ms);
  }

  private static List<NetworkType> networkTypes(String value) throws UsageException {
    List<NetworkType> types = new ArrayList<>();
    for (String name : value.split(",", -1)) {
      types.add(networkType(name.trim()));
    }

    return types;
  }

  private static NetworkType networkType(String name) throws UsageException {
    for (NetworkType type : NetworkType.values()) {
      if (type.toString().equalsIgnoreCase(name)) {
        return type;
      }
    }

    throw new UsageException("--network-types: \"" + name + "\" is not udp4, udp6, tcp4 or tcp6");
  }
}
