package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gathering in the NAT bed against its coturn: what each kind of server gives, exactly. */
class BedGatheringTest {
  private static final String HOST_V4 = "udp4 host ";

  @BeforeEach
  void needsBed() {
    Bed.require();
  }

  @Test
  void hostOnlyGivesOneUdpHostCandidatePerLanAddress() throws Exception {
    Gathered g = Gathered.run(IceApi.create(), IceGatherOptions.builder().build());

    assertThat(g.candidates())
        .extracting(IceCandidate::address)
        .containsExactlyInAnyOrder(Bed.LAN_V4, Bed.LAN_V6);
    assertThat(g.candidates())
        .allSatisfy(
            c -> {
              assertThat(c.type()).isEqualTo(IceCandidateType.HOST);
              assertThat(c.protocol()).isEqualTo(IceProtocol.UDP);
              assertThat(c.component()).isEqualTo(1);
              assertThat(c.relatedAddress()).isNull();
              assertThat(c.relatedPort()).isZero();
              assertThat(c.tcpType()).isNull();
              assertThat(c.port()).isBetween(1, 65535);
            });
    assertThat(g.errors()).isEmpty();
  }

  @Test
  void stunGivesTheNatsPublicAddressNotTheHosts() throws Exception {
    Gathered g = Gathered.run(IceApi.create(), options(IceServer.of(Bed.stun())));

    IceCandidate host = g.only(IceCandidateType.HOST, Bed.LAN_V4);
    IceCandidate srflx = g.only(IceCandidateType.SRFLX, Bed.NAT_V4);
    // MASQUERADE keeps a free source port, so only the address differs.
    assertThat(srflx.port()).isEqualTo(host.port());
    assertThat(srflx.relatedAddress()).isEqualTo(Bed.LAN_V4);
    assertThat(srflx.relatedPort()).isEqualTo(host.port());
    assertThat(g.candidates()).hasSize(3);
    assertThat(g.errors()).isEmpty();
  }

  @Test
  void turnOverUdpGivesARelayInTheServersRangeAndItsMappedAddress() throws Exception {
    Gathered g = Gathered.run(IceApi.create(), options(Bed.turnServer("udp")));

    IceCandidate host = g.only(IceCandidateType.HOST, Bed.LAN_V4);
    IceCandidate relay = g.only(IceCandidateType.RELAY, Bed.SERVER_V4);
    assertThat(relay.protocol()).isEqualTo(IceProtocol.UDP);
    assertThat(relay.port()).isBetween(Bed.RELAY_MIN_PORT, Bed.RELAY_MAX_PORT);
    assertThat(relay.relatedAddress()).isEqualTo(Bed.LAN_V4);
    assertThat(relay.relatedPort()).isEqualTo(host.port());
    assertThat(g.only(IceCandidateType.SRFLX, Bed.NAT_V4).port()).isEqualTo(host.port());
    assertThat(g.candidates()).hasSize(4);
    assertThat(g.errors()).isEmpty();
  }

  @Test
  void turnOverTcpGivesAUdpRelay() throws Exception {
    Gathered g = Gathered.run(IceApi.create(), options(Bed.turnServer("tcp")));

    IceCandidate relay = g.only(IceCandidateType.RELAY, Bed.SERVER_V4);
    assertThat(relay.protocol()).isEqualTo(IceProtocol.UDP);
    assertThat(relay.port()).isBetween(Bed.RELAY_MIN_PORT, Bed.RELAY_MAX_PORT);
    assertThat(relay.relatedAddress()).isEqualTo(Bed.LAN_V4);
    // No NAT maps anything for a TCP allocation, so no srflx comes with it.
    assertThat(g.ofType(IceCandidateType.SRFLX)).isEmpty();
    assertThat(g.errors()).isEmpty();
  }

  @Test
  void allPolicyShowsRelatedAddressesAsTheEngineReportsThem() throws Exception {
    Gathered g = Gathered.run(IceApi.create(), options(Bed.turnServer("udp")));

    assertThat(g.only(IceCandidateType.SRFLX, Bed.NAT_V4).toString())
        .startsWith("udp4 srflx " + Bed.NAT_V4 + ":")
        .contains(" related " + Bed.LAN_V4 + ":");
  }

  @Test
  void noHostPolicyShowsNoHostCandidateAndHidesTheBase() throws Exception {
    IceGatherOptions options =
        IceGatherOptions.builder()
            .addIceServer(Bed.turnServer("udp"))
            .gatherPolicy(IceGatherPolicy.NO_HOST)
            .build();
    Gathered g = Gathered.run(IceApi.create(), options);

    assertThat(g.candidates())
        .extracting(IceCandidate::type)
        .containsExactlyInAnyOrder(IceCandidateType.SRFLX, IceCandidateType.RELAY);
    assertHidesHostAddresses(g.candidates());
  }

  @Test
  void relayPolicyShowsOnlyRelayCandidatesAndHidesTheBase() throws Exception {
    IceGatherOptions options =
        IceGatherOptions.builder()
            .addIceServer(Bed.turnServer("udp"))
            .addIceServer(IceServer.of(Bed.stun()))
            .gatherPolicy(IceGatherPolicy.RELAY)
            .build();
    Gathered g = Gathered.run(IceApi.create(), options);

    assertThat(g.candidates())
        .extracting(IceCandidate::type)
        .containsExactly(IceCandidateType.RELAY);
    assertHidesHostAddresses(g.candidates());
    assertThat(g.candidates().get(0).toSdp()).endsWith("typ relay raddr 0.0.0.0 rport 0");
    // Under RELAY the STUN server is not asked, so it is not an error either.
    assertThat(g.errors()).isEmpty();
  }

  @Test
  void tcpNetworkTypesAddActiveAndPassiveHostCandidates() throws Exception {
    SettingEngine engine = new SettingEngine();
    engine.setNetworkTypes(NetworkType.UDP4, NetworkType.TCP4);
    Gathered g = Gathered.run(IceApi.create(engine), IceGatherOptions.builder().build());

    assertThat(g.candidates())
        .extracting(IceCandidate::toString)
        .anyMatch(s -> s.startsWith(HOST_V4 + Bed.LAN_V4 + ":"))
        .contains("tcp4 host " + Bed.LAN_V4 + ":9 tcptype active")
        .anyMatch(s -> s.startsWith("tcp4 host " + Bed.LAN_V4) && s.endsWith("tcptype passive"))
        .hasSize(3);
  }

  @Test
  void networkTypesChooseTheFamilies() throws Exception {
    SettingEngine engine = new SettingEngine();
    engine.setNetworkTypes(NetworkType.UDP6);
    Gathered g = Gathered.run(IceApi.create(engine), IceGatherOptions.builder().build());

    assertThat(g.candidates()).extracting(IceCandidate::address).containsExactly(Bed.LAN_V6);
  }

  @Test
  void loopbackIsLeftOutUnlessAskedFor() throws Exception {
    SettingEngine engine = new SettingEngine();
    engine.setNetworkTypes(NetworkType.UDP4);
    engine.setIncludeLoopbackCandidate(true);
    Gathered with = Gathered.run(IceApi.create(engine), IceGatherOptions.builder().build());

    assertThat(with.candidates())
        .extracting(IceCandidate::address)
        .containsExactlyInAnyOrder(Bed.LAN_V4, "127.0.0.1");
  }

  @Test
  void aMappingReportedByStunAndByTurnShowsOnceAndTcpGetsNoInventedSrflx() throws Exception {
    SettingEngine engine = new SettingEngine();
    engine.setNetworkTypes(NetworkType.UDP4, NetworkType.TCP4);
    IceGatherOptions options =
        IceGatherOptions.builder()
            .addIceServer(IceServer.of(Bed.stun()))
            .addIceServer(Bed.turnServer("udp"))
            .build();
    Gathered g = Gathered.run(IceApi.create(engine), options);

    assertThat(g.ofType(IceCandidateType.SRFLX))
        .singleElement()
        .satisfies(c -> assertThat(c.toString()).startsWith("udp4 srflx " + Bed.NAT_V4 + ":"));
    assertThat(g.ofType(IceCandidateType.RELAY)).hasSize(1);
  }

  private static IceGatherOptions options(IceServer server) {
    return IceGatherOptions.builder().addIceServer(server).build();
  }

  private static void assertHidesHostAddresses(List<IceCandidate> candidates) {
    assertThat(candidates)
        .isNotEmpty()
        .allSatisfy(
            c -> {
              assertThat(c.relatedAddress()).isIn("0.0.0.0", "::");
              assertThat(c.relatedPort()).isZero();
              assertThat(c.toString() + c.toSdp() + c.toJson())
                  .doesNotContain(Bed.LAN_V4)
                  .doesNotContain(Bed.LAN_V6);
            });
  }
}
