package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Address rewrite rules on real gathering in the bed: the LAN namespace has eth0 (10.213.2.2,
 * fd13:0:0:2::2) and, for these tests, lan1 (10.213.4.2, fd13:0:0:4::2).
 */
@ExtendWith(SecondLanInterface.class)
class RewriteRulesBedTest {
  private static final String EXTERNAL = "203.0.113.7";
  private static final String EXTERNAL2 = "203.0.113.8";

  @Test
  void hostReplaceWithLocalAdvertisesTheExternalAddressOnTheSamePort() throws Exception {
    Gathered g = gather(hostRule().local(Bed.LAN_V4).mode(IceAddressRewriteMode.REPLACE));

    assertThat(addresses(g))
        .containsExactlyInAnyOrder(
            EXTERNAL, SecondLanInterface.V4, Bed.LAN_V6, SecondLanInterface.V6);
    IceCandidate external = g.only(IceCandidateType.HOST, EXTERNAL);
    assertThat(external.toSdp()).contains(" " + EXTERNAL + " " + external.port() + " typ host");
  }

  @Test
  void hostAppendKeepsTheLocalCandidateFirstAndSharesItsSocket() throws Exception {
    Gathered g = gather(hostRule().local(Bed.LAN_V4).mode(IceAddressRewriteMode.APPEND));

    List<String> order = addresses(g);
    assertThat(order.indexOf(Bed.LAN_V4)).isEqualTo(order.indexOf(EXTERNAL) - 1);
    assertThat(g.only(IceCandidateType.HOST, EXTERNAL).port())
        .isEqualTo(g.only(IceCandidateType.HOST, Bed.LAN_V4).port());
  }

  @Test
  void unspecifiedModeReplacesHostCandidates() throws Exception {
    Gathered g = gather(hostRule().local(Bed.LAN_V4));

    assertThat(addresses(g)).contains(EXTERNAL).doesNotContain(Bed.LAN_V4);
  }

  @Test
  void aCatchAllWithTwoExternalsGivesTwoCandidatesInOrder() throws Exception {
    IceAddressRewriteRule rule =
        IceAddressRewriteRule.builder().external(EXTERNAL, EXTERNAL2).iface("eth0").build();
    Gathered g = gather(rule);

    assertThat(addresses(g))
        .containsExactly(
            EXTERNAL, EXTERNAL2, SecondLanInterface.V4, Bed.LAN_V6, SecondLanInterface.V6)
        .as("IPv6 and lan1 untouched: the rule has IPv4 externals and names eth0");
  }

  @Test
  void ifaceScopeRewritesOnlyThatInterface() throws Exception {
    Gathered g = gather(hostRule().iface(SecondLanInterface.NAME));

    assertThat(addresses(g)).contains(Bed.LAN_V4, EXTERNAL).doesNotContain(SecondLanInterface.V4);
  }

  @Test
  void cidrScopeRewritesOnlyAddressesInside() throws Exception {
    Gathered g = gather(hostRule().cidr("10.213.4.0/24"));

    assertThat(addresses(g)).contains(Bed.LAN_V4, EXTERNAL).doesNotContain(SecondLanInterface.V4);
  }

  @Test
  void theMostSpecificCatchAllWinsWhateverItsPlace() throws Exception {
    IceAddressRewriteRule everywhere = hostRule().build();
    IceAddressRewriteRule onLan1 =
        IceAddressRewriteRule.builder().external(EXTERNAL2).iface(SecondLanInterface.NAME).build();
    Gathered g = gather(everywhere, onLan1);

    assertThat(addresses(g))
        .containsExactly(EXTERNAL, EXTERNAL2, Bed.LAN_V6, SecondLanInterface.V6);
  }

  @Test
  void anExplicitLocalBeatsAnEarlierCatchAll() throws Exception {
    IceAddressRewriteRule everywhere = hostRule().build();
    IceAddressRewriteRule exact =
        IceAddressRewriteRule.builder().external(EXTERNAL2).local(Bed.LAN_V4).build();
    Gathered g = gather(everywhere, exact);

    assertThat(addresses(g)).startsWith(EXTERNAL2, EXTERNAL);
  }

  @Test
  void networksLimitedToIpv6LeaveIpv4Alone() throws Exception {
    IceAddressRewriteRule rule =
        IceAddressRewriteRule.builder()
            .external("2001:db8::7")
            .iface("eth0")
            .networks(NetworkType.UDP6)
            .build();
    Gathered g = gather(rule);

    assertThat(addresses(g))
        .containsExactlyInAnyOrder(
            Bed.LAN_V4, SecondLanInterface.V4, "2001:db8::7", SecondLanInterface.V6);
  }

  @Test
  void srflxAppendAddsTheExternalMappingBesideStuns() throws Exception {
    IceAddressRewriteRule rule = srflxRule(IceAddressRewriteMode.APPEND);
    Gathered g = gatherWithStun(IceGatherPolicy.ALL, rule);

    IceCandidate host = g.only(IceCandidateType.HOST, Bed.LAN_V4);
    IceCandidate rewritten = g.only(IceCandidateType.SRFLX, EXTERNAL);
    assertThat(g.only(IceCandidateType.SRFLX, Bed.NAT_V4)).isNotNull();
    assertThat(rewritten.port()).isEqualTo(host.port());
    assertThat(rewritten.toString())
        .isEqualTo(
            "udp4 srflx "
                + EXTERNAL
                + ":"
                + host.port()
                + " related "
                + Bed.LAN_V4
                + ":"
                + host.port());
    assertThat(rewritten.priority())
        .isEqualTo(g.only(IceCandidateType.SRFLX, Bed.NAT_V4).priority());
  }

  @Test
  void unspecifiedModeAppendsForSrflxRules() throws Exception {
    Gathered g = gatherWithStun(IceGatherPolicy.ALL, srflxRule(IceAddressRewriteMode.UNSPECIFIED));

    assertThat(g.ofType(IceCandidateType.SRFLX))
        .extracting(IceCandidate::address)
        .containsExactlyInAnyOrder(EXTERNAL, Bed.NAT_V4);
  }

  @Test
  void srflxReplaceSuppressesStunsMappingOfThatBase() throws Exception {
    Gathered g = gatherWithStun(IceGatherPolicy.ALL, srflxRule(IceAddressRewriteMode.REPLACE));

    assertThat(g.ofType(IceCandidateType.SRFLX))
        .extracting(IceCandidate::address)
        .containsExactly(EXTERNAL);
  }

  @Test
  void srflxRulesUnderNoHostHideTheBaseLikeEverythingElse() throws Exception {
    Gathered g = gatherWithStun(IceGatherPolicy.NO_HOST, srflxRule(IceAddressRewriteMode.APPEND));

    assertThat(g.ofType(IceCandidateType.HOST)).isEmpty();
    assertThat(g.only(IceCandidateType.SRFLX, EXTERNAL).toSdp())
        .endsWith("typ srflx raddr 0.0.0.0 rport 0");
  }

  @Test
  void aRuleThatCouldNeverApplyIsRejectedWhenTheGathererIsCreated() {
    SettingEngine engine = new SettingEngine();
    engine.setIceAddressRewriteRules(hostRule().build());
    IceGatherOptions relay = IceGatherOptions.builder().gatherPolicy(IceGatherPolicy.RELAY).build();

    assertThatThrownBy(() -> IceApi.create(engine).newIceGatherer(relay))
        .isInstanceOf(IceException.class)
        .hasMessage(
            "rewriteRules[0].asCandidateType: host never applies under gatherPolicy "
                + "relay, which gathers no host candidates");
  }

  private static IceAddressRewriteRule.Builder hostRule() {
    return IceAddressRewriteRule.builder().external(EXTERNAL);
  }

  private static IceAddressRewriteRule srflxRule(IceAddressRewriteMode mode) {
    return IceAddressRewriteRule.builder()
        .external(EXTERNAL)
        .local(Bed.LAN_V4)
        .asCandidateType(IceCandidateType.SRFLX)
        .mode(mode)
        .build();
  }

  private static Gathered gather(IceAddressRewriteRule.Builder rule) throws Exception {
    return gather(rule.build());
  }

  private static Gathered gather(IceAddressRewriteRule... rules) throws Exception {
    SettingEngine engine = new SettingEngine();
    engine.setIceAddressRewriteRules(rules);

    return Gathered.run(IceApi.create(engine), IceGatherOptions.builder().build());
  }

  /** STUN from eth0 only: lan1 leads nowhere, and its requests would time out. */
  private static Gathered gatherWithStun(IceGatherPolicy policy, IceAddressRewriteRule rule)
      throws Exception {
    SettingEngine engine = new SettingEngine();
    engine.setIceAddressRewriteRules(rule);
    engine.setInterfaceFilter("eth0"::equals);
    engine.setNetworkTypes(NetworkType.UDP4);
    IceGatherOptions options =
        IceGatherOptions.builder()
            .addIceServer(IceServer.of(Bed.stun()))
            .gatherPolicy(policy)
            .build();

    return Gathered.run(IceApi.create(engine), options);
  }

  private static List<String> addresses(Gathered g) {
    return g.candidates().stream().map(IceCandidate::address).toList();
  }
}
