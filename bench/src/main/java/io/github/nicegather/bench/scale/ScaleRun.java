package io.github.nicegather.bench.scale;

import com.sun.management.OperatingSystemMXBean;
import io.github.nicegather.IceApi;
import io.github.nicegather.IceCandidateType;
import io.github.nicegather.IceGatherOptions;
import io.github.nicegather.IceGatherer;
import io.github.nicegather.IceServer;
import io.github.nicegather.NetworkType;
import io.github.nicegather.NiceGather;
import io.github.nicegather.SettingEngine;
import io.github.nicegather.bench.Bed;
import io.github.nicegather.internal.EventPump;
import io.github.nicegather.internal.NativeAgent;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * N gatherers alive at once in one JVM, each gathering host and server-reflexive candidates from
 * the bed's STUN server: what the process holds before, at the peak and after closing them all.
 *
 * <pre>
 * ScaleRun [COUNT | --full | --quick | --smoke] [--window N] [--stun URL] [--ipv4-only]
 *          [--timeout-s S]
 * </pre>
 *
 * COUNT defaults to 10,000 ({@code --full}), {@code --quick} is 500 and {@code --smoke} 50; the
 * STUN server is the bed's ({@code BED_SERVER_V4}, {@code BED_TURN_PORT}). At most {@code --window}
 * (default 200) gatherers gather at once, so the one STUN server and the one loop thread see a
 * steady stream rather than a burst whose retransmissions would pile up. A count whose sockets
 * would not fit under the open-file limit is lowered to what fits, with a note on stderr and the
 * requested count in the report.
 *
 * <p>Memory per gatherer is measured best with {@code -Xms1g -Xmx1g -XX:+AlwaysPreTouch
 * -XX:NativeMemoryTracking=summary}: a heap that is resident from the start adds nothing to the
 * resident set while gatherers are created, and NMT tells what the JVM itself committed outside the
 * heap, so what remains of the growth is native memory of the engine.
 */
public final class ScaleRun {
  static final String SUITE = "java";
  static final String CASE = "scale";

  private static final int PROBE = 50;
  private static final int FD_HEADROOM = 200;
  private static final long WINDOW_WAIT_MS = 30_000;
  private static final long NATIVE_GONE_MS = 30_000;
  private static final long IDLE_MS = 2_000;

  private ScaleRun() {}

  public static void main(String[] args) throws InterruptedException {
    Options options = Options.parse(args);
    if (!NiceGather.isAvailable()) {
      throw new IllegalStateException("nicegather did not load", NiceGather.unavailabilityCause());
    }

    SettingEngine engine = new SettingEngine();
    if (options.ipv4Only) {
      engine.setNetworkTypes(NetworkType.UDP4);
    }
    IceApi api = IceApi.create(engine);
    IceGatherOptions gather =
        IceGatherOptions.builder().addIceServer(IceServer.of(options.stunUrl)).build();

    int fdsPerGatherer = probe(api, gather);
    settle();
    ProcessReading before = ProcessReading.now();
    int count = fitting(options.count, before.fds(), fdsPerGatherer);

    Population population = new Population(api, gather, count, options.window);
    population.create();
    boolean allDone = population.awaitComplete(options.timeoutMs);
    if (!allDone) {
      System.err.printf(
          "scale: %d of %d gatherers completed within %d s%n",
          population.completed.get(), population.size(), options.timeoutMs / 1000);
    }

    // Idle: every handler has run and the heap is collected before the peak is read.
    Thread.sleep(1000);
    settle();
    ProcessReading peak = ProcessReading.now();
    double idleCpu = idleCpuMillisPerSecond();

    long closeStart = System.nanoTime();
    population.closeAll();
    double closeMs = (System.nanoTime() - closeStart) / 1e6;
    boolean gone =
        waitFor(() -> NativeAgent.liveCount() == 0 && EventPump.registered() == 0, NATIVE_GONE_MS);
    double goneMs = (System.nanoTime() - closeStart) / 1e6;
    if (!gone) {
      System.err.printf(
          "scale: %d native agents still alive %d s after closing%n",
          NativeAgent.liveCount(), NATIVE_GONE_MS / 1000);
    }
    waitFor(() -> ProcessReading.openFds() <= before.fds(), NATIVE_GONE_MS);
    Outcome outcome = population.outcome();
    population.forget();
    settle();
    ProcessReading after = ProcessReading.now();

    report(options, outcome, before, peak, after, idleCpu, closeMs, goneMs);
  }

  /**
   * Gathers a few to load everything and start the library's threads, and tells how many file
   * descriptors one live gatherer holds.
   */
  private static int probe(IceApi api, IceGatherOptions gather) throws InterruptedException {
    int fdsBefore = ProcessReading.openFds();
    Population probe = new Population(api, gather, PROBE, PROBE);
    probe.create();
    if (!probe.awaitComplete(10_000)) {
      throw new IllegalStateException("the probe's gatherers did not complete within 10 s");
    }
    int held = ProcessReading.openFds() - fdsBefore;
    probe.closeAll();
    if (!waitFor(() -> NativeAgent.liveCount() == 0, NATIVE_GONE_MS)) {
      throw new IllegalStateException("the probe's native agents are still alive after 30 s");
    }

    return Math.max(1, Math.round(held / (float) PROBE));
  }

  private static int fitting(int requested, int fdsBefore, int fdsPerGatherer) {
    long limit = ProcessReading.fdLimit();
    long room = (limit - fdsBefore - FD_HEADROOM) / fdsPerGatherer;
    if (requested <= room) {
      return requested;
    }

    System.err.printf(
        "scale: %d gatherers need about %d open files at %d each; the limit is %d (ulimit -n),"
            + " so %d are created%n",
        requested, (long) requested * fdsPerGatherer + fdsBefore, fdsPerGatherer, limit, room);

    return (int) room;
  }

  private static void report(
      Options options,
      Outcome outcome,
      ProcessReading before,
      ProcessReading peak,
      ProcessReading after,
      double idleCpu,
      double closeMs,
      double goneMs) {
    int n = outcome.createMicros().length;

    count("requested", options.count);
    count("gatherers", n);
    count("completed", outcome.completeMillis().length);
    count("with_srflx", outcome.withSrflx());
    double[] create = outcome.createMicros();
    int tenth = Math.max(1, n / 10);
    Figure.of(SUITE, CASE, "create_gather", "us", create).print();
    Figure.of(SUITE, CASE, "create_gather_first_tenth", "us", Arrays.copyOfRange(create, 0, tenth))
        .print();
    Figure.of(
            SUITE, CASE, "create_gather_last_tenth", "us", Arrays.copyOfRange(create, n - tenth, n))
        .print();
    if (outcome.completeMillis().length > 0) {
      Figure.of(SUITE, CASE, "gather_to_complete", "ms", outcome.completeMillis()).print();
    }

    count("threads_before", before.osThreads());
    count("threads_peak", Math.max(peak.osThreads(), outcome.maxOsThreads()));
    count("threads_after", after.osThreads());
    count("java_threads_before", before.javaThreads());
    count("java_threads_peak", Math.max(peak.javaThreads(), outcome.maxJavaThreads()));
    count("java_threads_after", after.javaThreads());

    count("fd_limit", ProcessReading.fdLimit());
    count("fds_before", before.fds());
    count("fds_peak", peak.fds());
    count("fds_after", after.fds());
    Figure.single(
            SUITE, CASE, "fds_per_gatherer", "count", (peak.fds() - before.fds()) / (double) n)
        .print();

    kib("rss_before", before.rssKiB());
    kib("rss_peak", peak.rssKiB());
    kib("rss_after", after.rssKiB());
    kib("heap_used_before", before.heapUsedKiB());
    kib("heap_used_peak", peak.heapUsedKiB());
    kib("heap_committed_peak", peak.heapCommittedKiB());
    kib("rss_per_gatherer", (peak.rssKiB() - before.rssKiB()) / (double) n);
    kib("heap_per_gatherer", (peak.heapUsedKiB() - before.heapUsedKiB()) / (double) n);
    kib("native_per_gatherer", ProcessReading.nativeGrowthKiB(before, peak) / n);

    Figure.single(SUITE, CASE, "idle_cpu_per_second", "ms", idleCpu).print();
    Figure.single(SUITE, CASE, "close_all", "ms", closeMs).print();
    Figure.single(SUITE, CASE, "close_to_native_gone", "ms", goneMs).print();
  }

  /** CPU time the whole process spends in {@value #IDLE_MS} ms with every gatherer idle. */
  private static double idleCpuMillisPerSecond() throws InterruptedException {
    var os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    Thread.sleep(IDLE_MS);
    double spentMs = (os.getProcessCpuTime() - cpu) / 1e6;

    return spentMs / ((System.nanoTime() - start) / 1e9);
  }

  private static void count(String metric, long value) {
    Figure.single(SUITE, CASE, metric, "count", value).print();
  }

  private static void kib(String metric, double value) {
    Figure.single(SUITE, CASE, metric, "KiB", value).print();
  }

  /** Two collections, so that what the gatherers left is gone before a reading. */
  private static void settle() throws InterruptedException {
    System.gc();
    Thread.sleep(100);
    System.gc();
    Thread.sleep(100);
  }

  static boolean waitFor(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(20);
    }

    return true;
  }

  /** One gatherer and what the run learns of it; handlers write only the volatile fields. */
  private static final class Tracked {
    final long startNanos = System.nanoTime();
    IceGatherer gatherer;
    long createNanos;
    volatile long completeNanos;
    volatile boolean srflx;
  }

  /** The gatherers of one run, created in a bounded loop and kept alive until closed. */
  private static final class Population {
    private static final int SAMPLE_EVERY = 250;

    final AtomicInteger completed = new AtomicInteger();
    int maxOsThreads;
    int maxJavaThreads;

    private final IceApi api;
    private final IceGatherOptions options;
    private final int count;
    private final Semaphore window;
    private final List<Tracked> all;

    Population(IceApi api, IceGatherOptions options, int count, int window) {
      this.api = api;
      this.options = options;
      this.count = count;
      this.window = new Semaphore(window);
      this.all = new ArrayList<>(count);
    }

    int size() {
      return all.size();
    }

    void create() throws InterruptedException {
      for (int i = 0; i < count; i++) {
        if (!window.tryAcquire(WINDOW_WAIT_MS, TimeUnit.MILLISECONDS)) {
          System.err.printf(
              "scale: no gatherer completed for %d s; stopping at %d%n", WINDOW_WAIT_MS / 1000, i);
          return;
        }
        all.add(start());
        if (i % SAMPLE_EVERY == 0) {
          sampleThreads();
        }
      }
      sampleThreads();
    }

    private Tracked start() {
      Tracked tracked = new Tracked();
      tracked.gatherer = api.newIceGatherer(options);
      tracked.gatherer.onLocalCandidate(
          candidate -> {
            if (candidate != null) {
              tracked.srflx |= candidate.type() == IceCandidateType.SRFLX;
              return;
            }
            tracked.completeNanos = System.nanoTime();
            completed.incrementAndGet();
            window.release();
          });
      tracked.gatherer.gather();
      tracked.createNanos = System.nanoTime() - tracked.startNanos;

      return tracked;
    }

    private void sampleThreads() {
      ProcessReading now = ProcessReading.now();
      maxOsThreads = Math.max(maxOsThreads, now.osThreads());
      maxJavaThreads = Math.max(maxJavaThreads, now.javaThreads());
    }

    boolean awaitComplete(long timeoutMs) throws InterruptedException {
      return waitFor(() -> completed.get() == all.size(), timeoutMs);
    }

    void closeAll() {
      for (Tracked tracked : all) {
        tracked.gatherer.close();
      }
    }

    void forget() {
      all.clear();
    }

    Outcome outcome() {
      return new Outcome(
          all.stream().mapToDouble(t -> t.createNanos / 1e3).toArray(),
          all.stream()
              .filter(t -> t.completeNanos != 0)
              .mapToDouble(t -> (t.completeNanos - t.startNanos) / 1e6)
              .toArray(),
          (int) all.stream().filter(t -> t.srflx).count(),
          maxOsThreads,
          maxJavaThreads);
    }
  }

  /** What the gatherers of a run showed, kept once they are closed and dropped. */
  private record Outcome(
      double[] createMicros,
      double[] completeMillis,
      int withSrflx,
      int maxOsThreads,
      int maxJavaThreads) {}

  /** The command line. */
  private record Options(int count, int window, String stunUrl, boolean ipv4Only, long timeoutMs) {

    static Options parse(String[] args) {
      int count = 10_000;
      int window = 200;
      Bed bed = Bed.fromEnvironment();
      String stun = "stun:" + bed.server() + ":" + bed.turnPort();
      boolean ipv4Only = false;
      long timeoutMs = 120_000;

      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--full" -> count = 10_000;
          case "--quick" -> count = 500;
          case "--smoke" -> count = 50;
          case "--window" -> window = Integer.parseInt(value(args, ++i));
          case "--stun" -> stun = value(args, ++i);
          case "--ipv4-only" -> ipv4Only = true;
          case "--timeout-s" -> timeoutMs = Long.parseLong(value(args, ++i)) * 1000;
          default -> count = Integer.parseInt(args[i]);
        }
      }
      if (count < 1 || window < 1) {
        throw new IllegalArgumentException("count and window must be at least 1");
      }

      return new Options(count, window, stun, ipv4Only, timeoutMs);
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value");
      }

      return args[i];
    }
  }
}
