package io.github.nicegather.hostile;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Sends the noise of the flood and random modes from one thread, so that answering requests never
 * waits for it. Bounded three ways: a budget of packets for the whole run, a pace of {@link
 * #PER_MILLISECOND} packets, and the server's stop, which ends a burst between two packets.
 */
final class Bursts {
  static final int PER_MILLISECOND = 10;

  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "hostile-noise");
            t.setDaemon(true);
            return t;
          });
  private final long seed;
  private final AtomicInteger budget;
  private final AtomicInteger bursts = new AtomicInteger();
  private final AtomicLong sent;
  private volatile boolean stopped;

  /** {@code sent} counts every packet the server sends, answers included. */
  Bursts(long seed, int budget, AtomicLong sent) {
    this.seed = seed;
    this.budget = new AtomicInteger(budget);
    this.sent = sent;
  }

  /**
   * Queues a burst. Each burst draws from its own generator, seeded from the run's seed and the
   * burst's number, so a run sends the same bytes whatever the timing of its requests.
   */
  void send(Peer peer, int count, Function<Random, byte[]> packet) {
    Random random = new Random(seed * 1_000_003 + bursts.getAndIncrement());
    thread.execute(() -> run(peer, count, packet, random));
  }

  private void run(Peer peer, int count, Function<Random, byte[]> packet, Random random) {
    for (int i = 0; i < count && !stopped && budget.getAndDecrement() > 0; i++) {
      try {
        peer.send(packet.apply(random));
      } catch (IOException e) {
        // A TCP client that has gone needs no more noise.
        return;
      }
      sent.incrementAndGet();
      if (i % PER_MILLISECOND == PER_MILLISECOND - 1) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
    }
  }

  /** Ends the burst in progress and drops the queued ones; waits a second at most. */
  void stop() throws InterruptedException {
    stopped = true;
    thread.shutdownNow();
    thread.awaitTermination(1, TimeUnit.SECONDS);
  }
}
