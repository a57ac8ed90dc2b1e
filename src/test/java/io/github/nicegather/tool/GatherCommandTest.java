package io.github.nicegather.tool;

import static io.github.nicegather.IceCandidateType.HOST;
import static io.github.nicegather.IceCandidateType.RELAY;
import static io.github.nicegather.IceCandidateType.SRFLX;
import static io.github.nicegather.IceProtocol.TCP;
import static io.github.nicegather.IceProtocol.UDP;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.nicegather.IceCandidate;
import io.github.nicegather.IceCandidateError;
import io.github.nicegather.IceCandidateType;
import io.github.nicegather.IceGatherPolicy;
import io.github.nicegather.IceGathererState;
import io.github.nicegather.IceParameters;
import io.github.nicegather.IceServer;
import io.github.nicegather.NetworkType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatherCommandTest {
  private static final IceParameters PARAMETERS =
      new IceParameters("AbCdEfGhIjKlMnOp", "p4ssw0rdp4ssw0rdp4ssw0rdp4ssw0rd", false);
  private static final IceCandidate SRFLX_V4 =
      new IceCandidate(
          "2", 1694498815L, "203.0.113.5", UDP, 5000, SRFLX, 1, "10.0.0.1", 5000, null);
  private static final IceCandidate TCP_HOST_V6 =
      new IceCandidate("5", 1671430143L, "fd00::2", TCP, 9, HOST, 1, null, 0, "active");
  private static final IceCandidateError UNREACHABLE =
      new IceCandidateError("stun:127.0.0.1:1", "10.0.0.1", 5000, 701, "no response");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void everyOptionIsRead() throws Exception {
    Arguments a =
        Arguments.parse(
            "--ice-server",
            "stun:10.0.0.9",
            "--ice-server=turn:10.0.0.9",
            "--username",
            "alice",
            "--credential=s3cret",
            "--policy",
            "RELAY",
            "--timeout",
            "300",
            "--network-types",
            "udp4, tcp6",
            "--json");

    assertThat(a.urls()).containsExactly("stun:10.0.0.9", "turn:10.0.0.9");
    assertThat(a.policy()).isEqualTo(IceGatherPolicy.RELAY);
    assertThat(a.timeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(a.networkTypes()).containsExactly(NetworkType.UDP4, NetworkType.TCP6);
    assertThat(a.json()).isTrue();
    assertThat(a.help()).isFalse();
    assertThat(a.settingEngine().stunGatherTimeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(a.settingEngine().networkTypes())
        .containsExactlyInAnyOrder(NetworkType.UDP4, NetworkType.TCP6);
  }

  @Test
  void credentialsGoToTurnUrlsOnly() throws Exception {
    Arguments a =
        Arguments.parse(
            "--ice-server",
            "stun:10.0.0.9",
            "--ice-server",
            "TURNS:10.0.0.9",
            "--username",
            "alice",
            "--credential",
            "s3cret");

    assertThat(a.iceServers())
        .containsExactly(
            IceServer.of("stun:10.0.0.9"),
            IceServer.of(List.of("TURNS:10.0.0.9"), "alice", "s3cret"));
  }

  @Test
  void defaultsLeaveTheLibrarysSettingsAlone() throws Exception {
    Arguments a = Arguments.parse();

    assertThat(a.urls()).isEmpty();
    assertThat(a.policy()).isEqualTo(IceGatherPolicy.ALL);
    assertThat(a.timeout()).isNull();
    assertThat(a.settingEngine().stunGatherTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(a.settingEngine().networkTypes())
        .containsExactlyInAnyOrder(NetworkType.UDP4, NetworkType.UDP6);
  }

  @Test
  void toStringNeverShowsTheCredential() throws Exception {
    Arguments a = Arguments.parse("--username", "alice", "--credential", "s3cret");

    assertThat(a.toString()).contains("alice", "<redacted>").doesNotContain("s3cret");
  }

  @Test
  void unknownOptionsAndStrayArgumentsExit2() {
    assertRejected("unknown option --verbose", "--verbose");
    assertRejected("unknown option -v", "-v");
    assertRejected("unexpected argument \"stun:10.0.0.9\"", "stun:10.0.0.9");
    assertRejected("--json: takes no value", "--json=yes");
  }

  @Test
  void missingValuesExit2() {
    assertRejected("--ice-server: missing value", "--ice-server");
    assertRejected("--ice-server: missing value", "--ice-server", "--json");
    assertRejected("--timeout: missing value", "--json", "--timeout");
  }

  @Test
  void badValuesExit2NamingOptionAndValue() {
    assertRejected("--policy: \"fast\" is not all, relay or nohost", "--policy", "fast");
    assertRejected("--timeout: \"1s\" is not a whole number of milliseconds", "--timeout=1s");
    assertRejected("--timeout: 50 is outside 100..30000 ms", "--timeout", "50");
    assertRejected("--timeout: 30001 is outside 100..30000 ms", "--timeout", "30001");
    assertRejected(
        "--network-types: \"udp5\" is not udp4, udp6, tcp4 or tcp6",
        "--network-types",
        "udp4,udp5");
    assertRejected(
        "--network-types: \"\" is not udp4, udp6, tcp4 or tcp6", "--network-types", "udp4,");
  }

  @Test
  void helpPrintsTheOptionsAndExits0() {
    assertThat(run("--help")).isZero();

    assertThat(out()).startsWith("usage: gather ").contains("--network-types L");
    assertThat(err()).isEmpty();
  }

  @Test
  void aServerTheLibraryRejectsExits2WithItsMessageButNotTheCredential() {
    int status =
        run(
            "--ice-server",
            "turn:127.0.0.1:99999",
            "--username",
            "alice",
            "--credential",
            "s3cret");

    assertThat(status).isEqualTo(2);
    assertThat(err())
        .startsWith("gather: ")
        .contains("turn:127.0.0.1:99999")
        .doesNotContain("s3cret");
    assertThat(out()).isEmpty();
  }

  @Test
  void jsonLinesWrapTheLibrarysJson() {
    Printer json = new JsonLines(printStream(out));

    json.parameters(PARAMETERS);
    json.state(0.254, IceGathererState.GATHERING);
    json.candidate(1.234, SRFLX_V4);
    json.error(301.5, UNREACHABLE);
    json.summary(303.5, 302.016, counts(1, 1, 0), 1);

    assertThat(out())
        .isEqualTo(
            String.join(
                "\n",
                "{\"event\":\"parameters\",\"usernameFragment\":\"AbCdEfGhIjKlMnOp\","
                    + "\"password\":\"p4ssw0rdp4ssw0rdp4ssw0rdp4ssw0rd\",\"iceLite\":false}",
                "{\"ms\":0.25,\"event\":\"state\",\"state\":\"gathering\"}",
                "{\"ms\":1.23,\"event\":\"candidate\","
                    + "\"candidate\":{\"candidate\":\"candidate:2 1 udp "
                    + "1694498815 203.0.113.5 5000 typ srflx raddr 10.0.0.1 rport 5000\","
                    + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0,"
                    + "\"usernameFragment\":\"AbCdEfGhIjKlMnOp\"},"
                    + "\"sdp\":\"candidate:2 1 udp 1694498815 203.0.113.5 5000 typ srflx "
                    + "raddr 10.0.0.1 rport 5000\"}",
                "{\"ms\":301.50,\"event\":\"error\",\"error\":{\"url\":\"stun:127.0.0.1:1\","
                    + "\"address\":\"10.0.0.1\",\"port\":5000,\"errorCode\":701,"
                    + "\"errorText\":\"no response\"}}",
                "{\"ms\":303.50,\"event\":\"summary\",\"completed\":true,\"completeMs\":302.02,"
                    + "\"host\":1,\"srflx\":1,\"prflx\":0,\"relay\":0,\"errors\":1}",
                ""));
  }

  @Test
  void summaryGivesTheTimeToCompleteOrNullWhenItNeverCame() {
    new JsonLines(printStream(out)).summary(7300, null, counts(0, 0, 0), 0);
    new Table(printStream(out)).summary(25.5, 25.0, counts(2, 1, 1), 0);

    assertThat(out())
        .isEqualTo(
            String.join(
                "\n",
                "{\"ms\":7300.00,\"event\":\"summary\",\"completed\":false,\"completeMs\":null,"
                    + "\"host\":0,\"srflx\":0,\"prflx\":0,\"relay\":0,\"errors\":0}",
                "summary: 2 host, 1 srflx, 1 relay, 0 errors; complete in 25.00 ms",
                ""));
  }

  @Test
  void tableAlignsCandidatesUnderTheHeader() {
    Printer table = new Table(printStream(out));

    table.parameters(PARAMETERS);
    table.state(0.254, IceGathererState.GATHERING);
    table.candidate(1.234, SRFLX_V4);
    table.candidate(2, TCP_HOST_V6);
    table.error(301.5, UNREACHABLE);
    table.summary(7300, null, counts(1, 1, 0), 1);

    assertThat(out())
        .isEqualTo(
            String.join(
                "\n",
                "ufrag     AbCdEfGhIjKlMnOp",
                "password  p4ssw0rdp4ssw0rdp4ssw0rdp4ssw0rd",
                "",
                "      ms  event      type   protocol     address                     port"
                    + "  related",
                "    0.25  state      gathering",
                "    1.23  candidate  srflx  udp          203.0.113.5                 5000"
                    + "  10.0.0.1:5000",
                "    2.00  candidate  host   tcp active   fd00::2                        9",
                "  301.50  error      701    stun:127.0.0.1:1: no response (from 10.0.0.1:5000)",
                "summary: 1 host, 1 srflx, 0 relay, 1 error; not complete after 7300.00 ms",
                ""));
  }

  private void assertRejected(String message, String... args) {
    out.reset();
    err.reset();

    assertThat(run(args)).as("exit status of %s", List.of(args)).isEqualTo(2);
    assertThat(err()).startsWith("gather: " + message + "\nusage: gather ");
    assertThat(out()).isEmpty();
  }

  private int run(String... args) {
    return GatherCommand.run(args, printStream(out), printStream(err));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static PrintStream printStream(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static Map<IceCandidateType, Integer> counts(int host, int srflx, int relay) {
    Map<IceCandidateType, Integer> counts = new EnumMap<>(IceCandidateType.class);
    counts.put(HOST, host);
    counts.put(SRFLX, srflx);
    counts.put(IceCandidateType.PRFLX, 0);
    counts.put(RELAY, relay);

    return counts;
  }
}
