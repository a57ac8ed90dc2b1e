package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IceAddressRewriteRuleTest {

  @Test
  void builderSetsEveryField() {
    IceAddressRewriteRule rule =
        IceAddressRewriteRule.builder()
            .external("203.0.113.7", "2001:db8::7")
            .local("10.0.0.5")
            .iface("eth0")
            .cidr("10.0.0.0/24")
            .asCandidateType(IceCandidateType.SRFLX)
            .mode(IceAddressRewriteMode.APPEND)
            .networks(NetworkType.UDP4, NetworkType.TCP6)
            .build();

    assertThat(rule)
        .isEqualTo(
            new IceAddressRewriteRule(
                List.of("203.0.113.7", "2001:db8::7"),
                "10.0.0.5",
                "eth0",
                "10.0.0.0/24",
                IceCandidateType.SRFLX,
                IceAddressRewriteMode.APPEND,
                List.of(NetworkType.UDP4, NetworkType.TCP6)));
  }

  @Test
  void defaultsToAnUnscopedHostRuleWithUnspecifiedMode() {
    IceAddressRewriteRule rule = IceAddressRewriteRule.builder().build();

    assertThat(rule.external()).isEmpty();
    assertThat(rule.local()).isNull();
    assertThat(rule.iface()).isNull();
    assertThat(rule.cidr()).isNull();
    assertThat(rule.asCandidateType()).isEqualTo(IceCandidateType.HOST);
    assertThat(rule.mode()).isEqualTo(IceAddressRewriteMode.UNSPECIFIED);
    assertThat(rule.networks()).isEmpty();
    assertThat(new IceAddressRewriteRule(null, null, null, null, null, null, null)).isEqualTo(rule);
  }

  @Test
  void nullArraysMeanNone() {
    IceAddressRewriteRule rule =
        IceAddressRewriteRule.builder()
            .external((String[]) null)
            .networks((NetworkType[]) null)
            .build();

    assertThat(rule.external()).isEmpty();
    assertThat(rule.networks()).isEmpty();
  }

  @Test
  void keepsNullEntriesSoThatValidationCanReportThem() {
    IceAddressRewriteRule rule =
        IceAddressRewriteRule.builder()
            .external("203.0.113.7", null)
            .networks(null, NetworkType.UDP4)
            .build();

    assertThat(rule.external()).containsExactly("203.0.113.7", null);
    assertThat(rule.networks()).containsExactly(null, NetworkType.UDP4);
  }

  @Test
  void listsAreCopiedAndUnmodifiable() {
    List<String> external = new ArrayList<>(List.of("203.0.113.7"));
    String[] array = {"198.51.100.7"};
    IceAddressRewriteRule fromList =
        new IceAddressRewriteRule(external, null, null, null, null, null, null);
    IceAddressRewriteRule fromArray = IceAddressRewriteRule.builder().external(array).build();

    external.add("203.0.113.8");
    array[0] = "203.0.113.9";

    assertThat(fromList.external()).containsExactly("203.0.113.7");
    assertThat(fromArray.external()).containsExactly("198.51.100.7");
    assertThatThrownBy(() -> fromList.external().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> fromList.networks().add(NetworkType.UDP4))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builderCanBeReusedAndLaterCallsReplace() {
    IceAddressRewriteRule.Builder builder = IceAddressRewriteRule.builder().external("203.0.113.7");
    IceAddressRewriteRule first = builder.build();

    IceAddressRewriteRule second =
        builder.external("198.51.100.7").networks(NetworkType.UDP6).networks().build();

    assertThat(first.external()).containsExactly("203.0.113.7");
    assertThat(second.external()).containsExactly("198.51.100.7");
    assertThat(second.networks()).isEmpty();
  }

  @Test
  void toStringShowsEveryFieldInLowerCaseNames() {
    IceAddressRewriteRule rule =
        IceAddressRewriteRule.builder()
            .external("203.0.113.7")
            .local("10.0.0.5")
            .mode(IceAddressRewriteMode.REPLACE)
            .networks(NetworkType.UDP4)
            .build();

    assertThat(rule)
        .hasToString(
            "IceAddressRewriteRule[external=[203.0.113.7], local=10.0.0.5, iface=null, cidr=null,"
                + " asCandidateType=host, mode=replace, networks=[udp4]]");
  }

  @Test
  void modesPrintInLowerCase() {
    assertThat(Arrays.stream(IceAddressRewriteMode.values()).map(Object::toString))
        .containsExactly("unspecified", "replace", "append");
  }
}
