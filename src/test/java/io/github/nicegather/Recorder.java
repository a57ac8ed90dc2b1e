package io.github.nicegather;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Attaches to every handler of a gatherer and records what arrives, in order, with the thread and
 * the time, and whether two handler calls ever overlapped.
 */
final class Recorder {
  /** One delivered event: a state, a candidate (null for the end), or an error. */
  record Event(String kind, Object value, String thread, long nanos) {}

  final List<Event> events = new ArrayList<>();
  final AtomicInteger overlaps = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final CountDownLatch end = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);

  static Recorder attach(IceGatherer gatherer) {
    Recorder recorder = new Recorder();
    gatherer.onStateChange(state -> recorder.record("state", state));
    gatherer.onLocalCandidate(candidate -> recorder.record("candidate", candidate));
    gatherer.onCandidateError(error -> recorder.record("error", error));

    return recorder;
  }

  /** Records one event; handlers that wrap the recorder's call this themselves. */
  void record(String kind, Object value) {
    if (running.incrementAndGet() > 1) {
      overlaps.incrementAndGet();
    }
    synchronized (events) {
      events.add(new Event(kind, value, Thread.currentThread().getName(), System.nanoTime()));
    }
    if (kind.equals("candidate") && value == null) {
      end.countDown();
    }
    if (value == IceGathererState.CLOSED) {
      closed.countDown();
    }
    running.decrementAndGet();
  }

  /** Waits for the null candidate. */
  void awaitEnd(long seconds) throws InterruptedException {
    if (!end.await(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("no end of gathering within " + seconds + " s: " + snapshot());
    }
  }

  /** Waits for the CLOSED state event. */
  void awaitClosed(long seconds) throws InterruptedException {
    if (!closed.await(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("no CLOSED within " + seconds + " s: " + snapshot());
    }
  }

  List<Event> snapshot() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  List<Object> values(String kind) {
    return snapshot().stream().filter(e -> e.kind().equals(kind)).map(Event::value).toList();
  }

  List<IceCandidate> candidates() {
    return snapshot().stream()
        .filter(e -> e.kind().equals("candidate") && e.value() != null)
        .map(e -> (IceCandidate) e.value())
        .toList();
  }

  List<IceCandidateError> errors() {
    return values("error").stream().map(IceCandidateError.class::cast).toList();
  }

  /** The kinds in order, with states and the end spelled out: "state:gathering", "null". */
  List<String> sequence() {
    return snapshot().stream()
        .map(
            e ->
                e.kind().equals("state")
                    ? "state:" + e.value()
                    : e.kind().equals("candidate") && e.value() == null ? "null" : e.kind())
        .toList();
  }
}
