package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Interface and IP filters, the port range and user credentials, in the bed. */
@ExtendWith(SecondLanInterface.class)
class SettingsBedTest {
  @Test
  void theInterfaceFilterChoosesWhichAddressesAreBound() throws Exception {
    SettingEngine engine = new SettingEngine();
    engine.setInterfaceFilter(SecondLanInterface.NAME::equals);

    assertThat(addresses(engine))
        .containsExactlyInAnyOrder(SecondLanInterface.V4, SecondLanInterface.V6);
  }

  @Test
  void theIpFilterChoosesWhichAddressesAreBound() throws Exception {
    SettingEngine engine = new SettingEngine();
    engine.setIpFilter(ip -> ip instanceof Inet4Address);

    assertThat(addresses(engine)).containsExactlyInAnyOrder(Bed.LAN_V4, SecondLanInterface.V4);
  }

  @Test
  void aFilterThatKeepsNothingGivesNoCandidateAndStillCompletes() throws Exception {
    SettingEngine engine = new SettingEngine();
    engine.setIpFilter(ip -> false);
    IceGatherOptions options =
        IceGatherOptions.builder().addIceServer(IceServer.of(Bed.stun())).build();
    Gathered g = Gathered.run(IceApi.create(engine), options);

    assertThat(g.candidates()).isEmpty();
    assertThat(g.errors())
        .extracting(IceCandidateError::errorText)
        .containsExactly("no local IPv4 address to reach it from");
  }

  @Test
  void everyHostSocketTakesAPortInTheRange() throws Exception {
    SettingEngine engine = new SettingEngine();
    engine.setEphemeralUdpPortRange(40000, 40009);
    engine.setNetworkTypes(NetworkType.UDP4, NetworkType.UDP6, NetworkType.TCP4);
    Gathered g = Gathered.run(IceApi.create(engine), IceGatherOptions.builder().build());

    assertThat(g.candidates())
        .hasSizeGreaterThanOrEqualTo(4)
        .filteredOn(c -> !"active".equals(c.tcpType()))
        .allSatisfy(c -> assertThat(c.port()).isBetween(40000, 40009));
  }

  @Test
  void anExhaustedPortRangeFailsGatherWithAClearErrorAndTheGathererCanBeClosed() throws Exception {
    SettingEngine engine = new SettingEngine();
    engine.setEphemeralUdpPortRange(40100, 40100);
    engine.setInterfaceFilter("eth0"::equals);
    engine.setNetworkTypes(NetworkType.UDP4);
    try (DatagramSocket taken = new DatagramSocket(null)) {
      taken.bind(new InetSocketAddress(InetAddress.getByName(Bed.LAN_V4), 40100));
      IceGatherer gatherer =
          IceApi.create(engine).newIceGatherer(IceGatherOptions.builder().build());

      assertThatThrownBy(gatherer::gather)
          .isInstanceOf(IceException.class)
          .hasMessage(
              gatherer.name()
                  + ": no socket could be bound on ["
                  + Bed.LAN_V4
                  + "] within ports 40100..40100: the range is exhausted or the ports are taken")
          .extracting(e -> ((IceException) e).reason())
          .isEqualTo(IceException.Reason.GATHER_FAILED);
      assertThat(gatherer.state()).isEqualTo(IceGathererState.NEW);
      assertThatThrownBy(gatherer::gather).isInstanceOf(IllegalStateException.class);
      gatherer.close();
      assertThat(gatherer.state()).isEqualTo(IceGathererState.CLOSED);
    }
  }

  @Test
  void userCredentialsAreUsedAsGivenAndSetOnTheAgent() {
    SettingEngine engine = new SettingEngine();
    engine.setIceCredentials("abcd", "0123456789+/abcdefghij");
    try (IceGatherer gatherer =
        IceApi.create(engine).newIceGatherer(IceGatherOptions.builder().build())) {
      assertThat(gatherer.getLocalParameters())
          .isEqualTo(new IceParameters("abcd", "0123456789+/abcdefghij", false));
      assertThat(gatherer.nativeCredentials()).containsExactly("abcd", "0123456789+/abcdefghij");
    }
  }

  @Test
  void emptyCredentialsMeanGenerated() {
    SettingEngine engine = new SettingEngine();
    engine.setIceCredentials("abcd", "");
    try (IceGatherer gatherer =
        IceApi.create(engine).newIceGatherer(IceGatherOptions.builder().build())) {
      assertThat(gatherer.getLocalParameters().usernameFragment()).isEqualTo("abcd");
      assertThat(gatherer.getLocalParameters().password()).matches("[A-Za-z0-9+/]{32}");
    }
  }

  @Test
  void credentialsOutsideRfc8445AreRefusedNamingTheRuleNotThePassword() {
    SettingEngine engine = new SettingEngine();

    assertThatThrownBy(() -> engine.setIceCredentials("abc", "0123456789012345678901"))
        .hasMessage("iceCredentials.ufrag: 3 characters, RFC 8445 section 5.3 asks for 4 to 256");
    assertThatThrownBy(() -> engine.setIceCredentials("abcd", "short-secret"))
        .hasMessage(
            "iceCredentials.password: 12 characters, RFC 8445 section 5.3 asks for 22 to 256");
    assertThatThrownBy(() -> engine.setIceCredentials("ab:cd", "0123456789012345678901-"))
        .hasMessage(
            "iceCredentials.ufrag: character 2 is not an ice-char ([A-Za-z0-9+/], RFC 8445 "
                + "section 5.3); iceCredentials.password: character 22 is not an ice-char "
                + "([A-Za-z0-9+/], RFC 8445 section 5.3)");
    assertThatThrownBy(() -> engine.setIceCredentials("abcd", "x".repeat(257)))
        .hasMessageContaining("257 characters");
  }

  @Test
  void theAddressListIsCachedBetweenGatherersUntilRefreshed() throws Exception {
    SettingEngine engine = new SettingEngine();
    engine.setInterfaceFilter(SecondLanInterface.NAME::equals);
    engine.setNetworkTypes(NetworkType.UDP4);
    assertThat(addresses(engine)).containsExactly(SecondLanInterface.V4);

    SecondLanInterface.ip("addr", "add", "10.213.4.3/24", "dev", SecondLanInterface.NAME);
    try {
      assertThat(addresses(engine)).as("cached").containsExactly(SecondLanInterface.V4);
      NiceGather.refreshLocalAddresses();
      assertThat(addresses(engine)).containsExactly(SecondLanInterface.V4, "10.213.4.3");
    } finally {
      SecondLanInterface.ip("addr", "del", "10.213.4.3/24", "dev", SecondLanInterface.NAME);
      NiceGather.refreshLocalAddresses();
    }
  }

  private static List<String> addresses(SettingEngine engine) throws Exception {
    Gathered g = Gathered.run(IceApi.create(engine), IceGatherOptions.builder().build());

    return g.candidates().stream().map(IceCandidate::address).toList();
  }
}
