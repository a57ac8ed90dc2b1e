package io.github.nicegather.internal;

import static io.github.nicegather.IceAddressRewriteMode.APPEND;
import static io.github.nicegather.IceAddressRewriteMode.REPLACE;
import static io.github.nicegather.IceAddressRewriteMode.UNSPECIFIED;
import static io.github.nicegather.IceCandidateType.HOST;
import static io.github.nicegather.IceCandidateType.SRFLX;
import static io.github.nicegather.IceGatherPolicy.ALL;
import static io.github.nicegather.IceGatherPolicy.NO_HOST;
import static io.github.nicegather.IceGatherPolicy.RELAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.nicegather.IceAddressRewriteMode;
import io.github.nicegather.IceAddressRewriteRule;
import io.github.nicegather.IceCandidateType;
import io.github.nicegather.IceException;
import io.github.nicegather.IceException.Reason;
import io.github.nicegather.IceGatherOptions;
import io.github.nicegather.IceGatherPolicy;
import io.github.nicegather.IceServer;
import io.github.nicegather.NetworkType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RewriteRulesTest {
  private static final String V4 = "203.0.113.7";
  private static final String V4_OTHER = "198.51.100.7";
  private static final String V6 = "2001:db8::7";

  private static IceAddressRewriteRule.Builder rule(String... external) {
    return IceAddressRewriteRule.builder().external(external);
  }

  private static List<String> problems(IceGatherPolicy policy, IceAddressRewriteRule... rules) {
    List<String> problems = new ArrayList<>();
    RewriteRules checked = RewriteRules.validate(Arrays.asList(rules), policy, problems);
    if (!problems.isEmpty()) {
      assertThat(checked.isEmpty()).isTrue();
    }

    return problems;
  }

  private static RewriteRules valid(IceAddressRewriteRule... rules) {
    List<String> problems = new ArrayList<>();
    RewriteRules checked = RewriteRules.validate(Arrays.asList(rules), ALL, problems);
    assertThat(problems).isEmpty();

    return checked;
  }

  static Stream<Arguments> invalidRules() {
    return Stream.of(
        arguments(
            rule("turn.example.org").build(),
            ALL,
            "rewriteRules[0].external[0]: \"turn.example.org\" is not an IP literal"),
        arguments(
            rule(V4, "1.2.3.0/24").build(),
            ALL,
            "rewriteRules[0].external[1]: \"1.2.3.0/24\" is not an IP literal"),
        arguments(
            rule(" [2001:db8::7] ").build(),
            ALL,
            "rewriteRules[0].external[0]: \"[2001:db8::7]\" is not an IP literal"),
        arguments(
            rule("fe80::1%eth0").build(),
            ALL,
            "rewriteRules[0].external[0]: \"fe80::1%eth0\" is not an IP literal"),
        arguments(
            rule("010.0.0.1").build(),
            ALL,
            "rewriteRules[0].external[0]: \"010.0.0.1\" is not an IP literal"),
        arguments(rule(V4, null).build(), ALL, "rewriteRules[0].external[1]: null"),
        arguments(
            rule().build(),
            ALL,
            "rewriteRules[0].external: empty, at least one IP literal is required"),
        arguments(
            rule(" ", "").build(),
            ALL,
            "rewriteRules[0].external: empty, at least one IP literal is required"),
        arguments(
            rule(V4).local("host.lan").build(),
            ALL,
            "rewriteRules[0].local: \"host.lan\" is not an IP literal"),
        arguments(
            rule(V4).cidr("10.0.0.0").build(),
            ALL,
            "rewriteRules[0].cidr: \"10.0.0.0\" is not address/prefix"),
        arguments(
            rule(V4).cidr("lan/24").build(),
            ALL,
            "rewriteRules[0].cidr: \"lan/24\" is not address/prefix"),
        arguments(
            rule(V4).cidr("10.0.0.0/-1").build(),
            ALL,
            "rewriteRules[0].cidr: \"10.0.0.0/-1\" is not address/prefix"),
        arguments(
            rule(V4).cidr("10.0.0.0/").build(),
            ALL,
            "rewriteRules[0].cidr: \"10.0.0.0/\" is not address/prefix"),
        arguments(
            rule(V4).cidr("10.0.0.0/33").build(),
            ALL,
            "rewriteRules[0].cidr: \"10.0.0.0/33\": prefix 33 is outside 0..32 for IPv4"),
        arguments(
            rule(V6).cidr("fd00::/129").build(),
            ALL,
            "rewriteRules[0].cidr: \"fd00::/129\": prefix 129 is outside 0..128 for IPv6"),
        arguments(
            rule(V4).local("10.1.0.5").cidr("10.0.0.0/24").build(),
            ALL,
            "rewriteRules[0].local: \"10.1.0.5\" is outside cidr \"10.0.0.0/24\""),
        arguments(
            rule(V6).local("fd00::5").cidr("10.0.0.0/8").build(),
            ALL,
            "rewriteRules[0].local: \"fd00::5\" is outside cidr \"10.0.0.0/8\""),
        arguments(
            rule(V4).asCandidateType(IceCandidateType.PRFLX).build(),
            ALL,
            "rewriteRules[0].asCandidateType: prflx is not supported, expected host or srflx"),
        arguments(
            rule(V4).asCandidateType(IceCandidateType.RELAY).build(),
            ALL,
            "rewriteRules[0].asCandidateType: relay is not supported, expected host or srflx"),
        arguments(
            rule(V4).build(),
            NO_HOST,
            "rewriteRules[0].asCandidateType: host never applies under gatherPolicy nohost,"
                + " which gathers no host candidates"),
        arguments(
            rule(V4).build(),
            RELAY,
            "rewriteRules[0].asCandidateType: host never applies under gatherPolicy relay,"
                + " which gathers no host candidates"),
        arguments(
            rule(V4).asCandidateType(SRFLX).build(),
            RELAY,
            "rewriteRules[0].asCandidateType: srflx never applies under gatherPolicy relay,"
                + " which gathers no srflx candidates"),
        arguments(
            rule(V4).networks(NetworkType.UDP4, null).build(),
            ALL,
            "rewriteRules[0].networks[1]: null"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("invalidRules")
  void rejectsWithAMessageNamingTheRuleAndTheField(
      IceAddressRewriteRule rule, IceGatherPolicy policy, String message) {
    assertThat(problems(policy, rule)).containsExactly(message);
  }

  @Test
  void reportsEveryProblemOfEveryRuleInOrder() {
    IceAddressRewriteRule good = rule(V4).build();
    IceAddressRewriteRule bad =
        rule("a.example", V4, "b.example")
            .local("fd00::5")
            .cidr("fd00::/200")
            .asCandidateType(IceCandidateType.PRFLX)
            .networks((NetworkType) null)
            .build();

    assertThat(problems(NO_HOST, good, null, bad))
        .containsExactly(
            "rewriteRules[0].asCandidateType: host never applies under gatherPolicy nohost,"
                + " which gathers no host candidates",
            "rewriteRules[1]: null",
            "rewriteRules[2].external[0]: \"a.example\" is not an IP literal",
            "rewriteRules[2].external[2]: \"b.example\" is not an IP literal",
            "rewriteRules[2].cidr: \"fd00::/200\": prefix 200 is outside 0..128 for IPv6",
            "rewriteRules[2].asCandidateType: prflx is not supported, expected host or srflx",
            "rewriteRules[2].networks[0]: null");
  }

  @Test
  void acceptsNormalisableInput() {
    assertThat(
            problems(
                NO_HOST,
                rule(" " + V4 + " ", "", "  ").asCandidateType(SRFLX).build(),
                rule(V4).asCandidateType(SRFLX).local(" 10.0.0.5 ").cidr(" 10.0.0.9/24 ").build(),
                rule(V6).asCandidateType(SRFLX).cidr("::/0").iface(" ").local("").build(),
                rule(V4).asCandidateType(SRFLX).cidr("0.0.0.0/0").networks().build()))
        .isEmpty();
  }

  @Test
  void trimsDropsBlanksAndRemovesDuplicatesByValue() {
    RewriteRules rules =
        valid(rule(" fd00::1", "", "fd00:0::1 ", V4, "fd00:0:0::2", V4 + "\t").build());

    assertThat(rules.host("fd00::5", "eth0").externals()).containsExactly("fd00::1", "fd00::2");
    assertThat(rules.host("10.0.0.5", "eth0").externals()).containsExactly(V4);
  }

  static Stream<Arguments> modeDefaults() {
    return Stream.of(
        arguments(HOST, UNSPECIFIED, REPLACE),
        arguments(HOST, REPLACE, REPLACE),
        arguments(HOST, APPEND, APPEND),
        arguments(SRFLX, UNSPECIFIED, APPEND),
        arguments(SRFLX, REPLACE, REPLACE),
        arguments(SRFLX, APPEND, APPEND));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("modeDefaults")
  void unspecifiedModeIsReplaceForHostAndAppendForSrflx(
      IceCandidateType type, IceAddressRewriteMode mode, IceAddressRewriteMode expected) {
    RewriteRules rules = valid(rule(V4).asCandidateType(type).mode(mode).build());

    RewriteRules.Match match =
        type == HOST ? rules.host("10.0.0.5", "eth0") : rules.srflx("10.0.0.5", "eth0");

    assertThat(match.mode()).isEqualTo(expected);
  }

  static Stream<Arguments> matching() {
    IceAddressRewriteRule any = rule(V4).build();
    IceAddressRewriteRule cidr = rule(V4).cidr("10.0.0.0/8").build();
    IceAddressRewriteRule iface = rule(V4).iface("eth0").build();
    IceAddressRewriteRule both = rule(V4).iface("eth0").cidr("10.0.0.0/24").build();
    IceAddressRewriteRule local = rule(V4_OTHER).local("10.0.0.5").build();
    IceAddressRewriteRule dual = rule(V4, V6).build();

    return Stream.of(
        arguments("explicit local beats an earlier catch-all", List.of(any, both, local), 2),
        arguments(
            "first explicit local wins", List.of(local, rule(V4).local("10.0.0.5").build()), 0),
        arguments("iface+cidr beats iface, cidr, none", List.of(any, cidr, iface, both), 3),
        arguments("iface+cidr wins declared first", List.of(both, iface, cidr, any), 0),
        arguments("iface beats cidr and none", List.of(cidr, any, iface), 2),
        arguments("cidr beats none although iface is known", List.of(any, cidr), 1),
        arguments(
            "earliest of equals wins", List.of(cidr, rule(V4).cidr("10.0.0.0/24").build()), 0),
        arguments("earliest catch-all wins", List.of(any, rule(V4_OTHER).build()), 0),
        arguments(
            "cidr excludes an outside address",
            List.of(rule(V4).cidr("10.1.0.0/16").build()),
            null),
        arguments("cidr prefix is bitwise", List.of(rule(V4).cidr("10.0.0.4/31").build()), 0),
        arguments(
            "cidr outside falls back to a catch-all",
            List.of(rule(V4).cidr("10.1.0.0/16").build(), any),
            1),
        arguments(
            "networks UDP6 leaves IPv4 alone",
            List.of(rule(V4, V6).networks(NetworkType.UDP6).build()),
            null),
        arguments(
            "networks TCP4 means IPv4", List.of(rule(V4).networks(NetworkType.TCP4).build()), 0),
        arguments("IPv6 externals leave IPv4 alone", List.of(rule(V6).build(), dual), 1),
        arguments(
            "a different local does not apply", List.of(rule(V4).local("10.0.0.6").build()), null),
        arguments("another iface does not apply", List.of(rule(V4).iface("eth1").build()), null),
        arguments(
            "srflx rules leave host candidates alone",
            List.of(rule(V4).asCandidateType(SRFLX).build()),
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matching")
  void picksTheRuleForAHostCandidate(
      String name, List<IceAddressRewriteRule> rules, Integer expected) {
    RewriteRules.Match match =
        valid(rules.toArray(IceAddressRewriteRule[]::new)).host("10.0.0.5", "eth0");

    assertThat(match == null ? null : match.ruleIndex()).isEqualTo(expected);
  }

  @Test
  void externalsAreThoseOfTheAddressFamilyInDeclarationOrder() {
    RewriteRules rules = valid(rule(V4, V6, V4_OTHER, "2001:db8::8").build());

    assertThat(rules.host("10.0.0.5", "eth0"))
        .isEqualTo(new RewriteRules.Match(0, REPLACE, List.of(V4, V4_OTHER)));
    assertThat(rules.host("fd00::5", "eth0").externals())
        .containsExactly("2001:db8::7", "2001:db8::8");
  }

  @Test
  void anUnknownInterfaceMatchesOnlyRulesWithoutIface() {
    RewriteRules scoped = valid(rule(V4).iface("eth0").cidr("10.0.0.0/8").build());
    RewriteRules withFallback = valid(rule(V4).iface("eth0").build(), rule(V4_OTHER).build());

    assertThat(scoped.host("10.0.0.5", null)).isNull();
    assertThat(scoped.host("10.0.0.5", "eth0").ruleIndex()).isZero();
    assertThat(withFallback.host("10.0.0.5", null).ruleIndex()).isEqualTo(1);
    assertThat(withFallback.srflx("10.0.0.5", null)).isNull();
  }

  @Test
  void ipv6AddressesAreComparedByValue() {
    RewriteRules rules = valid(rule(V6).local("fd00:0::1").cidr("FD00:0:0::/64").build());

    assertThat(rules.host("fd00::1", "eth0").ruleIndex()).isZero();
    assertThat(rules.host("fd00:0:0:0:0:0:0:1%eth0", "eth0").ruleIndex()).isZero();
    assertThat(rules.host("fd00::2", "eth0")).isNull();
  }

  @Test
  void srflxRulesApplyToTheBaseOfSrflxCandidatesOnly() {
    RewriteRules rules =
        valid(rule(V4).build(), rule(V4_OTHER).asCandidateType(SRFLX).cidr("10.0.0.0/8").build());

    assertThat(rules.srflx("10.0.0.5", "eth0"))
        .isEqualTo(new RewriteRules.Match(1, APPEND, List.of(V4_OTHER)));
    assertThat(rules.srflx("192.168.1.5", "eth0")).isNull();
    assertThat(rules.host("10.0.0.5", "eth0").ruleIndex()).isZero();
  }

  @Test
  void addressesThatAreNotIpLiteralsMatchNothing() {
    RewriteRules rules = valid(rule(V4).build());

    assertThat(rules.host("5f0e1c7a-0f4b-4a3e-9d7c-1b2f3a4b5c6d.local", "eth0")).isNull();
    assertThat(rules.host("", "eth0")).isNull();
  }

  @Test
  void isEmptyOnlyWithoutRules() {
    assertThat(valid().isEmpty()).isTrue();
    assertThat(RewriteRules.none().isEmpty()).isTrue();
    assertThat(valid(rule(V4).build()).isEmpty()).isFalse();
  }

  @Test
  void gatherConfigReportsRuleProblemsAfterThoseOfTheOptions() {
    IceGatherOptions options =
        new IceGatherOptions(List.of(IceServer.of("stun:h:0")), NO_HOST, 300);
    List<IceAddressRewriteRule> rules =
        Arrays.asList(rule(V4).asCandidateType(SRFLX).build(), null, rule(V4).build());

    IceException e =
        catchThrowableOfType(IceException.class, () -> GatherConfig.check(options, rules));

    assertThat(e.reason()).isEqualTo(Reason.INVALID_SERVER_URL);
    assertThat(e.problems())
        .containsExactly(
            "stun:h:0: port out of range",
            "candidatePoolSize: 300 is outside 0..255",
            "rewriteRules[1]: null",
            "rewriteRules[2].asCandidateType: host never applies under gatherPolicy nohost,"
                + " which gathers no host candidates");
  }

  @Test
  void gatherConfigReportsRuleProblemsAsInvalidOptions() {
    IceGatherOptions options = IceGatherOptions.builder().build();
    List<IceAddressRewriteRule> rules = List.of(rule().build());

    IceException e =
        catchThrowableOfType(IceException.class, () -> GatherConfig.check(options, rules));

    assertThat(e.reason()).isEqualTo(Reason.INVALID_OPTION);
    assertThat(e)
        .hasMessage("rewriteRules[0].external: empty, at least one IP literal is required");
  }

  @Test
  void gatherConfigReturnsTheUrlsAndTheCheckedRules() {
    IceGatherOptions options =
        IceGatherOptions.builder().addIceServer(IceServer.of("stun:stun.example")).build();

    GatherConfig.Checked checked = GatherConfig.check(options, List.of(rule(V4).build()));

    assertThat(checked.urls()).hasSize(1);
    assertThat(checked.rules().host("10.0.0.5", "eth0").externals()).containsExactly(V4);
    assertThat(GatherConfig.check(options, null).rules().isEmpty()).isTrue();
    assertThat(GatherConfig.validate(options)).isEqualTo(checked.urls());
  }
}
