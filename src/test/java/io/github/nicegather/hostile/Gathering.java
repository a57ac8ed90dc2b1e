package io.github.nicegather.hostile;

import io.github.nicegather.IceApi;
import io.github.nicegather.IceCandidate;
import io.github.nicegather.IceCandidateError;
import io.github.nicegather.IceCandidateType;
import io.github.nicegather.IceGatherOptions;
import io.github.nicegather.IceGatherer;
import io.github.nicegather.IceGathererState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One whole gathering, run to its end and closed: what it delivered, and how long from {@code
 * gather()} to the {@code COMPLETE} event. The project's {@code Gathered} is package-private; this
 * measures the same way.
 */
record Gathering(List<IceCandidate> candidates, List<IceCandidateError> errors, double millis) {
  private static final long END_SECONDS = 10;

  static Gathering run(IceApi api, IceGatherOptions options) throws InterruptedException {
    List<IceCandidate> candidates = new CopyOnWriteArrayList<>();
    List<IceCandidateError> errors = new CopyOnWriteArrayList<>();
    AtomicLong completeAt = new AtomicLong();
    CountDownLatch end = new CountDownLatch(1);

    try (IceGatherer gatherer = api.newIceGatherer(options)) {
      gatherer.onCandidateError(errors::add);
      gatherer.onStateChange(
          state -> {
            if (state == IceGathererState.COMPLETE) {
              completeAt.set(System.nanoTime());
            }
          });
      gatherer.onLocalCandidate(
          candidate -> {
            if (candidate == null) {
              end.countDown();
            } else {
              candidates.add(candidate);
            }
          });

      long start = System.nanoTime();
      gatherer.gather();
      if (!end.await(END_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("no end of gathering within " + END_SECONDS + " s");
      }

      return new Gathering(
          List.copyOf(candidates), List.copyOf(errors), (completeAt.get() - start) / 1e6);
    }
  }

  List<String> addressesOf(IceCandidateType type) {
    return candidates.stream().filter(c -> c.type() == type).map(IceCandidate::address).toList();
  }
}
