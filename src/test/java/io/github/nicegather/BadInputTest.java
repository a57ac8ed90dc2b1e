package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import io.github.nicegather.IceException.Reason;
import io.github.nicegather.internal.EventPump;
import io.github.nicegather.internal.NativeAgent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public method and option fed nulls, empty and huge strings, non-ASCII, control characters,
 * out-of-range numbers and malformed URLs. Each is refused with the documented exception, whose
 * message names the input at fault and never shows a credential, and nothing native is created.
 */
class BadInputTest {
  private static final String SECRET = "s3cret-credential-never-shown";
  private static final String HUGE = "a".repeat(100_000);
  private static final AtomicInteger CASES = new AtomicInteger();
  private static final AtomicInteger REFUSED = new AtomicInteger();
  private static IceGatherer closed;

  @BeforeAll
  static void closeOneGatherer() throws Exception {
    closed = IceApi.create().newIceGatherer(IceGatherOptions.builder().build());
    closed.close();
    Natives.awaitIdle();
  }

  @AfterAll
  static void count() {
    System.out.printf(
        "bad input: %d cases, %d refused as expected, naming their input%n",
        CASES.get(), REFUSED.get());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource({"settings", "options", "urls", "rewriteRules", "misuse", "values"})
  void badInputIsRefusedNamingItWithoutCreatingAnythingNative(
      String name,
      ThrowingCallable action,
      Class<? extends Throwable> type,
      Reason reason,
      String names)
      throws Exception {
    CASES.incrementAndGet();
    // What an earlier case wrongly created must not be counted against this one.
    Natives.awaitIdle();
    int agents = NativeAgent.liveCount();
    int routed = EventPump.registered();

    Throwable thrown = catchThrowable(action);

    if (thrown == null) {
      fail(name + ": accepted, expected " + type.getSimpleName() + " naming " + names);
    }
    assertThat(thrown).as(name).isInstanceOf(type).hasMessageContaining(names);
    if (reason != null) {
      assertThat(((IceException) thrown).reason()).as(name).isEqualTo(reason);
    }
    assertThat(everyMessage(thrown)).as(name).doesNotContain(SECRET);
    assertThat(NativeAgent.liveCount()).as(name + ": agents").isEqualTo(agents);
    assertThat(EventPump.registered()).as(name + ": routed agents").isEqualTo(routed);
    REFUSED.incrementAndGet();
  }

  static Stream<Arguments> settings() {
    return Stream.of(
        invalid("IceApi.create(null)", () -> IceApi.create(null), "engine: must not be null"),
        invalid("newIceGatherer(null)", () -> create(IceApi.create(), null), "options: null"),
        invalid(
            "setNetworkTypes()", () -> engine().setNetworkTypes(), "networkTypes: at least one"),
        invalid(
            "setNetworkTypes(null array)",
            () -> engine().setNetworkTypes((NetworkType[]) null),
            "networkTypes: at least one"),
        invalid(
            "setNetworkTypes(udp4, null)",
            () -> engine().setNetworkTypes(NetworkType.UDP4, null),
            "networkTypes[1]: null"),
        invalid("stunGatherTimeout null", () -> timeout(null), "stunGatherTimeout: null"),
        invalid("stunGatherTimeout 0", () -> timeout(Duration.ZERO), "stunGatherTimeout: PT0S"),
        invalid(
            "stunGatherTimeout 99 ms",
            () -> timeout(Duration.ofMillis(99)),
            "stunGatherTimeout: PT0.099S is outside 100 ms..30 s"),
        invalid(
            "stunGatherTimeout 100 ms less 1 ns",
            () -> timeout(Duration.ofNanos(99_999_999)),
            "stunGatherTimeout: PT0.099999999S"),
        invalid(
            "stunGatherTimeout 30.001 s",
            () -> timeout(Duration.ofMillis(30_001)),
            "stunGatherTimeout: PT30.001S"),
        invalid(
            "stunGatherTimeout -1 s",
            () -> timeout(Duration.ofSeconds(-1)),
            "stunGatherTimeout: PT-1S"),
        invalid(
            "stunGatherTimeout Long.MAX_VALUE s",
            () -> timeout(Duration.ofSeconds(Long.MAX_VALUE)),
            "stunGatherTimeout: " + Duration.ofSeconds(Long.MAX_VALUE)),
        invalid("port range -1..10", () -> ports(-1, 10), "ephemeralUdpPortRange: -1..10"),
        invalid("port range 0..10", () -> ports(0, 10), "ephemeralUdpPortRange: 0..10"),
        invalid("port range 10..0", () -> ports(10, 0), "ephemeralUdpPortRange: 10..0"),
        invalid("port range 2..1", () -> ports(2, 1), "ephemeralUdpPortRange: 2..1"),
        invalid("port range 1..65536", () -> ports(1, 65_536), "ephemeralUdpPortRange: 1..65536"),
        invalid(
            "port range MIN..MAX",
            () -> ports(Integer.MIN_VALUE, Integer.MAX_VALUE),
            "ephemeralUdpPortRange: -2147483648..2147483647 is not a range within 1..65535"),
        invalid("ufrag of 3", () -> credentials("abc", null), "iceCredentials.ufrag: 3 characters"),
        invalid(
            "ufrag of 257",
            () -> credentials("u".repeat(257), null),
            "iceCredentials.ufrag: 257 characters"),
        invalid(
            "ufrag of 100 kB",
            () -> credentials(HUGE, null),
            "iceCredentials.ufrag: 100000 characters"),
        invalid(
            "ufrag with a space",
            () -> credentials("abcd efgh", null),
            "iceCredentials.ufrag: character 4 is not an ice-char"),
        invalid(
            "ufrag non-ASCII",
            () -> credentials("abcdé", null),
            "iceCredentials.ufrag: character 4 is not an ice-char"),
        invalid(
            "ufrag with NUL",
            () -> credentials("abcd\u0000", null),
            "iceCredentials.ufrag: character 4 is not an ice-char"),
        invalid(
            "password of 5",
            () -> credentials(null, "s3crt"),
            "iceCredentials.password: 5 characters, RFC 8445 section 5.3 asks for 22 to 256"),
        invalid(
            "password with a dash",
            () -> credentials(null, SECRET),
            "iceCredentials.password: character 6 is not an ice-char"),
        invalid(
            "password of 100 kB",
            () -> credentials(null, SECRET + HUGE),
            "iceCredentials.password: 100029 characters"),
        invalid(
            "password with a newline",
            () -> credentials(null, "abcdefghijklmnopqrstuvwxyz\n"),
            "iceCredentials.password: character 26"),
        invalid(
            "ufrag and password both bad",
            () -> credentials("a", SECRET),
            "iceCredentials.ufrag: 1 characters, RFC 8445 section 5.3 asks for 4 to 256; "
                + "iceCredentials.password: character 6"),
        invalid(
            "setIceAddressRewriteRules(null array)",
            () -> engine().setIceAddressRewriteRules((IceAddressRewriteRule[]) null),
            "rewriteRules: null"));
  }

  static Stream<Arguments> options() {
    return Stream.of(
        invalid("candidatePoolSize -1", () -> pool(-1), "candidatePoolSize: -1 is outside 0..255"),
        invalid("candidatePoolSize 256", () -> pool(256), "candidatePoolSize: 256"),
        invalid("candidatePoolSize MIN", () -> pool(Integer.MIN_VALUE), "candidatePoolSize: -2"),
        invalid("candidatePoolSize MAX", () -> pool(Integer.MAX_VALUE), "candidatePoolSize: 2147"),
        invalid("addIceServer(null)", () -> servers((IceServer) null), "iceServers[0]: null"),
        invalid(
            "a null server second",
            () -> servers(IceServer.of("stun:192.0.2.1"), null),
            "iceServers[1]: null"),
        url("IceServer.of()", IceServer.of(), "iceServers[0]: no URLs"),
        url("IceServer.of(null array)", IceServer.of((String[]) null), "iceServers[0]: no URLs"),
        url(
            "IceServer(null urls)",
            new IceServer(null, "user", SECRET, null),
            "iceServers[0]: no URLs"),
        url("a null URL", IceServer.of((String) null), "iceServers[0].urls[0]: url is empty"),
        url("an empty URL", IceServer.of(""), "iceServers[0].urls[0]: url is empty"),
        url("a blank URL", IceServer.of(" \t"), "iceServers[0].urls[0]: url is empty"),
        Arguments.of(
            "an empty URL second of the second server",
            (ThrowingCallable)
                () -> servers(IceServer.of("stun:192.0.2.1"), IceServer.of("stun:192.0.2.2", "")),
            IceException.class,
            Reason.INVALID_SERVER_URL,
            "iceServers[1].urls[1]: url is empty"),
        invalid(
            "servers in lite mode",
            () -> {
              SettingEngine engine = engine();
              engine.setLite(true);
              create(IceApi.create(engine), withServer("stun:192.0.2.1"));
            },
            "iceServers: an ICE-lite agent gathers host candidates only"),
        invalid(
            "pool size and a rule both bad",
            () -> {
              SettingEngine engine = engine();
              engine.setIceAddressRewriteRules((IceAddressRewriteRule) null);
              create(
                  IceApi.create(engine), IceGatherOptions.builder().candidatePoolSize(-1).build());
            },
            "candidatePoolSize: -1 is outside 0..255; rewriteRules[0]: null"),
        invalid(
            "gatherPolicy null",
            () -> IceGatherPolicy.parse(null),
            "gatherPolicy: unknown value null"),
        invalid(
            "gatherPolicy empty",
            () -> IceGatherPolicy.parse(""),
            "gatherPolicy: unknown value \"\""),
        invalid(
            "gatherPolicy with a trailing space",
            () -> IceGatherPolicy.parse("all "),
            "gatherPolicy: unknown value \"all \", expected all, relay or nohost"),
        invalid(
            "gatherPolicy with a Cyrillic e",
            () -> IceGatherPolicy.parse("r\u0435lay"),
            "gatherPolicy: unknown value \"r\u0435lay\""),
        invalid(
            "gatherPolicy no-host",
            () -> IceGatherPolicy.parse("no-host"),
            "gatherPolicy: unknown value \"no-host\""),
        invalid(
            "gatherPolicy with NUL",
            () -> IceGatherPolicy.parse("all\u0000"),
            "gatherPolicy: unknown value \"all\\u0000\""),
        invalid(
            "gatherPolicy of 100 kB",
            () -> IceGatherPolicy.parse(HUGE),
            "gatherPolicy: unknown value \"aaaa"));
  }

  static Stream<Arguments> urls() {
    String label64 = "b".repeat(64);
    return Stream.of(
        badUrl("stun:", "stun:: empty host"),
        badUrl("stun:\u0000", "stun:\\u0000: contains whitespace or a control character"),
        badUrl("stun:10.0.0.1\n", "stun:10.0.0.1\\u000a: contains whitespace"),
        badUrl("stun:10.0.0.1 :3478", "stun:10.0.0.1\\u0020:3478: contains whitespace"),
        badUrl("stun:\u00a0host", "stun:\\u00a0host: contains whitespace"),
        badUrl("stun:\u202ehost", "stun:\u202ehost: invalid host"),
        badUrl("stun:exämple.org", "stun:exämple.org: invalid host \"exämple.org\""),
        badUrl("stun:例え.jp", "stun:例え.jp: invalid host \"例え.jp\""),
        badUrl("stun:" + HUGE, "stun:aaaa"),
        badUrl("stun:" + HUGE + ":3478", "invalid host"),
        badUrl("stun:" + label64 + ".org", "invalid host \"" + label64 + ".org\""),
        badUrl("stun:1.2.3", "stun:1.2.3: invalid host \"1.2.3\""),
        badUrl("stun:010.0.0.1", "stun:010.0.0.1: invalid host \"010.0.0.1\""),
        badUrl("stun:256.0.0.1", "stun:256.0.0.1: invalid host \"256.0.0.1\""),
        badUrl("stun:10.0.0.1:-1", "stun:10.0.0.1:-1: invalid port \"-1\""),
        badUrl("stun:10.0.0.1:0", "stun:10.0.0.1:0: port out of range"),
        badUrl("stun:10.0.0.1:65536", "stun:10.0.0.1:65536: port out of range"),
        badUrl("stun:10.0.0.1:99999999999", "stun:10.0.0.1:99999999999: port out of range"),
        badUrl("stun:10.0.0.1:", "stun:10.0.0.1:: invalid port \"\""),
        badUrl("stun:10.0.0.1:34a", "stun:10.0.0.1:34a: invalid port \"34a\""),
        badUrl("stun:10.0.0.1:+3478", "stun:10.0.0.1:+3478: invalid port \"+3478\""),
        badUrl("stun:10.0.0.1:٣٤٧٨", "stun:10.0.0.1:٣٤٧٨: invalid port \"٣٤٧٨\""),
        badUrl("stun:10.0.0.1:3478:3478", "stun:10.0.0.1:3478:3478: "),
        badUrl("stun:fd13::1", "stun:fd13::1: IPv6 address must be in brackets"),
        badUrl("stun:fd13::1:3478", "stun:fd13::1:3478: IPv6 address must be in brackets"),
        badUrl("stun:[fd13::1", "stun:[fd13::1: invalid host \"[fd13::1\""),
        badUrl("stun:[fd13::zz]", "stun:[fd13::zz]: invalid IPv6 address \"fd13::zz\""),
        badUrl("stun:[]", "stun:[]: empty host"),
        badUrl("stun:[fd13::1]x", "stun:[fd13::1]x: invalid host \"[fd13::1]x\""),
        badUrl("stun:[fd13::1]:0", "stun:[fd13::1]:0: port out of range"),
        badUrl("stun:[fe80::1%eth0]", "invalid IPv6 address \"fe80::1%eth0\""),
        badUrl("stun://10.0.0.1", "stun://10.0.0.1: \"//\" is not allowed"),
        badUrl("http://10.0.0.1", "http://10.0.0.1: unknown scheme \"http\""),
        badUrl("10.0.0.1", "10.0.0.1: missing scheme"),
        badUrl(
            "stun:10.0.0.1?transport=udp", "stun:10.0.0.1?transport=udp: stun URLs take no query"),
        badUrl(
            "stun:user:pass@10.0.0.1", "stun:user:pass@10.0.0.1: invalid port \"pass@10.0.0.1\""),
        turnUrl(
            "turn:10.0.0.1?transport=sctp",
            Reason.INVALID_SERVER_URL,
            "turn:10.0.0.1?transport=sctp: unsupported query \"transport=sctp\""),
        turnUrl(
            "turn:10.0.0.1?transport=UDP",
            Reason.INVALID_SERVER_URL,
            "turn:10.0.0.1?transport=UDP: unsupported query \"transport=UDP\""),
        turnUrl("turns:", Reason.INVALID_SERVER_URL, "turns:: empty host"),
        url(
            "turn without credentials",
            IceServer.of("turn:10.0.0.1"),
            Reason.MISSING_CREDENTIALS,
            "turn:10.0.0.1: TURN needs a username and a credential"),
        url(
            "turn with a null credential",
            IceServer.of(List.of("turn:10.0.0.1"), "user", null),
            Reason.MISSING_CREDENTIALS,
            "turn:10.0.0.1: TURN needs a username and a credential"),
        url(
            "turn with an empty username",
            IceServer.of(List.of("turn:10.0.0.1"), "", SECRET),
            Reason.MISSING_CREDENTIALS,
            "turn:10.0.0.1: TURN needs a username and a credential"),
        url(
            "turn with OAuth",
            new IceServer(List.of("turn:10.0.0.1"), "user", SECRET, IceCredentialType.OAUTH),
            Reason.UNSUPPORTED,
            "iceServers[0]: OAuth credentials are not supported"),
        // libnice refuses a TURN username or password longer than 256 bytes.
        url(
            "turn with a username of 257",
            IceServer.of(List.of("turn:10.0.0.1"), "u".repeat(257), SECRET),
            Reason.INVALID_OPTION,
            "iceServers[0].username"),
        url(
            "turn with a credential of 100 kB",
            IceServer.of(List.of("turn:10.0.0.1"), "user", SECRET + HUGE),
            Reason.INVALID_OPTION,
            "iceServers[0].credential"));
  }

  static Stream<Arguments> rewriteRules() {
    return Stream.of(
        rules("a null rule", "rewriteRules[0]: null", (IceAddressRewriteRule) null),
        rules(
            "no external address",
            "rewriteRules[0].external: empty, at least one IP literal is required",
            IceAddressRewriteRule.builder().build()),
        rules(
            "blank external addresses",
            "rewriteRules[0].external: empty",
            rule().external("", " \t").build()),
        rules(
            "a null external address",
            "rewriteRules[0].external[1]: null",
            rule().external("203.0.113.7", null).build()),
        external(
            "turn.example", "rewriteRules[0].external[0]: \"turn.example\" is not an IP literal"),
        external("203.0.113.0/24", "rewriteRules[0].external[0]: \"203.0.113.0/24\" is not"),
        external("２０３.0.113.7", "rewriteRules[0].external[0]: \"２０３.0.113.7\" is not"),
        external("203.0.113.7\u0000", "rewriteRules[0].external[0]: \"203.0.113.7\\u0000\""),
        external(HUGE, "rewriteRules[0].external[0]: \"aaaa"),
        external("256.0.0.1", "rewriteRules[0].external[0]: \"256.0.0.1\" is not an IP literal"),
        external("::ffff:999.0.0.1", "rewriteRules[0].external[0]: \"::ffff:999.0.0.1\" is not"),
        rules(
            "a host name as local",
            "rewriteRules[0].local: \"not-an-ip\" is not an IP literal",
            rule().local("not-an-ip").build()),
        rules(
            "a local with a zone",
            "rewriteRules[0].local: \"fe80::1%eth0\" is not an IP literal",
            rule().external("fd00::7").local("fe80::1%eth0").build()),
        rules(
            "a local outside cidr",
            "rewriteRules[0].local: \"10.0.1.5\" is outside cidr \"10.0.0.0/24\"",
            rule().local("10.0.1.5").cidr("10.0.0.0/24").build()),
        cidr("10.0.0.0", "rewriteRules[0].cidr: \"10.0.0.0\" is not address/prefix"),
        cidr("10.0.0.0/33", "rewriteRules[0].cidr: \"10.0.0.0/33\": prefix 33 is outside 0..32"),
        cidr("fd00::/129", "rewriteRules[0].cidr: \"fd00::/129\": prefix 129 is outside 0..128"),
        cidr("10.0.0.0/-1", "rewriteRules[0].cidr: \"10.0.0.0/-1\" is not address/prefix"),
        cidr("10.0.0.0/99999999999", "rewriteRules[0].cidr: \"10.0.0.0/99999999999\" is not"),
        cidr("host.example/8", "rewriteRules[0].cidr: \"host.example/8\" is not address/prefix"),
        cidr("10.0.0.0/2\u0000", "rewriteRules[0].cidr: \"10.0.0.0/2\\u0000\" is not"),
        rules(
            "relay as candidate type",
            "rewriteRules[0].asCandidateType: relay is not supported, expected host or srflx",
            rule().asCandidateType(IceCandidateType.RELAY).build()),
        rules(
            "prflx as candidate type",
            "rewriteRules[0].asCandidateType: prflx is not supported",
            rule().asCandidateType(IceCandidateType.PRFLX).build()),
        rulesUnder(
            IceGatherPolicy.RELAY,
            "a host rule under relay",
            "rewriteRules[0].asCandidateType: host never applies under gatherPolicy relay",
            rule().build()),
        rulesUnder(
            IceGatherPolicy.RELAY,
            "a srflx rule under relay",
            "rewriteRules[0].asCandidateType: srflx never applies under gatherPolicy relay",
            rule().asCandidateType(IceCandidateType.SRFLX).build()),
        rulesUnder(
            IceGatherPolicy.NO_HOST,
            "a host rule under nohost",
            "rewriteRules[0].asCandidateType: host never applies under gatherPolicy nohost",
            rule().build()),
        rules(
            "a null network",
            "rewriteRules[0].networks[1]: null",
            rule().networks(NetworkType.UDP4, null).build()),
        rules(
            "the second rule bad",
            "rewriteRules[1].cidr: \"10.0.0.0/40\"",
            rule().build(),
            rule().cidr("10.0.0.0/40").build()));
  }

  static Stream<Arguments> misuse() {
    return Stream.of(
        afterClose("gather()", () -> closed.gather()),
        afterClose("getLocalParameters()", () -> closed.getLocalParameters()),
        afterClose("getLocalCandidates()", () -> closed.getLocalCandidates()),
        afterClose("gatheringComplete()", () -> closed.gatheringComplete()),
        afterClose("onLocalCandidate()", () -> closed.onLocalCandidate(null)),
        afterClose("onStateChange()", () -> closed.onStateChange(null)),
        afterClose("onCandidateError()", () -> closed.onCandidateError(null)),
        afterClose("onLocalCandidate()", () -> closed.onLocalCandidate(c -> {})),
        thrown(
            "IceException.of(empty)",
            () -> IceException.of(Reason.GATHER_FAILED, List.of()),
            IllegalArgumentException.class,
            "problems: at least one problem is required"),
        thrown(
            "IceException.of(null reason)",
            () -> IceException.of(null, List.of("x")),
            NullPointerException.class,
            "reason"),
        thrown(
            "IceException(null reason)",
            () -> new IceException(null, "x"),
            NullPointerException.class,
            "reason"),
        thrown(
            "IceException.of(null problems)",
            () -> IceException.of(Reason.GATHER_FAILED, null),
            NullPointerException.class,
            "problems"),
        thrown(
            "IceException.of(a null problem)",
            () -> IceException.of(Reason.GATHER_FAILED, Arrays.asList("x", null)),
            NullPointerException.class,
            "problems"),
        thrown(
            "NetworkType.of(null)",
            () -> NetworkType.of(null, false),
            NullPointerException.class,
            "protocol"));
  }

  static Stream<Arguments> values() {
    return Stream.of(
        candidate(
            "null foundation", NullPointerException.class, "foundation", c -> c.foundation = null),
        candidate(
            "empty foundation",
            "foundation: \"\" is not 1 to 32 ice-chars",
            c -> c.foundation = ""),
        candidate(
            "foundation of 33",
            "foundation: \"" + "f".repeat(33),
            c -> c.foundation = "f".repeat(33)),
        candidate("non-ASCII foundation", "foundation: \"fé\"", c -> c.foundation = "fé"),
        candidate("priority -1", "priority: -1 is outside 0..4294967295", c -> c.priority = -1),
        candidate("priority 2^32", "priority: 4294967296", c -> c.priority = 1L << 32),
        candidate("null address", NullPointerException.class, "address", c -> c.address = null),
        candidate(
            "empty address", "address: \"\" is empty or contains whitespace", c -> c.address = ""),
        candidate(
            "address with CR LF",
            "address: \"10.0.0.1\\u000d\\u000aa=evil\"",
            c -> c.address = "10.0.0.1\r\na=evil"),
        candidate("null protocol", NullPointerException.class, "protocol", c -> c.protocol = null),
        candidate("port -1", "port: -1 is outside 0..65535", c -> c.port = -1),
        candidate("port 65536", "port: 65536 is outside 0..65535", c -> c.port = 65_536),
        candidate("null type", NullPointerException.class, "type", c -> c.type = null),
        candidate("component 0", "component: 0 is outside 1..256", c -> c.component = 0),
        candidate("component 257", "component: 257 is outside 1..256", c -> c.component = 257),
        candidate(
            "related address with a tab", "relatedAddress: \"a\\u0009b\"", c -> c.related = "a\tb"),
        candidate("related port 70000", "relatedPort: 70000", c -> c.relatedPort = 70_000),
        candidate(
            "tcpType on udp",
            "tcpType: \"active\" given for a udp candidate",
            c -> c.tcpType = "active"),
        candidate(
            "tcp without tcpType",
            "tcpType: null is not active, passive or so",
            c -> c.protocol = IceProtocol.TCP),
        candidate(
            "tcpType in capitals",
            "tcpType: \"ACTIVE\" is not active, passive or so",
            c -> {
              c.protocol = IceProtocol.TCP;
              c.tcpType = "ACTIVE";
            }),
        thrown(
            "toJson with sdpMLineIndex -1",
            () -> new CandidateFields().build().toJson("0", -1, null),
            IllegalArgumentException.class,
            "sdpMLineIndex: -1 is outside 0..65535"),
        thrown(
            "error without text",
            () -> new IceCandidateError(null, null, 0, 701, null),
            NullPointerException.class,
            "errorText"),
        thrown(
            "error port without address",
            () -> new IceCandidateError(null, null, 5000, 701, "x"),
            IllegalArgumentException.class,
            "port: 5000 is outside 0..65535 or given without an address"),
        thrown(
            "error port -1",
            () -> new IceCandidateError(null, "10.0.0.1", -1, 701, "x"),
            IllegalArgumentException.class,
            "port: -1"),
        errorCode(299),
        errorCode(700),
        errorCode(702),
        errorCode(Integer.MIN_VALUE),
        thrown(
            "parameters without ufrag",
            () -> new IceParameters(null, SECRET, false),
            NullPointerException.class,
            "usernameFragment"),
        thrown(
            "parameters without password",
            () -> new IceParameters("ufrag", null, false),
            NullPointerException.class,
            "password"));
  }

  @Test
  void nullsDocumentedAsNoneOrDefaultAreAccepted() throws Exception {
    int agents = NativeAgent.liveCount();
    SettingEngine engine = engine();
    List<Runnable> accepted =
        List.of(
            () -> IceServer.of((String[]) null),
            () -> new IceServer(null, null, null, null),
            () -> IceServer.of(null, null, null),
            () -> new IceGatherOptions(null, null, 0),
            () -> IceGatherOptions.builder().iceServers(null).gatherPolicy(null).build(),
            () -> engine.setInterfaceFilter(null),
            () -> engine.setIpFilter(null),
            () -> engine.setIceCredentials(null, null),
            () -> engine.setIceCredentials("", ""),
            () -> engine.setIceAddressRewriteRules(),
            () -> engine.setEphemeralUdpPortRange(0, 0),
            () -> IceAddressRewriteRule.builder().external((String[]) null).networks().build(),
            () -> new IceAddressRewriteRule(null, null, null, null, null, null, null),
            () -> new IceCandidateError(null, null, 0, 701, ""));

    accepted.forEach(Runnable::run);

    assertThat(NativeAgent.liveCount()).isEqualTo(agents);
    System.out.printf("bad input: %d nulls accepted as documented%n", accepted.size());
  }

  @Test
  void aNullHandlerRemovesTheHandler() throws Exception {
    IceGatherer gatherer = IceApi.create().newIceGatherer(IceGatherOptions.builder().build());
    Recorder recorder = Recorder.attach(gatherer);
    gatherer.onLocalCandidate(null);
    gatherer.onStateChange(null);
    gatherer.onCandidateError(null);

    gatherer.gather();
    List<IceCandidate> all = gatherer.gatheringComplete().get(5, TimeUnit.SECONDS);
    gatherer.gracefulClose();

    assertThat(all).isNotEmpty();
    assertThat(recorder.snapshot()).isEmpty();
  }

  private static Arguments invalid(String name, ThrowingCallable action, String names) {
    return Arguments.of(name, action, IceException.class, Reason.INVALID_OPTION, names);
  }

  private static Arguments thrown(
      String name, ThrowingCallable action, Class<? extends Throwable> type, String names) {
    return Arguments.of(name, action, type, null, names);
  }

  private static Arguments afterClose(String call, ThrowingCallable action) {
    return thrown(
        call + " after close()", action, IllegalStateException.class, call + " after close()");
  }

  private static Arguments badUrl(String url, String names) {
    return url(url.length() > 60 ? url.substring(0, 60) + "..." : url, IceServer.of(url), names);
  }

  private static Arguments turnUrl(String url, Reason reason, String names) {
    return url(url, IceServer.of(List.of(url), "user", SECRET), reason, names);
  }

  private static Arguments url(String name, IceServer server, String names) {
    return url(name, server, Reason.INVALID_SERVER_URL, names);
  }

  private static Arguments url(String name, IceServer server, Reason reason, String names) {
    return Arguments.of(
        name, (ThrowingCallable) () -> servers(server), IceException.class, reason, names);
  }

  private static Arguments rules(String name, String names, IceAddressRewriteRule... rules) {
    return rulesUnder(IceGatherPolicy.ALL, name, names, rules);
  }

  private static Arguments rulesUnder(
      IceGatherPolicy policy, String name, String names, IceAddressRewriteRule... rules) {
    ThrowingCallable action =
        () -> {
          SettingEngine engine = engine();
          engine.setIceAddressRewriteRules(rules);
          create(IceApi.create(engine), IceGatherOptions.builder().gatherPolicy(policy).build());
        };

    return invalid(name, action, names);
  }

  private static Arguments external(String address, String names) {
    String name = "external " + (address.length() > 40 ? "of 100 kB" : address);

    return rules(name, names, IceAddressRewriteRule.builder().external(address).build());
  }

  private static Arguments cidr(String block, String names) {
    return rules("cidr " + block, names, rule().cidr(block).build());
  }

  private static Arguments errorCode(int code) {
    return thrown(
        "error code " + code,
        () -> new IceCandidateError(null, null, 0, code, "x"),
        IllegalArgumentException.class,
        "errorCode: " + code + " is neither 300..699 nor 701");
  }

  private static Arguments candidate(
      String name, String names, java.util.function.Consumer<CandidateFields> change) {
    return candidate(name, IllegalArgumentException.class, names, change);
  }

  private static Arguments candidate(
      String name,
      Class<? extends Throwable> type,
      String names,
      java.util.function.Consumer<CandidateFields> change) {
    ThrowingCallable action =
        () -> {
          CandidateFields fields = new CandidateFields();
          change.accept(fields);
          fields.build();
        };

    return thrown("candidate " + name, action, type, names);
  }

  /** A valid host candidate's fields, for one to be spoilt at a time. */
  private static final class CandidateFields {
    String foundation = "1";
    long priority = 2_130_706_431L;
    String address = "10.0.0.1";
    IceProtocol protocol = IceProtocol.UDP;
    int port = 5000;
    IceCandidateType type = IceCandidateType.HOST;
    int component = 1;
    String related;
    int relatedPort;
    String tcpType;

    IceCandidate build() {
      return new IceCandidate(
          foundation,
          priority,
          address,
          protocol,
          port,
          type,
          component,
          related,
          relatedPort,
          tcpType);
    }
  }

  private static IceAddressRewriteRule.Builder rule() {
    return IceAddressRewriteRule.builder().external("203.0.113.7");
  }

  private static SettingEngine engine() {
    return new SettingEngine();
  }

  private static void timeout(Duration timeout) {
    engine().setStunGatherTimeout(timeout);
  }

  private static void ports(int min, int max) {
    engine().setEphemeralUdpPortRange(min, max);
  }

  private static void credentials(String ufrag, String password) {
    engine().setIceCredentials(ufrag, password);
  }

  private static void pool(int size) {
    create(IceApi.create(), IceGatherOptions.builder().candidatePoolSize(size).build());
  }

  private static void servers(IceServer... servers) {
    create(IceApi.create(), IceGatherOptions.builder().iceServers(Arrays.asList(servers)).build());
  }

  /** Creates a gatherer, which every case expects to be refused; closes it if it is not. */
  private static void create(IceApi api, IceGatherOptions options) {
    api.newIceGatherer(options).close();
  }

  private static IceGatherOptions withServer(String url) {
    return IceGatherOptions.builder().addIceServer(IceServer.of(url)).build();
  }

  private static String everyMessage(Throwable thrown) {
    List<String> texts = new ArrayList<>();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      texts.add(String.valueOf(t));
    }

    return String.join("\n", texts);
  }
}
