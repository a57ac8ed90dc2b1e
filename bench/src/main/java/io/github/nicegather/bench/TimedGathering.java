package io.github.nicegather.bench;

import io.github.nicegather.IceApi;
import io.github.nicegather.IceCandidate;
import io.github.nicegather.IceCandidateType;
import io.github.nicegather.IceGatherOptions;
import io.github.nicegather.IceGatherer;
import io.github.nicegather.IceGathererState;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One gatherer timed from {@code gather()}: to the {@code COMPLETE} state event, to the first
 * server-reflexive and to the first relay candidate, as its handlers see them.
 *
 * @param completeMs ms to COMPLETE, or -1 if it did not come within the wait
 * @param srflxMs ms to the first srflx candidate, or -1 if none came
 * @param relayMs ms to the first relay candidate, or -1 if none came
 */
record TimedGathering(double completeMs, double srflxMs, double relayMs) {

  /** Gathers once with {@code options}, waits at most {@code waitMs} for COMPLETE, and closes. */
  static TimedGathering run(IceApi api, IceGatherOptions options, long waitMs)
      throws InterruptedException {
    Marks marks = new Marks();
    IceGatherer gatherer = api.newIceGatherer(options);
    try {
      gatherer.onLocalCandidate(marks::candidate);
      gatherer.onStateChange(marks::state);
      marks.start = System.nanoTime();
      gatherer.gather();
      marks.complete.await(waitMs, TimeUnit.MILLISECONDS);
    } finally {
      // Waits for the handlers, so none of them runs into the next gathering.
      gatherer.gracefulClose();
    }

    return new TimedGathering(
        marks.ms(marks.completeAt), marks.ms(marks.srflxAt), marks.ms(marks.relayAt));
  }

  /** Times written by handler threads, read by the runner once COMPLETE has come. */
  private static final class Marks {
    final CountDownLatch complete = new CountDownLatch(1);
    final AtomicLong completeAt = new AtomicLong();
    final AtomicLong srflxAt = new AtomicLong();
    final AtomicLong relayAt = new AtomicLong();
    volatile long start;

    void candidate(IceCandidate candidate) {
      if (candidate == null) {
        return;
      }
      if (candidate.type() == IceCandidateType.SRFLX) {
        srflxAt.compareAndSet(0, System.nanoTime());
      } else if (candidate.type() == IceCandidateType.RELAY) {
        relayAt.compareAndSet(0, System.nanoTime());
      }
    }

    void state(IceGathererState state) {
      if (state == IceGathererState.COMPLETE) {
        completeAt.compareAndSet(0, System.nanoTime());
        complete.countDown();
      }
    }

    double ms(AtomicLong at) {
      long time = at.get();

      return time == 0 ? -1 : (time - start) / 1e6;
    }
  }
}
