package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Servers that give nothing: each is reported through onCandidateError, and gathering still
 * completes, within the STUN gather timeout plus 100 ms whatever libnice does.
 */
class ServerFailureTest {
  private static final long SLACK_MS = 100;

  @BeforeEach
  void needsBed() {
    Bed.require();
  }

  @Test
  void unreachableStunServerIsReportedAndGatheringEndsAtTheDefaultTimeout() throws Exception {
    String url = "stun:" + Bed.SERVER_V4 + ":" + Bed.CLOSED_PORT;
    Gathered g = Gathered.run(IceApi.create(), options(IceServer.of(url)));

    assertThat(g.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.url()).isEqualTo(url);
              assertThat(e.errorCode()).isEqualTo(701);
              assertThat(e.errorText()).isEqualTo("no usable answer within 2000 ms");
            });
    assertThat(g.millisToComplete()).isBetween(1900.0, 2000.0 + SLACK_MS);
    assertThat(g.ofType(IceCandidateType.HOST)).hasSize(2);
  }

  @Test
  void theStunGatherTimeoutSetsWhenAnUnreachableServerIsGivenUp() throws Exception {
    SettingEngine engine = new SettingEngine();
    engine.setStunGatherTimeout(Duration.ofMillis(400));
    String url = "turn:" + Bed.SERVER_V4 + ":" + Bed.CLOSED_PORT;
    IceServer server = IceServer.of(List.of(url), Bed.USER, Bed.PASSWORD);
    Gathered g = Gathered.run(IceApi.create(engine), options(server));

    assertThat(g.errors())
        .extracting(IceCandidateError::url, IceCandidateError::errorCode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(url, 701));
    assertThat(g.millisToComplete()).isBetween(360.0, 400.0 + SLACK_MS);
  }

  @Test
  void wrongTurnPasswordIsA401AndGatheringCompletesEarly() throws Exception {
    String url = Bed.turn("udp");
    IceServer server = IceServer.of(List.of(url), Bed.USER, "not-the-password");
    Gathered g = Gathered.run(IceApi.create(), options(server));

    assertThat(g.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.url()).isEqualTo(url);
              assertThat(e.errorCode()).isEqualTo(401);
              assertThat(e.errorText()).doesNotContain("not-the-password");
            });
    assertThat(g.ofType(IceCandidateType.RELAY)).isEmpty();
    assertThat(g.millisToComplete()).isLessThan(1000.0);
  }

  @Test
  void unresolvableNameIsReportedAndOtherServersStillWork() throws Exception {
    IceGatherOptions options =
        IceGatherOptions.builder()
            .addIceServer(IceServer.of(List.of("turn:nosuch.bed.test"), Bed.USER, Bed.PASSWORD))
            .addIceServer(IceServer.of(Bed.stun()))
            .build();
    Gathered g = Gathered.run(IceApi.create(), options);

    assertThat(g.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.url()).isEqualTo("turn:nosuch.bed.test");
              assertThat(e.errorCode()).isEqualTo(701);
              assertThat(e.errorText()).isEqualTo("host name nosuch.bed.test did not resolve");
            });
    assertThat(g.only(IceCandidateType.SRFLX, Bed.NAT_V4)).isNotNull();
  }

  @Test
  void aServerGivenByNameIsResolvedBeforeLibniceSeesIt() throws Exception {
    Gathered g = Gathered.run(IceApi.create(), options(IceServer.of("stun:" + Bed.HOST_NAME)));

    assertThat(g.only(IceCandidateType.SRFLX, Bed.NAT_V4)).isNotNull();
    assertThat(g.errors()).isEmpty();
  }

  @Test
  void whatTheEngineCannotDoIsSaidAndGatheringGoesOn() throws Exception {
    IceGatherOptions options =
        IceGatherOptions.builder()
            .addIceServer(
                IceServer.of(Bed.stun(), "stun:[" + Bed.SERVER_V6 + "]", "stuns:" + Bed.SERVER_V4))
            .addIceServer(IceServer.of(List.of("turns:" + Bed.SERVER_V4), Bed.USER, Bed.PASSWORD))
            .build();
    Gathered g = Gathered.run(IceApi.create(), options);

    assertThat(g.errors())
        .extracting(IceCandidateError::url, IceCandidateError::errorText)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "stun:[" + Bed.SERVER_V6 + "]",
                "libnice takes one STUN server per agent; " + Bed.stun() + " is used; URL skipped"),
            org.assertj.core.groups.Tuple.tuple(
                "stuns:" + Bed.SERVER_V4, "STUN over TLS is not supported by libnice; URL skipped"),
            org.assertj.core.groups.Tuple.tuple(
                "turns:" + Bed.SERVER_V4,
                "TURN over TLS is not supported: libnice 0.1.21 speaks plain TCP to TLS servers"
                    + " in RFC 5245 mode; URL skipped"));
    assertThat(g.errors()).extracting(IceCandidateError::errorCode).containsOnly(701);
    assertThat(g.only(IceCandidateType.SRFLX, Bed.NAT_V4)).isNotNull();
  }

  @Test
  void errorsComeAfterGatheringStartsAndBeforeItCompletes() throws Exception {
    String url = "stun:" + Bed.SERVER_V4 + ":" + Bed.CLOSED_PORT;
    SettingEngine engine = new SettingEngine();
    engine.setStunGatherTimeout(Duration.ofMillis(200));
    Gathered g = Gathered.run(IceApi.create(engine), options(IceServer.of(url)));

    List<String> sequence =
        g.recorder().sequence().stream().takeWhile(kind -> !kind.equals("state:closed")).toList();
    assertThat(sequence.get(0)).isEqualTo("state:gathering");
    assertThat(sequence.indexOf("error")).isLessThan(sequence.indexOf("state:complete"));
    assertThat(sequence.subList(sequence.size() - 2, sequence.size()))
        .containsExactly("state:complete", "null");
  }

  private static IceGatherOptions options(IceServer server) {
    return IceGatherOptions.builder().addIceServer(server).build();
  }
}
