package io.github.nicegather;

import static io.github.nicegather.IceCandidateType.HOST;
import static io.github.nicegather.IceCandidateType.RELAY;
import static io.github.nicegather.IceCandidateType.SRFLX;
import static io.github.nicegather.IceProtocol.TCP;
import static io.github.nicegather.IceProtocol.UDP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IceCandidateTest {
  private static final IceCandidate HOST_V4 =
      new IceCandidate("1", 2130706431L, "10.0.0.1", UDP, 5000, HOST, 1, null, 0, null);
  private static final IceCandidate SRFLX_V4 =
      new IceCandidate(
          "2", 1694498815L, "203.0.113.5", UDP, 5000, SRFLX, 1, "10.0.0.1", 5000, null);
  private static final IceCandidate RELAY_V4 =
      new IceCandidate(
          "3", 16777215L, "198.51.100.7", UDP, 49152, RELAY, 1, "203.0.113.5", 5000, null);
  private static final IceCandidate HOST_V6 =
      new IceCandidate("4", 2130706431L, "fd00::2", UDP, 5000, HOST, 1, null, 0, null);
  private static final IceCandidate TCP_PASSIVE =
      new IceCandidate("5", 1671430143L, "10.0.0.1", TCP, 5001, HOST, 1, null, 0, "passive");
  private static final IceCandidate TCP_ACTIVE_V6 =
      new IceCandidate("6", 1675624447L, "fd00::2", TCP, 9, HOST, 1, null, 0, "active");
  private static final IceCandidate ZONED_SRFLX =
      new IceCandidate(
          "7", 1694498815L, "fe80::1%eth0", UDP, 5000, SRFLX, 1, "fe80::2%eth0", 4000, null);

  @Test
  void hostV4() {
    assertThat(HOST_V4).hasToString("udp4 host 10.0.0.1:5000");
    assertThat(HOST_V4.toSdp()).isEqualTo("candidate:1 1 udp 2130706431 10.0.0.1 5000 typ host");
    assertThat(HOST_V4.toJson())
        .isEqualTo(
            "{\"candidate\":\"candidate:1 1 udp 2130706431 10.0.0.1 5000 typ host\","
                + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":null}");
    assertThat(HOST_V4.networkType()).isEqualTo(NetworkType.UDP4);
  }

  @Test
  void srflxV4PrintsItsRelatedAddress() {
    assertThat(SRFLX_V4).hasToString("udp4 srflx 203.0.113.5:5000 related 10.0.0.1:5000");
    assertThat(SRFLX_V4.toSdp())
        .isEqualTo(
            "candidate:2 1 udp 1694498815 203.0.113.5 5000 typ srflx raddr 10.0.0.1 rport 5000");
  }

  @Test
  void relayPrintsItsRelatedAddress() {
    assertThat(RELAY_V4).hasToString("udp4 relay 198.51.100.7:49152 related 203.0.113.5:5000");
    assertThat(RELAY_V4.toSdp())
        .isEqualTo(
            "candidate:3 1 udp 16777215 198.51.100.7 49152 typ relay raddr 203.0.113.5 rport 5000");
  }

  @Test
  void hostV6IsBracketedInToStringButNotInSdp() {
    assertThat(HOST_V6).hasToString("udp6 host [fd00::2]:5000");
    assertThat(HOST_V6.toSdp()).isEqualTo("candidate:4 1 udp 2130706431 fd00::2 5000 typ host");
    assertThat(HOST_V6.networkType()).isEqualTo(NetworkType.UDP6);
  }

  @Test
  void tcpCandidatesCarryTheirTcpType() {
    assertThat(TCP_PASSIVE).hasToString("tcp4 host 10.0.0.1:5001 tcptype passive");
    assertThat(TCP_PASSIVE.toSdp())
        .isEqualTo("candidate:5 1 tcp 1671430143 10.0.0.1 5001 typ host tcptype passive");
    assertThat(TCP_PASSIVE.networkType()).isEqualTo(NetworkType.TCP4);
    assertThat(TCP_ACTIVE_V6).hasToString("tcp6 host [fd00::2]:9 tcptype active");
    assertThat(TCP_ACTIVE_V6.toSdp())
        .isEqualTo("candidate:6 1 tcp 1675624447 fd00::2 9 typ host tcptype active");
  }

  @Test
  void sdpDropsTheIpv6ZoneButToStringKeepsIt() {
    assertThat(ZONED_SRFLX)
        .hasToString("udp6 srflx [fe80::1%eth0]:5000 related [fe80::2%eth0]:4000");
    assertThat(ZONED_SRFLX.toSdp())
        .isEqualTo("candidate:7 1 udp 1694498815 fe80::1 5000 typ srflx raddr fe80::2 rport 4000");
  }

  @Test
  void jsonEscapesQuotesBackslashesAndControlCharacters() {
    String json = HOST_V4.toJson("a\"b\\c\n", 3, "uf\u0001\u007f");

    assertThat(json)
        .isEqualTo(
            "{\"candidate\":\"candidate:1 1 udp 2130706431 10.0.0.1 5000 typ host\","
                + "\"sdpMid\":\"a\\\"b\\\\c\\u000a\",\"sdpMLineIndex\":3,"
                + "\"usernameFragment\":\"uf\\u0001\\u007f\"}");
  }

  @Test
  void jsonWritesNullsAsJsonNull() {
    assertThat(HOST_V4.toJson(null, 0, "Ab+/"))
        .isEqualTo(
            "{\"candidate\":\"candidate:1 1 udp 2130706431 10.0.0.1 5000 typ host\","
                + "\"sdpMid\":null,\"sdpMLineIndex\":0,\"usernameFragment\":\"Ab+/\"}");
  }

  @Test
  void jsonRejectsAnMLineIndexOutOfRange() {
    assertThatThrownBy(() -> HOST_V4.toJson("0", -1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sdpMLineIndex: -1 is outside 0..65535");
  }

  @Test
  void constructorRejectsWhatCannotBeWrittenAsSdp() {
    assertThatThrownBy(() -> new IceCandidate("f 1", 1, "10.0.0.1", UDP, 1, HOST, 1, null, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("foundation: \"f 1\" is not 1 to 32 ice-chars");
    assertThatThrownBy(() -> new IceCandidate("1", 1, "h\r\n", UDP, 1, HOST, 1, null, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("address: \"h\\u000d\\u000a\" is empty or contains whitespace");
    assertThatThrownBy(() -> new IceCandidate("1", 1, "10.0.0.1", UDP, 1, HOST, 0, null, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("component: 0 is outside 1..256");
    assertThatThrownBy(() -> new IceCandidate("1", 1L << 32, "h", UDP, 1, HOST, 1, null, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("priority: 4294967296 is outside 0..4294967295");
  }

  @Test
  void tcpTypeMustMatchTheProtocol() {
    assertThatThrownBy(() -> new IceCandidate("1", 1, "h", UDP, 1, HOST, 1, null, 0, "active"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tcpType: \"active\" given for a udp candidate");
    assertThatThrownBy(() -> new IceCandidate("1", 1, "h", TCP, 1, HOST, 1, null, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tcpType: null is not active, passive or so");
  }

  @Test
  void candidateErrorPrintsCodeUrlAndText() {
    IceCandidateError error =
        new IceCandidateError("turn:10.0.0.1:3478?transport=udp", null, 0, 701, "no response");

    assertThat(error).hasToString("701 turn:10.0.0.1:3478?transport=udp: no response");
    assertThat(error.toJson())
        .isEqualTo(
            "{\"url\":\"turn:10.0.0.1:3478?transport=udp\",\"address\":null,\"port\":null,"
                + "\"errorCode\":701,\"errorText\":\"no response\"}");
  }

  @Test
  void candidateErrorWithAddressWritesItsPort() {
    IceCandidateError error =
        new IceCandidateError("turn:h", "192.0.2.2", 50000, 401, "Unauthorized \"x\"");

    assertThat(error.toJson())
        .isEqualTo(
            "{\"url\":\"turn:h\",\"address\":\"192.0.2.2\",\"port\":50000,"
                + "\"errorCode\":401,\"errorText\":\"Unauthorized \\\"x\\\"\"}");
  }

  @Test
  void candidateErrorWithoutUrlConcernsNoSingleServer() {
    IceCandidateError error = new IceCandidateError(null, null, 0, 701, "could not start");

    assertThat(error).hasToString("701: could not start");
    assertThat(error.toJson()).startsWith("{\"url\":null,");
  }

  @Test
  void candidateErrorRejectsCodesOutsideStunAnd701() {
    assertThatThrownBy(() -> new IceCandidateError("stun:h", null, 0, 200, "ok"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("errorCode: 200 is neither 300..699 nor 701");
    assertThatThrownBy(() -> new IceCandidateError("stun:h", null, 5, 701, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port: 5 is outside 0..65535 or given without an address");
  }

  @Test
  void enumsPrintTheirSdpNames() {
    assertThat(IceCandidateType.values())
        .extracting(Object::toString)
        .containsExactly("host", "srflx", "prflx", "relay");
    assertThat(IceProtocol.values()).extracting(Object::toString).containsExactly("udp", "tcp");
    assertThat(NetworkType.values())
        .extracting(Object::toString)
        .containsExactly("udp4", "udp6", "tcp4", "tcp6");
  }

  @Test
  void networkTypeCombinesProtocolAndFamily() {
    for (NetworkType type : NetworkType.values()) {
      assertThat(NetworkType.of(type.protocol(), type.isIpv6())).isEqualTo(type);
    }
    assertThat(NetworkType.TCP6.protocol()).isEqualTo(TCP);
    assertThat(NetworkType.TCP6.isIpv6()).isTrue();
    assertThat(NetworkType.UDP4.isIpv6()).isFalse();
  }
}
