package io.github.nicegather.internal;

import java.util.Locale;

/**
 * A parsed {@code stun:}, {@code stuns:}, {@code turn:} or {@code turns:} URL (RFC 7064 §3.1, RFC
 * 7065 §3.1) with the credentials of its server.
 *
 * <p>Parsing never touches the network: host names are only checked for their syntax. Immutable and
 * thread-safe. {@link #toString()} is the URL alone, never the credential.
 *
 * @param url the URL as written; not null
 * @param scheme the scheme; not null
 * @param host a host name or IP literal; IPv6 without brackets; not null
 * @param port the server port, the scheme's default when the URL has none
 * @param transport the transport to the server: from {@code ?transport=} for TURN, otherwise UDP
 *     for plain and TCP for secure schemes
 * @param username the TURN username; may be null for STUN
 * @param credential the TURN password; may be null for STUN
 */
public record ServerUrl(
    String url,
    Scheme scheme,
    String host,
    int port,
    Transport transport,
    String username,
    String credential) {

  /** A URL scheme, lower case in {@link #toString()}. Immutable and thread-safe. */
  public enum Scheme {
    /** STUN over UDP (RFC 7064). */
    STUN(3478),
    /** STUN over TLS (RFC 7064). */
    STUNS(5349),
    /** TURN over UDP or TCP (RFC 7065). */
    TURN(3478),
    /** TURN over TLS or DTLS (RFC 7065). */
    TURNS(5349);

    private final int defaultPort;

    Scheme(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    /**
     * Tells whether the scheme runs over TLS or DTLS.
     *
     * @return true for {@code stuns} and {@code turns}
     */
    public boolean secure() {
      return this == STUNS || this == TURNS;
    }

    /**
     * Tells whether the scheme names a TURN server, which can give relay candidates.
     *
     * @return true for {@code turn} and {@code turns}
     */
    public boolean turn() {
      return this == TURN || this == TURNS;
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The transport to the server, lower case in {@link #toString()}. Immutable, thread-safe. */
  public enum Transport {
    /** UDP, or DTLS under {@code turns}. */
    UDP,
    /** TCP, or TLS under a secure scheme. */
    TCP;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Thrown by {@link #parse} for a TURN URL that lacks a username or credential. */
  public static final class MissingCredentialsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    MissingCredentialsException(String message) {
      super(message);
    }
  }

  private record HostPort(String host, int port) {}

  /**
   * Parses a server URL strictly, without any DNS lookup.
   *
   * @param url the URL; may be null, which is rejected
   * @param username the server's username; may be null
   * @param credential the server's credential; may be null; never copied into a message
   * @return the parsed URL
   * @throws MissingCredentialsException if a TURN URL has no username or no credential
   * @throws IllegalArgumentException with the message {@code <url>: <what is wrong>}, the URL's
   *     control characters and whitespace escaped as {@code \}{@code u00XX}
   */
  public static ServerUrl parse(String url, String username, String credential) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("url is empty");
    }
    if (url.chars().anyMatch(ServerUrl::isUnprintable)) {
      throw invalid(url, "contains whitespace or a control character");
    }
    int colon = url.indexOf(':');
    if (colon < 0) {
      throw invalid(url, "missing scheme");
    }

    Scheme scheme = scheme(url, url.substring(0, colon));
    String rest = url.substring(colon + 1);
    if (rest.startsWith("//")) {
      // RFC 7064 and RFC 7065 define no authority form; "stun://h" is a common slip.
      throw invalid(url, "\"//\" is not allowed, the form is " + scheme + ":host[:port]");
    }
    int question = rest.indexOf('?');
    String query = question < 0 ? null : rest.substring(question + 1);
    HostPort hostPort = hostPort(url, question < 0 ? rest : rest.substring(0, question), scheme);
    Transport transport = transport(url, scheme, query);
    if (scheme.turn() && (isEmpty(username) || isEmpty(credential))) {
      throw new MissingCredentialsException(
          printable(url) + ": TURN needs a username and a credential");
    }

    return new ServerUrl(
        url, scheme, hostPort.host(), hostPort.port(), transport, username, credential);
  }

  /**
   * Tells whether the host is an IP literal, so that no name has to be resolved.
   *
   * @return true for an IPv4 or IPv6 literal
   */
  public boolean hostIsLiteral() {
    return host.indexOf(':') >= 0 || HostSyntax.isIpv4Literal(host);
  }

  /**
   * Returns the URL as written, without the credential.
   *
   * @return {@link #url()}
   */
  @Override
  public String toString() {
    return url;
  }

  private static Scheme scheme(String url, String name) {
    for (Scheme scheme : Scheme.values()) {
      if (scheme.toString().equalsIgnoreCase(name)) {
        return scheme;
      }
    }

    throw invalid(url, "unknown scheme \"" + name + "\"");
  }

  private static HostPort hostPort(String url, String text, Scheme scheme) {
    if (text.startsWith("[")) {
      return bracketedHostPort(url, text, scheme);
    }
    int colon = text.indexOf(':');
    if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
      boolean ipv6 =
          text.chars().allMatch(c -> c == ':' || c == '.' || HostSyntax.HEX_DIGITS.indexOf(c) >= 0);
      throw invalid(url, ipv6 ? "IPv6 address must be in brackets" : quoted("invalid host", text));
    }

    String host = colon < 0 ? text : text.substring(0, colon);
    if (host.isEmpty()) {
      throw invalid(url, "empty host");
    }
    if (!HostSyntax.isHostName(host)) {
      throw invalid(url, quoted("invalid host", host));
    }

    int port = colon < 0 ? scheme.defaultPort : port(url, text.substring(colon + 1));

    return new HostPort(host, port);
  }

  private static HostPort bracketedHostPort(String url, String text, Scheme scheme) {
    int close = text.indexOf(']');
    if (close < 0) {
      throw invalid(url, quoted("invalid host", text));
    }
    String host = text.substring(1, close);
    if (host.isEmpty()) {
      throw invalid(url, "empty host");
    }
    if (!HostSyntax.isIpv6Literal(host)) {
      throw invalid(url, quoted("invalid IPv6 address", host));
    }

    String after = text.substring(close + 1);
    if (after.isEmpty()) {
      return new HostPort(host, scheme.defaultPort);
    }
    if (!after.startsWith(":")) {
      throw invalid(url, quoted("invalid host", text));
    }

    return new HostPort(host, port(url, after.substring(1)));
  }

  private static int port(String url, String text) {
    if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid(url, quoted("invalid port", text));
    }
    int port = text.length() > 5 ? -1 : Integer.parseInt(text);
    if (port < 1 || port > 65_535) {
      throw invalid(url, "port out of range");
    }

    return port;
  }

  // RFC 7065 §3.1 allows only transport=udp|tcp, and Pion compares it case-sensitively too.
  private static Transport transport(String url, Scheme scheme, String query) {
    if (query == null) {
      return scheme.secure() ? Transport.TCP : Transport.UDP;
    }
    if (!scheme.turn()) {
      throw invalid(url, "stun URLs take no query");
    }

    switch (query) {
      case "transport=udp":
        return Transport.UDP;
      case "transport=tcp":
        return Transport.TCP;
      default:
        throw invalid(
            url, quoted("unsupported query", query) + ", expected transport=udp or transport=tcp");
    }
  }

  private static boolean isUnprintable(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }

  private static String quoted(String problem, String value) {
    return problem + " \"" + value + "\"";
  }

  private static IllegalArgumentException invalid(String url, String problem) {
    return new IllegalArgumentException(printable(url) + ": " + problem);
  }

  // Raw control characters in a message could forge log lines or hide the real input.
  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.chars()
        .forEach(
            c ->
                out.append(
                    isUnprintable(c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));

    return out.toString();
  }
}
