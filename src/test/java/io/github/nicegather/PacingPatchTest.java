package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What native/libnice/0002 and 0003 change: gathering ends when the last server has answered, and
 * the Allocate that answers a TURN server's 401 goes out at once, both without waiting for
 * libnice's pacing tick (Ta, stun-pacing-timer).
 *
 * <p>At the default Ta of 20 ms a missed tick hides in a loaded machine's noise, so the runs are
 * made in a child JVM whose shim sets Ta to {@link #TICK_MS} (NICEGATHER_TEST_PACING_MS, read once
 * per process). Waiting for a tick then costs at least 400 ms, and the patched paths take a few
 * milliseconds in this bed; half a tick separates them with room for a slow machine. One case still
 * waits a tick on purpose, which shows the long tick was in force. Wrong credentials and TURN over
 * TCP end as they did, and an end that now comes at once loses no host candidate.
 */
class PacingPatchTest {
  private static final int TICK_MS = 400;
  private static final double BEFORE_A_TICK_MS = TICK_MS / 2.0;

  private static Map<String, Map<String, String>> runs;

  @BeforeAll
  static void runInAChildWithALongTick() throws Exception {
    Bed.require();
    runs = runChild();
  }

  @Test
  void stunGatheringCompletesWhenTheServerAnswersNotOnTheNextTick() {
    Map<String, String> run = runs.get("stun");

    assertThat(run).containsEntry("srflx", "1").containsEntry("errors", "");
    assertThat(millis(run, "complete")).isLessThan(BEFORE_A_TICK_MS);
  }

  /** Without 0003 the authenticated Allocate waits for the next tick, and the relay with it. */
  @Test
  void theAllocateAnsweringA401IsSentAtOnce() {
    Map<String, String> run = runs.get("turn-udp");

    assertThat(run).containsEntry("relay", "1");
    assertThat(millis(run, "relay-at")).isLessThan(BEFORE_A_TICK_MS);
  }

  @Test
  void turnGatheringCompletesWhenTheAllocationSucceeds() {
    Map<String, String> run = runs.get("turn-udp");

    assertThat(run).containsEntry("relay", "1").containsEntry("srflx", "1");
    assertThat(run).containsEntry("errors", "");
    assertThat(millis(run, "complete")).isLessThan(BEFORE_A_TICK_MS);
  }

  /**
   * New transactions are still paced one a tick: the second server's request waits for it. This
   * also shows the child's tick was the long one, without which the other cases prove nothing.
   */
  @Test
  void aSecondServerIsStillAskedOneTickLater() {
    Map<String, String> run = runs.get("stun+turn");

    assertThat(run).containsEntry("relay", "1").containsEntry("srflx", "1");
    assertThat(millis(run, "complete")).isGreaterThanOrEqualTo(TICK_MS * 0.9);
  }

  /** A second 401 still ends the discovery without a relay; it now ends on that answer. */
  @Test
  void aWrongTurnPasswordStillEndsQuietlyAfterTheSecond401() {
    Map<String, String> run = runs.get("turn-wrong-password");

    assertThat(run).containsEntry("relay", "0").containsEntry("errors", "401");
    assertThat(millis(run, "complete")).isLessThan(BEFORE_A_TICK_MS);
  }

  /**
   * libnice emits signals after dropping its lock, so an end that comes at once on the loop thread
   * could overtake host candidates the gathering thread has still to emit, and they were lost. The
   * shim holds "done" until gather returns. The race is narrow, hence many gatherings.
   */
  @Test
  void anEndOnTheFirstAnswerLosesNoHostCandidate() {
    assertThat(runs.get("stun-repeated")).containsEntry("missing-host", "0");
  }

  @Test
  void turnOverTcpStillGivesAUdpRelay() {
    Map<String, String> run = runs.get("turn-tcp");

    assertThat(run).containsEntry("relay", "1").containsEntry("relay-protocol", "UDP");
    assertThat(run).containsEntry("srflx", "0").containsEntry("errors", "");
  }

  private static double millis(Map<String, String> run, String key) {
    return Double.parseDouble(run.get(key));
  }

  /** Each output line "run NAME key=value ..." becomes NAME -> {key -> value}. */
  private static Map<String, Map<String, String>> runChild()
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    String env = System.getProperty("nicegather.bed.env");
    if (env != null) {
      command.add("-Dnicegather.bed.env=" + env);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Runs.class.getName()));
    Path log = Files.createTempFile("nicegather-pacing", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().put("NICEGATHER_TEST_PACING_MS", Integer.toString(TICK_MS));

    Process child = builder.start();
    boolean ended = child.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      child.destroyForcibly().waitFor();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    if (!ended || child.exitValue() != 0) {
      throw new AssertionError("the child JVM failed" + (ended ? "" : " to end") + ":\n" + output);
    }

    Map<String, Map<String, String>> parsed = new HashMap<>();
    output
        .lines()
        .filter(line -> line.startsWith("run "))
        .forEach(line -> parsed.put(line.split(" ")[1], fields(line)));
    assertThat(parsed).as(output).containsOnlyKeys(Runs.NAMES);

    return parsed;
  }

  private static Map<String, String> fields(String line) {
    Map<String, String> fields = new HashMap<>();
    for (String field : line.split(" ")) {
      int equals = field.indexOf('=');
      if (equals > 0) {
        fields.put(field.substring(0, equals), field.substring(equals + 1));
      }
    }

    return fields;
  }

  /** The child: gathers once per case with the long tick and prints what it saw. */
  static final class Runs {
    static final List<String> NAMES =
        List.of(
            "stun", "turn-udp", "stun+turn", "turn-wrong-password", "turn-tcp", "stun-repeated");
    static final int REPEATS = 100;

    private Runs() {}

    public static void main(String[] args) throws Exception {
      // The first gathering of a JVM loads and compiles what the others reuse.
      Gathered.run(IceApi.create(), IceGatherOptions.builder().build());

      print("stun", run(IceServer.of(Bed.stun())));
      print("turn-udp", run(Bed.turnServer("udp")));
      print("stun+turn", run(IceServer.of(Bed.stun()), Bed.turnServer("udp")));
      print(
          "turn-wrong-password",
          run(IceServer.of(List.of(Bed.turn("udp")), Bed.USER, "not-the-password")));
      print("turn-tcp", run(Bed.turnServer("tcp")));

      Set<String> lan = Set.of(Bed.LAN_V4, Bed.LAN_V6);
      int missing = 0;
      for (int i = 0; i < REPEATS; i++) {
        List<IceCandidate> hosts = run(IceServer.of(Bed.stun())).ofType(IceCandidateType.HOST);
        if (!hosts.stream().map(IceCandidate::address).collect(Collectors.toSet()).equals(lan)) {
          missing++;
        }
      }
      System.out.println("run stun-repeated missing-host=" + missing);
    }

    private static Gathered run(IceServer... servers) throws InterruptedException {
      IceGatherOptions.Builder options = IceGatherOptions.builder();
      for (IceServer server : servers) {
        options.addIceServer(server);
      }

      return Gathered.run(IceApi.create(), options.build());
    }

    /** One line: ms from gather() to COMPLETE and to the relay, candidate counts, error codes. */
    private static void print(String name, Gathered g) {
      List<Recorder.Event> events = g.recorder().snapshot();
      long completeAt =
          events.stream()
              .filter(e -> e.value() == IceGathererState.COMPLETE)
              .findFirst()
              .orElseThrow()
              .nanos();
      long start = completeAt - (long) (g.millisToComplete() * 1e6);
      Recorder.Event relay =
          events.stream()
              .filter(
                  e -> e.value() instanceof IceCandidate c && c.type() == IceCandidateType.RELAY)
              .findFirst()
              .orElse(null);
      StringBuilder line = new StringBuilder("run " + name);
      line.append(" complete=").append(g.millisToComplete());
      line.append(" srflx=").append(g.ofType(IceCandidateType.SRFLX).size());
      line.append(" relay=").append(g.ofType(IceCandidateType.RELAY).size());
      if (relay != null) {
        line.append(" relay-at=").append((relay.nanos() - start) / 1e6);
        line.append(" relay-protocol=").append(((IceCandidate) relay.value()).protocol().name());
      }
      line.append(" errors=");
      line.append(
          String.join(",", g.errors().stream().map(e -> Integer.toString(e.errorCode())).toList()));
      System.out.println(line);
    }
  }
}
