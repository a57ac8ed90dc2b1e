package io.github.nicegather.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.nicegather.Bed;
import io.github.nicegather.IceApi;
import io.github.nicegather.IceCandidate;
import io.github.nicegather.IceCandidateError;
import io.github.nicegather.IceCandidateType;
import io.github.nicegather.IceGatherOptions;
import io.github.nicegather.IceServer;
import io.github.nicegather.SettingEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gathering against a server that answers wrongly on purpose, one mode at a time, in the bed's
 * server namespace: gathering completes within the STUN gather timeout plus 100 ms, the host
 * candidates are all there, nothing the server made up becomes a candidate, and each of its URLs is
 * named in a candidate error. The cases run in one JVM, and a gathering against the bed's own
 * coturn runs after them all, so a case that broke the JVM or the engine shows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileServerTest {
  private static final long TIMEOUT_MS = 500;
  private static final long SLACK_MS = 100;
  private static final int FIRST_PORT = 3500;
  private static final int NOISE_BUDGET = 4_000;

  /** Fixed, so a run sends the same bytes; -Dnicegather.hostile.seed=N tries others. */
  private static final long SEED = Long.getLong("nicegather.hostile.seed", 8656);

  private static final AtomicInteger CASES = new AtomicInteger();
  private static final AtomicLong PACKETS = new AtomicLong();

  @BeforeEach
  void needsBed() {
    Bed.require();
  }

  static Stream<HostileCase> cases() {
    return HostileCase.all(TIMEOUT_MS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @Order(1)
  void gatheringCompletesInTimeAndNamesTheBrokenServer(HostileCase c) throws Exception {
    int port = FIRST_PORT + c.mode().ordinal();
    List<String> urls = c.urls(Bed.SERVER_V4, port);
    Gathering g;
    long packets;
    try (ServerProcess server =
        ServerProcess.start(c.mode(), Bed.SERVER_V4, port, SEED, NOISE_BUDGET)) {
      g = Gathering.run(IceApi.create(engine()), options(urls));
      packets = server.stop();
    }
    CASES.incrementAndGet();
    PACKETS.addAndGet(packets);
    System.out.printf(
        "hostile %s: complete at %.1f ms, %,d packets, errors %s, candidates %s%n",
        c, g.millis(), packets, g.errors(), g.candidates());

    // Soft: a case that fails shows everything it got wrong at once.
    SoftAssertions.assertSoftly(
        soft -> {
          soft.assertThat(g.millis()).isLessThan(TIMEOUT_MS + SLACK_MS);
          soft.assertThat(g.addressesOf(IceCandidateType.HOST))
              .containsExactlyInAnyOrder(Bed.LAN_V4, Bed.LAN_V6);
          // The only true thing a hostile server may give is the NAT's mapping of the host port.
          soft.assertThat(g.candidates())
              .filteredOn(candidate -> candidate.type() != IceCandidateType.HOST)
              .extracting(IceCandidate::toString)
              .allMatch(s -> s.startsWith("udp4 srflx " + Bed.NAT_V4 + ":"), "the NAT's mapping");
          soft.assertThat(g.errors())
              .extracting(IceCandidateError::url, IceCandidateError::errorCode)
              .containsExactlyInAnyOrderElementsOf(
                  urls.stream().map(u -> tuple(u, c.code())).toList());
          if (c.text() != null) {
            soft.assertThat(g.errors())
                .extracting(IceCandidateError::errorText)
                .containsOnly(c.text());
          }
        });
  }

  @Test
  @Order(2)
  void theBedsOwnServerStillGivesItsSrflxAfterTheHostileOnes() throws Exception {
    Gathering g = Gathering.run(IceApi.create(engine()), options(List.of("stun:" + Bed.SERVER_V4)));

    assertThat(g.addressesOf(IceCandidateType.SRFLX)).containsExactly(Bed.NAT_V4);
    assertThat(g.errors()).isEmpty();
  }

  @AfterAll
  static void summary() {
    System.out.printf(
        "hostile: %d cases, %,d packets (seed %d)%n", CASES.get(), PACKETS.get(), SEED);
  }

  private static SettingEngine engine() {
    SettingEngine engine = new SettingEngine();
    engine.setStunGatherTimeout(Duration.ofMillis(TIMEOUT_MS));

    return engine;
  }

  /** The STUN URL as one server, the TURN URLs as another with the hostile server's user. */
  private static IceGatherOptions options(List<String> urls) {
    List<String> stun = urls.stream().filter(u -> u.startsWith("stun:")).toList();
    List<String> turn = urls.stream().filter(u -> u.startsWith("turn:")).toList();
    List<IceServer> servers = new ArrayList<>();
    if (!stun.isEmpty()) {
      servers.add(IceServer.of(stun.toArray(String[]::new)));
    }
    if (!turn.isEmpty()) {
      servers.add(IceServer.of(turn, Answers.USER, Answers.PASSWORD));
    }

    return IceGatherOptions.builder().iceServers(servers).build();
  }
}
