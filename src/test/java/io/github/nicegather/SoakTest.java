package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nicegather.internal.EventPump;
import io.github.nicegather.internal.NativeAgent;
import io.github.nicegather.internal.NativeShim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Create, gather, close, over and over, in the NAT bed: file descriptors, threads, the resident set
 * and the shim's own count of its allocations stay flat after a warm-up, every agent is freed and
 * every TURN allocation is released on the server. One summary line on stdout gives the figures.
 *
 * <p>{@code -Dnicegather.soak.cycles} host-only cycles (default {@value #DEFAULT_CYCLES}, under a
 * minute here) and {@code -Dnicegather.soak.turnCycles} TURN cycles (default {@value
 * #DEFAULT_TURN_CYCLES}); the full soak is {@code -Dnicegather.soak.cycles=100000}. Half the cycles
 * close after the end of gathering and half close it mid-way.
 */
// Linux: it reads /proc.
@EnabledOnOs(OS.LINUX)
class SoakTest {
  static final int DEFAULT_CYCLES = 20_000;
  static final int DEFAULT_TURN_CYCLES = 200;
  private static final int CYCLES = Integer.getInteger("nicegather.soak.cycles", DEFAULT_CYCLES);
  private static final int TURN_CYCLES =
      Integer.getInteger("nicegather.soak.turnCycles", DEFAULT_TURN_CYCLES);
  private static final int WARM_UP = Math.min(5000, CYCLES / 4);
  private static final int TURN_WARM_UP = Math.min(10, TURN_CYCLES);

  /**
   * What the resident set may grow by between the end of the warm-up and the end of the soak. Both
   * are taken after a full collection, yet here they still move by up to 17 MiB between samples
   * without any leak (G1's committed heap between 40 and 57 MiB, malloc arenas of the handler
   * threads, JIT code), and a standalone run of 200,000 cycles ends within 1 MiB of where it
   * started after its warm-up. A leak of one agent per cycle (libnice's agent, stream and sockets:
   * tens of KiB) would pass 32 MiB within a few thousand cycles, and a leak of 2 KiB a cycle within
   * the default 15,000.
   */
  private static final long RSS_SLACK_KIB = 32 * 1024;

  /**
   * JIT compiler and GC worker threads come and go with the load; the JVM starts at most a few. The
   * library's own threads are counted exactly, as Java threads.
   */
  private static final int OS_THREAD_SLACK = 8;

  /**
   * coturn frees a relay port about a second after its release (its "allocation timeout"), and the
   * bed has 100 (BED_RELAY_MIN_PORT..BED_RELAY_MAX_PORT): at one TURN cycle per 50 ms at most about
   * 20 are ours, and tests running beside this one still get theirs. Faster, coturn answers 508
   * once all 100 are held.
   */
  private static final long TURN_CYCLE_MS = 50;

  private final Watchdog watchdog = new Watchdog(Duration.ofSeconds(10));
  private final List<Allocation> allocations = new ArrayList<>();

  /** A relay a TURN cycle was given, and where the log was when that cycle started. */
  private record Allocation(long logOffset, String relay) {}

  /** What the process holds at one moment. */
  private record Figures(int fds, int threads, int osThreads, long rssKiB, long shim) {
    static Figures now() throws Exception {
      System.gc();
      Natives.awaitIdle();

      return new Figures(
          Natives.openFileDescriptors(),
          javaThreads(),
          (int) status("Threads:"),
          status("VmRSS:"),
          NativeShim.ng_allocations());
    }
  }

  @AfterEach
  void stopWatchdog() {
    watchdog.close();
  }

  @Test
  void createGatherCloseCyclesLeaveDescriptorsThreadsMemoryAndTurnAllocationsFlat()
      throws Exception {
    Bed.require();
    long releasesBefore = TurnLog.read().releases();
    long started = System.nanoTime();
    for (int i = 0; i < WARM_UP; i++) {
      hostCycle(i);
    }
    for (int i = 0; i < TURN_WARM_UP; i++) {
      turnCycle(i);
    }
    Figures start = Figures.now();

    for (int i = WARM_UP; i < CYCLES; i++) {
      hostCycle(i);
    }
    for (int i = TURN_WARM_UP; i < TURN_CYCLES; i++) {
      turnCycle(i);
    }
    Figures end = Figures.now();
    int released = awaitReleases();
    long releasesAfter = TurnLog.read().releases();
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

    System.out.printf(
        "soak: %d host + %d TURN cycles in %d s; fds %d -> %d; threads %d -> %d (os %d -> %d);"
            + " VmRSS %d -> %d KiB; shim allocations %d -> %d; relays %d, released %d"
            + " (coturn releases by anyone +%d)%n",
        CYCLES,
        TURN_CYCLES,
        seconds,
        start.fds(),
        end.fds(),
        start.threads(),
        end.threads(),
        start.osThreads(),
        end.osThreads(),
        start.rssKiB(),
        end.rssKiB(),
        start.shim(),
        end.shim(),
        allocations.size(),
        released,
        releasesAfter - releasesBefore);
    assertThat(NativeAgent.liveCount()).isZero();
    assertThat(EventPump.registered()).isZero();
    assertThat(end.fds()).isEqualTo(start.fds());
    assertThat(end.threads()).isEqualTo(start.threads());
    assertThat(end.osThreads()).isLessThanOrEqualTo(start.osThreads() + OS_THREAD_SLACK);
    assertThat(end.rssKiB()).isLessThanOrEqualTo(start.rssKiB() + RSS_SLACK_KIB);
    assertThat(end.shim()).isEqualTo(start.shim());
    assertThat(allocations).hasSize(TURN_CYCLES);
    assertThat(released).isEqualTo(allocations.size());
    assertThat(releasesAfter - releasesBefore).isGreaterThanOrEqualTo(released);
  }

  /** Host candidates only; even cycles close after the end, odd ones right after gather(). */
  private void hostCycle(int i) throws Exception {
    watchdog.start("host cycle " + i);
    try (IceGatherer gatherer =
        IceApi.create().newIceGatherer(IceGatherOptions.builder().build())) {
      gatherer.gather();
      if (i % 2 == 0) {
        watchdog.await(gatherer.gatheringComplete(), "the end of " + gatherer.name());
      }
    } finally {
      watchdog.end();
    }
  }

  /** A relay from the bed's coturn; even cycles close after the end, odd ones once it came. */
  private void turnCycle(int i) throws Exception {
    long paced = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TURN_CYCLE_MS);
    watchdog.start("TURN cycle " + i);
    long logOffset = TurnLog.end();
    IceGatherOptions options =
        IceGatherOptions.builder().addIceServer(Bed.turnServer("udp")).build();
    String[] relay = new String[1];
    CountDownLatch relayed = new CountDownLatch(1);
    try (IceGatherer gatherer = IceApi.create().newIceGatherer(options)) {
      gatherer.onLocalCandidate(
          c -> {
            if (c != null && c.type() == IceCandidateType.RELAY) {
              relay[0] = c.address() + ":" + c.port();
              relayed.countDown();
            }
          });
      gatherer.gather();
      if (i % 2 == 0) {
        watchdog.await(gatherer.gatheringComplete(), "the end of " + gatherer.name());
      }
      watchdog.await(relayed, "the relay of " + gatherer.name());
    } finally {
      watchdog.end();
    }
    allocations.add(new Allocation(logOffset, relay[0]));
    TimeUnit.NANOSECONDS.sleep(paced - System.nanoTime());
  }

  /** Waits up to 5 s for coturn to log the release of every relay; returns how many it did. */
  private int awaitReleases() throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    int released;
    do {
      TurnLog log = TurnLog.read();
      released = 0;
      for (Allocation allocation : allocations) {
        String session = log.session(allocation.logOffset(), allocation.relay());
        if (session != null && log.released(session)) {
          released++;
        }
      }
      if (released < allocations.size()) {
        Thread.sleep(50);
      }
    } while (released < allocations.size() && System.nanoTime() < until);

    return released;
  }

  /**
   * Live Java threads but the resolver pool's: the soak never resolves a name, and threads an
   * earlier test left there end on their own after 30 s idle, which could fall mid-soak.
   */
  private static int javaThreads() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> !t.getName().startsWith("nicegather-resolver-"))
            .count();
  }

  /** A number from /proc/self/status, such as "VmRSS:" (in KiB) or "Threads:". */
  private static long status(String key) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(key)) {
        return Long.parseLong(line.substring(key.length()).replace("kB", "").strip());
      }
    }

    throw new IllegalStateException("no " + key + " in /proc/self/status");
  }
}
