package io.github.nicegather.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nicegather.internal.ServerUrl.Scheme;
import io.github.nicegather.internal.ServerUrl.Transport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerUrlTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
    "stun:stun.example.org,            STUN,  stun.example.org, 3478,  UDP",
    "stun:h:1,                         STUN,  h,                1,     UDP",
    "stun:example.com.,                STUN,  example.com.,     3478,  UDP",
    "turn:h,                           TURN,  h,                3478,  UDP",
    "turn:h?transport=tcp,             TURN,  h,                3478,  TCP",
    "turns:h,                          TURNS, h,                5349,  TCP",
    "turns:h?transport=udp,            TURNS, h,                5349,  UDP",
    "stuns:h,                          STUNS, h,                5349,  TCP",
    "STUN:H,                           STUN,  H,                3478,  UDP",
    "TuRn:h:7?transport=tcp,           TURN,  h,                7,     TCP",
    "stun:[fd00::1],                   STUN,  fd00::1,          3478,  UDP",
    "stun:[fd00::1]:5000,              STUN,  fd00::1,          5000,  UDP",
    "stun:[::],                        STUN,  ::,               3478,  UDP",
    "stun:[1:2:3:4:5:6:7:8]:9,         STUN,  1:2:3:4:5:6:7:8,  9,     UDP",
    "stun:[::ffff:192.0.2.1],          STUN,  ::ffff:192.0.2.1, 3478,  UDP",
    "turn:1.2.3.4:65535?transport=udp, TURN,  1.2.3.4,          65535, UDP",
  })
  void acceptsWellFormedUrls(
      String url, Scheme scheme, String host, int port, Transport transport) {
    ServerUrl parsed = ServerUrl.parse(url, "user", "pass");

    assertThat(parsed.url()).isEqualTo(url);
    assertThat(parsed.scheme()).isEqualTo(scheme);
    assertThat(parsed.host()).isEqualTo(host);
    assertThat(parsed.port()).isEqualTo(port);
    assertThat(parsed.transport()).isEqualTo(transport);
  }

  static Stream<Arguments> rejectedUrls() {
    return Stream.of(
        Arguments.of(null, "url is empty"),
        Arguments.of("", "url is empty"),
        Arguments.of("  ", "url is empty"),
        Arguments.of("stunh", "stunh: missing scheme"),
        Arguments.of("ftp:", "ftp:: unknown scheme \"ftp\""),
        Arguments.of("stun://h", "stun://h: \"//\" is not allowed, the form is stun:host[:port]"),
        Arguments.of("stun:", "stun:: empty host"),
        Arguments.of("stun::3478", "stun::3478: empty host"),
        Arguments.of("stun:[]", "stun:[]: empty host"),
        Arguments.of("stun:fd00::1", "stun:fd00::1: IPv6 address must be in brackets"),
        Arguments.of("stun:[fd00::zz]", "stun:[fd00::zz]: invalid IPv6 address \"fd00::zz\""),
        Arguments.of("stun:[1::2::3]", "stun:[1::2::3]: invalid IPv6 address \"1::2::3\""),
        Arguments.of(
            "stun:[fe80::1%eth0]",
            "stun:[fe80::1%eth0]: invalid IPv6 address" + " \"fe80::1%eth0\""),
        Arguments.of("stun:[1.2.3.4]", "stun:[1.2.3.4]: invalid IPv6 address \"1.2.3.4\""),
        Arguments.of("stun:[fd00::1", "stun:[fd00::1: invalid host \"[fd00::1\""),
        Arguments.of("stun:[fd00::1]x", "stun:[fd00::1]x: invalid host \"[fd00::1]x\""),
        Arguments.of("stun:x:y:z", "stun:x:y:z: invalid host \"x:y:z\""),
        Arguments.of("stun:exa_mple.com", "stun:exa_mple.com: invalid host \"exa_mple.com\""),
        Arguments.of("stun:a..b", "stun:a..b: invalid host \"a..b\""),
        Arguments.of("stun:999.1.1.1", "stun:999.1.1.1: invalid host \"999.1.1.1\""),
        Arguments.of("stun:u@h", "stun:u@h: invalid host \"u@h\""),
        Arguments.of("stun:h:0", "stun:h:0: port out of range"),
        Arguments.of("stun:h:65536", "stun:h:65536: port out of range"),
        Arguments.of("stun:h:99999999999", "stun:h:99999999999: port out of range"),
        Arguments.of("stun:h:abc", "stun:h:abc: invalid port \"abc\""),
        Arguments.of("stun:h:-1", "stun:h:-1: invalid port \"-1\""),
        Arguments.of("stun:h:", "stun:h:: invalid port \"\""),
        Arguments.of("stun:h?transport=udp", "stun:h?transport=udp: stun URLs take no query"),
        Arguments.of("stuns:h?transport=tcp", "stuns:h?transport=tcp: stun URLs take no query"),
        Arguments.of(
            "turn:h?transport=sctp",
            "turn:h?transport=sctp: unsupported query"
                + " \"transport=sctp\", expected transport=udp or transport=tcp"),
        Arguments.of(
            "turn:h?transport=UDP",
            "turn:h?transport=UDP: unsupported query"
                + " \"transport=UDP\", expected transport=udp or transport=tcp"),
        Arguments.of(
            "turn:h?foo=bar",
            "turn:h?foo=bar: unsupported query \"foo=bar\","
                + " expected transport=udp or transport=tcp"),
        Arguments.of(
            "turn:h?transport=udp&x=y",
            "turn:h?transport=udp&x=y: unsupported query"
                + " \"transport=udp&x=y\", expected transport=udp or transport=tcp"),
        Arguments.of("stun:h\n", "stun:h\\u000a: contains whitespace or a control character"),
        Arguments.of("stun:h x", "stun:h\\u0020x: contains whitespace or a control character"),
        Arguments.of("stun:\u0007h", "stun:\\u0007h: contains whitespace or a control character"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("rejectedUrls")
  void rejectsMalformedUrlsNamingTheUrl(String url, String message) {
    assertThatThrownBy(() -> ServerUrl.parse(url, "user", "pass"))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(
      value = {"NULL, pass", "'', pass", "user, NULL", "user, ''"},
      nullValues = "NULL")
  void turnWithoutUsernameOrCredentialIsMissingCredentials(String username, String credential) {
    assertThatThrownBy(() -> ServerUrl.parse("turn:h", username, credential))
        .isInstanceOf(ServerUrl.MissingCredentialsException.class)
        .hasMessage("turn:h: TURN needs a username and a credential");
  }

  @Test
  void stunNeedsNoCredentials() {
    ServerUrl parsed = ServerUrl.parse("stun:h", null, null);

    assertThat(parsed.username()).isNull();
    assertThat(parsed.credential()).isNull();
  }

  @Test
  void toStringIsTheUrlWithoutTheCredential() {
    ServerUrl parsed = ServerUrl.parse("turn:h", "user", "Zebra-Credential-77");

    assertThat(parsed).hasToString("turn:h");
    assertThat(parsed.credential()).isEqualTo("Zebra-Credential-77");
  }

  @ParameterizedTest
  @ValueSource(strings = {"stun:192.0.2.1", "stun:[fd00::1]", "stun:[::ffff:192.0.2.1]:1"})
  void ipLiteralHostsAreLiteral(String url) {
    assertThat(ServerUrl.parse(url, null, null).hostIsLiteral()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"stun:stun.example.org", "stun:localhost", "stun:1.2.3.4.example"})
  void hostNamesAreNotLiteral(String url) {
    assertThat(ServerUrl.parse(url, null, null).hostIsLiteral()).isFalse();
  }

  @Test
  void schemesKnowWhetherTheyAreSecureOrTurn() {
    assertThat(Scheme.STUN.secure()).isFalse();
    assertThat(Scheme.STUNS.secure()).isTrue();
    assertThat(Scheme.TURN.secure()).isFalse();
    assertThat(Scheme.TURNS.secure()).isTrue();
    assertThat(Scheme.STUN.turn()).isFalse();
    assertThat(Scheme.STUNS.turn()).isFalse();
    assertThat(Scheme.TURN.turn()).isTrue();
    assertThat(Scheme.TURNS.turn()).isTrue();
    assertThat(Scheme.TURNS).hasToString("turns");
    assertThat(Transport.TCP).hasToString("tcp");
  }
}
