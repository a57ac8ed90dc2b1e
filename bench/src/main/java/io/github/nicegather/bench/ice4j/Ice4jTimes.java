package io.github.nicegather.bench.ice4j;

import io.github.nicegather.bench.Bed;
import io.github.nicegather.bench.scale.Figure;
import io.github.nicegather.bench.scale.ProcessReading;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.harvest.CandidateHarvester;
import org.ice4j.ice.harvest.StunCandidateHarvester;
import org.ice4j.ice.harvest.TurnCandidateHarvester;
import org.ice4j.security.LongTermCredential;

/**
 * ice4j as a peer, against the bed's coturn: harvesting times per case, then what 100 live agents
 * hold. Run it inside the bed's LAN namespace only; it refuses to start anywhere else.
 *
 * <p>Cases, as nicegather's: {@code host}, {@code stun} (host and srflx) and {@code turn} (TURN
 * over UDP with the bed's credentials: host, and relay with the srflx the allocation reports).
 * ice4j has no relay-only policy: its host harvester always runs first, so there is no {@code
 * relay} case. A harvest is timed from {@code createComponent}, which binds the host sockets and
 * runs every harvester to its end, to its return. Settings are ice4j's defaults (component socket
 * on, dynamic ports) except that link-local addresses are left out, as nicegather does.
 *
 * <p>Between runs the stream is removed before {@code Agent.free()}: freeing first stops the STUN
 * stack before the candidates, so the TURN deallocation would fail and the allocation would stay on
 * the server for its lifetime.
 *
 * <pre>
 * Ice4jTimes [--full|--quick|--smoke] [--agents N]
 * </pre>
 */
public final class Ice4jTimes {
  private static final String SUITE = "ice4j";
  private static final int AGENTS = 100;

  /** Timed harvests per case and untimed ones before them, by the switch every runner takes. */
  private enum Size {
    FULL(10, 1),
    QUICK(3, 1),
    SMOKE(1, 0);

    final int runs;
    final int warmups;

    Size(int runs, int warmups) {
      this.runs = runs;
      this.warmups = warmups;
    }
  }

  private Ice4jTimes() {}

  public static void main(String[] args) throws Exception {
    Size size = Size.FULL;
    int agents = AGENTS;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--full" -> size = Size.FULL;
        case "--quick" -> size = Size.QUICK;
        case "--smoke" -> size = Size.SMOKE;
        case "--agents" -> agents = Integer.parseInt(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "unexpected "
                    + args[i]
                    + "; usage: Ice4jTimes [--full|--quick|--smoke] [--agents N]");
      }
    }

    Ice4jSafety.prepare();
    Bed bed = Bed.fromEnvironment();
    TransportAddress server =
        new TransportAddress(literal(bed.server()), bed.turnPort(), Transport.UDP);
    LongTermCredential credential = new LongTermCredential(bed.user(), bed.password());

    boolean ok = true;
    ok &= timeCase("host", List::of, t -> t == CandidateType.HOST_CANDIDATE, size);
    ok &=
        timeCase(
            "stun",
            () -> List.of(new StunCandidateHarvester(server)),
            t -> t == CandidateType.SERVER_REFLEXIVE_CANDIDATE,
            size);
    ok &=
        timeCase(
            "turn",
            () -> List.of(new TurnCandidateHarvester(server, credential)),
            t -> t == CandidateType.RELAYED_CANDIDATE,
            size);
    liveAgents(size == Size.SMOKE ? Math.min(agents, 10) : agents);

    System.exit(ok ? 0 : 1);
  }

  /** Times {@code size.runs} harvests after the warm-ups; false if one lacked its candidate. */
  private static boolean timeCase(
      String name,
      Supplier<List<CandidateHarvester>> harvesters,
      Predicate<CandidateType> expected,
      Size size)
      throws Exception {
    List<Double> millis = new ArrayList<>();
    int missing = 0;

    for (int i = -size.warmups; i < size.runs; i++) {
      Agent agent = new Agent();
      harvesters.get().forEach(agent::addCandidateHarvester);
      IceMediaStream stream = agent.createMediaStream("audio");

      long start = System.nanoTime();
      Component component = agent.createComponent(stream, KeepAliveStrategy.SELECTED_ONLY, true);
      double ms = (System.nanoTime() - start) / 1e6;

      boolean found =
          component.getLocalCandidates().stream().map(LocalCandidate::getType).anyMatch(expected);
      missing += found ? 0 : 1;
      if (i >= 0) {
        millis.add(ms);
      }
      free(agent, stream);
    }

    double[] samples = millis.stream().mapToDouble(Double::doubleValue).toArray();
    Figure.of(SUITE, name, "complete", "ms", samples).print();
    if (missing > 0) {
      System.err.printf("ice4j: %s: %d harvests without the expected candidate%n", name, missing);
    }

    return missing == 0;
  }

  /**
   * What {@code count} live agents with their host candidates hold, per agent. ice4j is all Java,
   * so the resident set's growth (with a pre-touched heap: thread stacks, socket buffers, the JVM's
   * own bookkeeping) and the heap's are the whole of it; there is no native library figure.
   */
  private static void liveAgents(int count) throws Exception {
    settle();
    ProcessReading before = ProcessReading.now();
    List<Agent> agents = new ArrayList<>(count);
    double[] createMs = new double[count];

    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      Agent agent = new Agent();
      agent.createComponent(
          agent.createMediaStream("audio"), KeepAliveStrategy.SELECTED_ONLY, true);
      createMs[i] = (System.nanoTime() - start) / 1e6;
      agents.add(agent);
    }
    Thread.sleep(500);
    settle();
    ProcessReading peak = ProcessReading.now();

    long freeStart = System.nanoTime();
    for (Agent agent : agents) {
      agent.getStreams().forEach(agent::removeStream);
      agent.free();
    }
    double freeMs = (System.nanoTime() - freeStart) / 1e6;
    agents.clear();
    settle();
    ProcessReading after = ProcessReading.now();

    String name = "agents";
    Figure.of(SUITE, name, "create_and_harvest_host", "ms", createMs).print();
    count(name, "agents", count);
    count(name, "threads_before", before.osThreads());
    count(name, "threads_peak", peak.osThreads());
    count(name, "threads_after", after.osThreads());
    perAgent(name, "threads_per_agent", "count", peak.osThreads() - before.osThreads(), count);
    count(name, "fds_before", before.fds());
    count(name, "fds_peak", peak.fds());
    count(name, "fds_after", after.fds());
    perAgent(name, "fds_per_agent", "count", peak.fds() - before.fds(), count);
    perAgent(name, "rss_per_agent", "KiB", peak.rssKiB() - before.rssKiB(), count);
    perAgent(name, "heap_per_agent", "KiB", peak.heapUsedKiB() - before.heapUsedKiB(), count);
    Figure.single(SUITE, name, "free_all", "ms", freeMs).print();
  }

  private static void free(Agent agent, IceMediaStream stream) {
    agent.removeStream(stream);
    agent.free();
  }

  private static void count(String name, String metric, long value) {
    Figure.single(SUITE, name, metric, "count", value).print();
  }

  private static void perAgent(String name, String metric, String unit, double total, int count) {
    Figure.single(SUITE, name, metric, unit, total / count).print();
  }

  /** Two collections: ice4j closes freed sockets only when they are collected. */
  private static void settle() throws InterruptedException {
    System.gc();
    Thread.sleep(200);
    System.gc();
    Thread.sleep(200);
  }

  /** The bed's server address, which must be an IP literal: ice4j is given no name to look up. */
  private static InetAddress literal(String ip) throws UnknownHostException {
    if (!ip.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      throw new IllegalArgumentException("not an IP literal: " + ip);
    }

    return InetAddress.getByName(ip);
  }
}
