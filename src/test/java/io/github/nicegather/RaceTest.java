package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nicegather.internal.EventPump;
import io.github.nicegather.internal.NativeAgent;
import io.github.nicegather.internal.SharedThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Races on one gatherer and across many: concurrent closes in every phase of gathering, closes from
 * inside every kind of handler, handlers that block for seconds, gather and close in tight loops,
 * and the Cleaner freeing abandoned gatherers while others close. Every gatherer's handler calls
 * are checked as they arrive by a {@link SequenceCheck}, and every iteration is bounded by a {@link
 * Watchdog} that prints every thread's stack when one overruns.
 *
 * <p>The number of iterations is {@code -Dnicegather.stress.iterations} (default {@value
 * #DEFAULT_ITERATIONS}, which keeps this class under a minute on a 2-vCPU machine); for a long run,
 * e.g. {@code -Dnicegather.stress.iterations=200000}. Runs in the NAT bed: the silent STUN server
 * is the bed's closed port, so no packet leaves its namespaces.
 */
class RaceTest {
  static final int DEFAULT_ITERATIONS = 10_000;
  private static final int ITERATIONS =
      Integer.getInteger("nicegather.stress.iterations", DEFAULT_ITERATIONS);
  private static final int RACERS = 4;
  private static final Duration STUN_TIMEOUT = Duration.ofMillis(300);

  /** Past the STUN timeout and the gatherer's own deadline: anything late has arrived by then. */
  private static final long SETTLE_MS = 1000;

  private final Queue<String> breaches = new ConcurrentLinkedQueue<>();
  private Watchdog watchdog;
  private ExecutorService racers;

  @BeforeEach
  void start() {
    Bed.require();
    watchdog = new Watchdog(Duration.ofSeconds(10));
    racers = Executors.newFixedThreadPool(RACERS);
  }

  @AfterEach
  void stop() {
    if (watchdog != null) {
      watchdog.close();
      racers.shutdownNow();
    }
  }

  /** When the racing closes start. */
  private enum Phase {
    NEW,
    /** One racer calls gather() while the others close. */
    DURING_GATHER,
    /** gather() has returned: host candidates are on their way to the handlers. */
    JUST_GATHERED,
    /** A host candidate has arrived; the silent STUN server keeps gathering open. */
    MID_GATHERING,
    COMPLETE,
    /** A pooled gatherer, gathering before gather(): one racer calls gather(). */
    POOLED
  }

  @Test
  void closeAndGracefulCloseFromFourThreadsAtOnceLeaveALegalSequenceInEveryPhase()
      throws Exception {
    for (int i = 0; i < ITERATIONS; i++) {
      Phase phase = Phase.values()[i % Phase.values().length];
      watchdog.start("racing closes, " + phase + " #" + i);
      try {
        raceCloses(phase);
      } finally {
        watchdog.end();
      }
    }
    settle();

    assertThat(breaches).isEmpty();
    System.out.printf(
        "race: %d iterations of %d racing closes over %d phases%n",
        ITERATIONS, RACERS, Phase.values().length);
  }

  private void raceCloses(Phase phase) throws Exception {
    boolean silent = phase == Phase.MID_GATHERING || phase == Phase.POOLED;
    IceGatherOptions.Builder options = silent ? silentOptions() : IceGatherOptions.builder();
    IceGatherer gatherer =
        silentApi()
            .newIceGatherer(options.candidatePoolSize(phase == Phase.POOLED ? 1 : 0).build());
    SequenceCheck check = SequenceCheck.attach(gatherer, gatherer.name() + " " + phase, breaches);
    CompletableFuture<List<IceCandidate>> complete = gatherer.gatheringComplete();
    switch (phase) {
      case JUST_GATHERED -> gatherer.gather();
      case MID_GATHERING -> {
        gatherer.gather();
        watchdog.await(check.firstCandidate(), "a host candidate of " + gatherer.name());
      }
      case COMPLETE -> {
        gatherer.gather();
        watchdog.await(check.ended(), "the end of " + gatherer.name());
      }
      default -> {}
    }

    boolean racesGather = phase == Phase.DURING_GATHER || phase == Phase.POOLED;
    AtomicInteger started = new AtomicInteger();
    List<Future<?>> calls = new ArrayList<>();
    for (int r = 0; r < RACERS; r++) {
      int racer = r;
      calls.add(
          racers.submit(
              () -> {
                startTogether(started);
                if (racer == 0 && racesGather) {
                  gatherRacingClose(gatherer);
                  return null;
                }
                // Closes land anywhere from before gather() to well after it.
                spin(ThreadLocalRandom.current().nextInt(400));
                if (racer % 2 == 0) {
                  gatherer.close();
                } else {
                  gatherer.gracefulClose();
                }
                return null;
              }));
    }
    for (Future<?> call : calls) {
      watchdog.await(call, "a racing call on " + gatherer.name());
    }
    // Every close has returned: the state says so before any event is awaited.
    assertClosedState(gatherer);

    expectClosed(gatherer, check, complete);
  }

  /**
   * Returns once every racer has arrived. The racers never park here: all leave within nanoseconds
   * of each other, which a barrier that wakes parked threads one by one cannot give.
   */
  private static void startTogether(AtomicInteger started) {
    started.incrementAndGet();
    while (started.get() < RACERS) {
      Thread.yield();
    }
  }

  private static void spin(int rounds) {
    for (int i = 0; i < rounds; i++) {
      Thread.onSpinWait();
    }
  }

  /** gather() racing close() either starts gathering or finds the gatherer closed. */
  private void gatherRacingClose(IceGatherer gatherer) {
    try {
      gatherer.gather();
    } catch (RuntimeException e) {
      if (!(e instanceof IllegalStateException)
          || !e.getMessage().equals(gatherer.name() + ": gather() after close()")) {
        breaches.add(gatherer.name() + ": gather() racing close() threw " + e);
        breaches.add(gatherer.name() + ": then state() is " + gatherer.state());
      }
    }
  }

  /** What every closed gatherer shows: CLOSED delivered, and a future that matches the end. */
  private void expectClosed(
      IceGatherer gatherer, SequenceCheck check, CompletableFuture<List<IceCandidate>> complete)
      throws InterruptedException {
    watchdog.await(check.closed(), "CLOSED of " + gatherer.name());
    assertClosedState(gatherer);

    if (check.sawEnd()
        ? !complete.isDone() || !complete.join().equals(check.candidates())
        : !complete.isCancelled()) {
      breaches.add(gatherer.name() + ": " + complete + " after " + check.trace());
    }
  }

  /** Where a handler closes its own gatherer. */
  private enum Trigger {
    GATHERING,
    CANDIDATE,
    ERROR,
    COMPLETE,
    NULL,
    CLOSED
  }

  @Test
  void closeFromInsideEveryKindOfHandlerEndsWithClosedAndNothingAfter() throws Exception {
    int iterations = ITERATIONS / 2;
    for (int i = 0; i < iterations; i++) {
      Trigger trigger = Trigger.values()[i % Trigger.values().length];
      // Silent only where the close comes before the end: waiting for it would take 300 ms.
      boolean silent =
          (i / Trigger.values().length) % 2 == 1
              && trigger != Trigger.COMPLETE
              && trigger != Trigger.NULL;
      watchdog.start("close in a handler, " + trigger + (silent ? " silent" : "") + " #" + i);
      try {
        closeInHandler(trigger, silent);
      } finally {
        watchdog.end();
      }
    }
    settle();

    assertThat(breaches).isEmpty();
    System.out.printf(
        "race: %d closes from inside %d kinds of handler%n", iterations, Trigger.values().length);
  }

  private void closeInHandler(Trigger trigger, boolean silent) throws Exception {
    // stuns: is never used by libnice: its error comes right after GATHERING.
    IceGatherOptions.Builder options = silent ? silentOptions() : IceGatherOptions.builder();
    IceGatherer gatherer =
        silentApi().newIceGatherer(options.addIceServer(IceServer.of("stuns:192.0.2.1")).build());
    SequenceCheck check = new SequenceCheck(gatherer.name(), breaches);
    CompletableFuture<List<IceCandidate>> complete = gatherer.gatheringComplete();
    CountDownLatch fired = new CountDownLatch(1);
    Runnable closeHere =
        () -> {
          if (fired.getCount() == 1) {
            fired.countDown();
            closeFromOwnHandler(gatherer);
          }
        };
    gatherer.onStateChange(
        s -> {
          check.state(s);
          if (s.name().equals(trigger.name())) {
            closeHere.run();
          }
        });
    gatherer.onLocalCandidate(
        c -> {
          check.candidate(c);
          if (trigger == (c == null ? Trigger.NULL : Trigger.CANDIDATE)) {
            closeHere.run();
          }
        });
    gatherer.onCandidateError(
        e -> {
          check.error(e);
          if (trigger == Trigger.ERROR) {
            closeHere.run();
          }
        });

    gatherer.gather();
    if (trigger == Trigger.CLOSED) {
      gatherer.close();
    }
    watchdog.await(fired, trigger + " handler of " + gatherer.name());
    expectClosed(gatherer, check, complete);

    boolean closedBeforeTheEnd = trigger.ordinal() <= Trigger.ERROR.ordinal();
    if (trigger == Trigger.COMPLETE || trigger == Trigger.NULL) {
      assertThat(check.sawEnd()).as(check.trace().toString()).isTrue();
    } else if (closedBeforeTheEnd && silent) {
      assertThat(check.sawEnd()).as(check.trace().toString()).isFalse();
    }
    if (silent && (trigger == Trigger.GATHERING || trigger == Trigger.ERROR)) {
      // The close came before any candidate ran, and while gathering went on: the queued ones
      // are dropped. Host-only gathering may already be complete inside gather(), and then they
      // are not.
      assertThat(check.candidates()).as(check.trace().toString()).isEmpty();
    }
  }

  /** gracefulClose() refuses at once from its own handler; close() and the rest are harmless. */
  private void closeFromOwnHandler(IceGatherer gatherer) {
    try {
      gatherer.gracefulClose();
      breaches.add(gatherer.name() + ": gracefulClose() from its own handler returned");
    } catch (IllegalStateException e) {
      String expected =
          gatherer.name()
              + ": gracefulClose() from its own handler would wait for itself; use close()";
      if (!e.getMessage().equals(expected)) {
        breaches.add(gatherer.name() + ": gracefulClose() in a handler threw " + e);
      }
    }
    gatherer.close();
    gatherer.close();
    assertClosedState(gatherer);
  }

  private void assertClosedState(IceGatherer gatherer) {
    if (gatherer.state() != IceGathererState.CLOSED) {
      breaches.add(gatherer.name() + ": state() is " + gatherer.state() + " after close()");
    }
  }

  @Test
  void handlersBlockingForSecondsLeaveOtherGatherersOnTime() throws Exception {
    // All but one of the shared handler threads are held: the rest must still keep time.
    int blockers = SharedThreads.HANDLER_THREADS - 1;
    long blockMs = 3000;
    CountDownLatch blocking = new CountDownLatch(blockers);
    List<IceGatherer> blocked = new ArrayList<>();
    List<SequenceCheck> blockedChecks = new ArrayList<>();
    List<Long> blockedStarts = new ArrayList<>();
    List<long[]> blockedEnds = new ArrayList<>();
    for (int i = 0; i < blockers; i++) {
      IceGatherer gatherer = IceApi.create().newIceGatherer(IceGatherOptions.builder().build());
      SequenceCheck check = SequenceCheck.attach(gatherer, breaches);
      long[] completeAt = new long[1];
      gatherer.onStateChange(
          s -> {
            check.state(s);
            if (s == IceGathererState.GATHERING) {
              blocking.countDown();
              Waits.sleep(blockMs);
            }
            if (s == IceGathererState.COMPLETE) {
              completeAt[0] = System.nanoTime();
            }
          });
      blockedStarts.add(System.nanoTime());
      gatherer.gather();
      blocked.add(gatherer);
      blockedChecks.add(check);
      blockedEnds.add(completeAt);
    }
    watchdog.start("blocking handlers");
    try {
      watchdog.await(blocking, blockers + " blocking handlers");
    } finally {
      watchdog.end();
    }

    List<Long> silentMs = new ArrayList<>();
    List<Long> hostMs = new ArrayList<>();
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(blockMs - 500);
    int rounds = 0;
    while (System.nanoTime() < until) {
      watchdog.start("timed round " + rounds + " beside blocked handlers");
      try {
        timedRound(silentMs, hostMs);
      } finally {
        watchdog.end();
      }
      rounds++;
    }
    boolean completeWhileBlocked =
        blocked.stream().allMatch(g -> g.state() == IceGathererState.COMPLETE);

    watchdog.start("the blocked gatherers");
    try {
      for (int i = 0; i < blockers; i++) {
        watchdog.await(blockedChecks.get(i).ended(), "the end of " + blocked.get(i).name());
        blocked.get(i).close();
        watchdog.await(blockedChecks.get(i).closed(), "CLOSED of " + blocked.get(i).name());
      }
    } finally {
      watchdog.end();
    }
    settle();

    assertThat(breaches).isEmpty();
    assertThat(completeWhileBlocked).isTrue();
    // The blocked gatherers' own events waited for their handler: COMPLETE came after the block.
    for (int i = 0; i < blockers; i++) {
      long waited = TimeUnit.NANOSECONDS.toMillis(blockedEnds.get(i)[0] - blockedStarts.get(i));
      assertThat(waited).isGreaterThanOrEqualTo(blockMs);
    }
    // Documented: gathering ends within the STUN timeout plus 100 ms; 100 ms more for the two
    // hand-offs to a handler thread on a loaded 2-vCPU machine.
    long timeout = STUN_TIMEOUT.toMillis();
    assertThat(silentMs)
        .isNotEmpty()
        .allSatisfy(ms -> assertThat(ms).isBetween(timeout, timeout + 200));
    assertThat(hostMs).isNotEmpty().allSatisfy(ms -> assertThat(ms).isLessThan(100));
    System.out.printf(
        "race: %d handlers blocked %d ms; beside them %d rounds, silent STUN complete after"
            + " %d..%d ms, host-only after %d..%d ms%n",
        blockers,
        blockMs,
        rounds,
        silentMs.stream().mapToLong(Long::longValue).min().orElse(-1),
        silentMs.stream().mapToLong(Long::longValue).max().orElse(-1),
        hostMs.stream().mapToLong(Long::longValue).min().orElse(-1),
        hostMs.stream().mapToLong(Long::longValue).max().orElse(-1));
  }

  /** Four silent-STUN and four host-only gatherers at once; how long each took to COMPLETE. */
  private void timedRound(List<Long> silentMs, List<Long> hostMs) throws Exception {
    List<IceGatherer> round = new ArrayList<>();
    List<SequenceCheck> checks = new ArrayList<>();
    List<long[]> times = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      boolean silent = i % 2 == 0;
      IceGatherOptions options = (silent ? silentOptions() : IceGatherOptions.builder()).build();
      IceGatherer gatherer = silentApi().newIceGatherer(options);
      SequenceCheck check = SequenceCheck.attach(gatherer, breaches);
      long[] time = new long[2];
      gatherer.onStateChange(
          s -> {
            if (s == IceGathererState.COMPLETE) {
              time[1] = System.nanoTime();
            }
            check.state(s);
          });
      time[0] = System.nanoTime();
      gatherer.gather();
      round.add(gatherer);
      checks.add(check);
      times.add(time);
    }

    for (int i = 0; i < round.size(); i++) {
      watchdog.await(checks.get(i).ended(), "the end of " + round.get(i).name());
      long ms = TimeUnit.NANOSECONDS.toMillis(times.get(i)[1] - times.get(i)[0]);
      (i % 2 == 0 ? silentMs : hostMs).add(ms);
      round.get(i).close();
    }
    for (int i = 0; i < round.size(); i++) {
      watchdog.await(checks.get(i).closed(), "CLOSED of " + round.get(i).name());
    }
  }

  @Test
  void gatherAndCloseInTightLoopsOnFourThreadsAcrossManyGatherers() throws Exception {
    int perThread = ITERATIONS / RACERS;
    List<Future<Integer>> loops = new ArrayList<>();
    for (int t = 0; t < RACERS; t++) {
      int thread = t;
      loops.add(racers.submit(() -> tightLoop(thread, perThread)));
    }
    int closed = 0;
    // Each step of each loop is bounded by the watchdog; a tripped one fails its loop here.
    for (Future<Integer> loop : loops) {
      closed += loop.get();
    }
    settle();

    assertThat(breaches).isEmpty();
    assertThat(closed).isEqualTo(perThread * RACERS);
    System.out.printf(
        "race: %d gatherers created, gathered and closed in tight loops on %d threads%n",
        closed, RACERS);
  }

  /**
   * Keeps a window of open gatherers: each step opens one and closes a random one of them, at once,
   * mid-gathering or after the end. Returns how many were closed.
   */
  private int tightLoop(int thread, int steps) throws Exception {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    List<IceGatherer> open = new ArrayList<>();
    List<SequenceCheck> checks = new ArrayList<>();
    List<CompletableFuture<List<IceCandidate>>> futures = new ArrayList<>();
    int closed = 0;
    for (int i = 0; i < steps || !open.isEmpty(); i++) {
      watchdog.start("tight loop " + thread + " step " + i);
      try {
        if (i < steps) {
          IceGatherOptions.Builder options =
              random.nextBoolean() ? silentOptions() : IceGatherOptions.builder();
          IceGatherer gatherer = silentApi().newIceGatherer(options.build());
          checks.add(SequenceCheck.attach(gatherer, breaches));
          futures.add(gatherer.gatheringComplete());
          gatherer.gather();
          open.add(gatherer);
        }
        if (open.size() >= 8 || (i >= steps && !open.isEmpty())) {
          int pick = random.nextInt(open.size());
          IceGatherer gatherer = open.remove(pick);
          SequenceCheck check = checks.remove(pick);
          CompletableFuture<List<IceCandidate>> complete = futures.remove(pick);
          if (random.nextInt(4) == 0) {
            gatherer.gracefulClose();
          } else {
            gatherer.close();
          }
          expectClosed(gatherer, check, complete);
          closed++;
        }
      } finally {
        watchdog.end();
      }
    }

    return closed;
  }

  @Test
  void theCleanerFreesAbandonedGatherersWhileOthersAreClosing() throws Exception {
    int iterations = ITERATIONS / 4;
    AtomicBoolean collecting = new AtomicBoolean(true);
    Thread collector =
        new Thread(
            () -> {
              while (collecting.get()) {
                System.gc();
                Waits.sleep(2);
              }
            },
            "collector");
    collector.setDaemon(true);
    collector.start();

    int abandoned = 0;
    try {
      for (int i = 0; i < iterations; i++) {
        watchdog.start("cleaner race #" + i);
        try {
          switch (i % 3) {
            case 0 -> {
              abandonMidGathering(i % 2 == 0);
              abandoned++;
            }
            case 1 -> closeAsLastUse();
            default -> closeBesideAbandoned();
          }
        } finally {
          watchdog.end();
        }
      }
    } finally {
      collecting.set(false);
    }
    collector.join();
    watchdog.start("the Cleaner's end");
    try {
      awaitNothingNative();
    } finally {
      watchdog.end();
    }
    settle();

    assertThat(breaches).isEmpty();
    assertThat(NativeAgent.liveCount()).isZero();
    assertThat(EventPump.registered()).isZero();
    System.out.printf(
        "race: %d iterations beside a collector, %d gatherers left to the Cleaner%n",
        iterations, abandoned);
  }

  private void abandonMidGathering(boolean silent) {
    IceGatherOptions.Builder options = silent ? silentOptions() : IceGatherOptions.builder();
    IceGatherer gatherer = silentApi().newIceGatherer(options.build());
    SequenceCheck.attach(gatherer, breaches);
    gatherer.gather();
  }

  /** The gatherer becomes unreachable inside close(): its Cleaner may run while it closes. */
  private void closeAsLastUse() throws InterruptedException {
    IceGatherer gatherer = silentApi().newIceGatherer(silentOptions().build());
    SequenceCheck check = SequenceCheck.attach(gatherer, breaches);
    gatherer.gather();
    gatherer.close();
    watchdog.await(check.closed(), "CLOSED of " + check.name());
  }

  private void closeBesideAbandoned() throws Exception {
    IceGatherer gatherer = silentApi().newIceGatherer(silentOptions().build());
    SequenceCheck check = SequenceCheck.attach(gatherer, breaches);
    CompletableFuture<List<IceCandidate>> complete = gatherer.gatheringComplete();
    gatherer.gather();
    abandonMidGathering(true);
    Future<?> closing = racers.submit(gatherer::gracefulClose);
    abandonMidGathering(false);
    watchdog.await(closing, "gracefulClose of " + gatherer.name());
    expectClosed(gatherer, check, complete);
  }

  /** Collects until every abandoned gatherer's agent is freed and routed no more. */
  private void awaitNothingNative() throws InterruptedException {
    CountDownLatch idle = new CountDownLatch(1);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Thread waiter =
        new Thread(
            () -> {
              while (NativeAgent.liveCount() != 0 || EventPump.registered() != 0) {
                if (System.nanoTime() > until) {
                  return;
                }
                System.gc();
                Waits.sleep(20);
              }
              idle.countDown();
            },
            "idle-waiter");
    waiter.setDaemon(true);
    waiter.start();
    watchdog.await(idle, "no native agent left");
  }

  private static IceApi silentApi() {
    SettingEngine engine = new SettingEngine();
    engine.setStunGatherTimeout(STUN_TIMEOUT);

    return IceApi.create(engine);
  }

  /** A STUN server that never answers: the bed's closed port. */
  private static IceGatherOptions.Builder silentOptions() {
    return IceGatherOptions.builder()
        .addIceServer(IceServer.of("stun:" + Bed.SERVER_V4 + ":" + Bed.CLOSED_PORT));
  }

  /** Waits past every timer a gatherer has, so that an event after CLOSED would have come. */
  private static void settle() throws InterruptedException {
    Thread.sleep(SETTLE_MS);
  }
}
