package io.github.nicegather;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks one gatherer's handler calls against the order its contract promises, as they arrive, and
 * reports each breach to a queue shared by a whole test. The legal sequences:
 *
 * <pre>
 *   [gathering (candidate | error)* [complete null]] [closed]
 * </pre>
 *
 * each state at most once and in that order; candidates and errors only between gathering and
 * complete; the null candidate exactly once, right after complete, so never after a close that
 * interrupted gathering; nothing at all after closed. Every call must come on a library handler
 * thread, one at a time.
 *
 * <p>Thread-safe.
 */
final class SequenceCheck {
  private enum Stage {
    NEW,
    GATHERING,
    COMPLETE,
    ENDED,
    CLOSED
  }

  private final String name;
  private final Queue<String> breaches;
  private final AtomicInteger inside = new AtomicInteger();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final CountDownLatch firstCandidate = new CountDownLatch(1);
  private final CountDownLatch ended = new CountDownLatch(1);

  // Guarded by this.
  private Stage stage = Stage.NEW;
  private final List<String> trace = new ArrayList<>();
  private final List<IceCandidate> candidates = new ArrayList<>();
  private int errors;

  SequenceCheck(String name, Queue<String> breaches) {
    this.name = name;
    this.breaches = breaches;
  }

  /** Checks every handler of the gatherer. */
  static SequenceCheck attach(IceGatherer gatherer, Queue<String> breaches) {
    return attach(gatherer, gatherer.name(), breaches);
  }

  /** Checks every handler of the gatherer, naming it {@code label} in breaches. */
  static SequenceCheck attach(IceGatherer gatherer, String label, Queue<String> breaches) {
    SequenceCheck check = new SequenceCheck(label, breaches);
    gatherer.onStateChange(check::state);
    gatherer.onLocalCandidate(check::candidate);
    gatherer.onCandidateError(check::error);

    return check;
  }

  void state(IceGathererState state) {
    enter();
    synchronized (this) {
      trace.add(state.name().toLowerCase());
      switch (state) {
        case GATHERING -> move(Stage.NEW, Stage.GATHERING, "gathering");
        case COMPLETE -> move(Stage.GATHERING, Stage.COMPLETE, "complete");
        case CLOSED -> {
          if (stage == Stage.COMPLETE || stage == Stage.CLOSED) {
            breach("closed in stage " + stage);
          }
          stage = Stage.CLOSED;
        }
        default -> breach("state " + state + " delivered");
      }
    }
    leave();
    if (state == IceGathererState.CLOSED) {
      closed.countDown();
    }
  }

  void candidate(IceCandidate candidate) {
    enter();
    synchronized (this) {
      if (candidate == null) {
        trace.add("null");
        move(Stage.COMPLETE, Stage.ENDED, "null candidate");
      } else {
        trace.add("candidate");
        candidates.add(candidate);
        if (stage != Stage.GATHERING) {
          breach("candidate in stage " + stage);
        }
      }
    }
    leave();
    if (candidate == null) {
      ended.countDown();
    } else {
      firstCandidate.countDown();
    }
  }

  void error(IceCandidateError error) {
    enter();
    synchronized (this) {
      trace.add("error");
      errors++;
      if (stage != Stage.GATHERING) {
        breach("error in stage " + stage);
      }
    }
    leave();
  }

  String name() {
    return name;
  }

  CountDownLatch closed() {
    return closed;
  }

  CountDownLatch firstCandidate() {
    return firstCandidate;
  }

  CountDownLatch ended() {
    return ended;
  }

  synchronized boolean sawEnd() {
    return trace.contains("null");
  }

  synchronized List<IceCandidate> candidates() {
    return List.copyOf(candidates);
  }

  synchronized int errors() {
    return errors;
  }

  synchronized List<String> trace() {
    return List.copyOf(trace);
  }

  private void move(Stage from, Stage to, String what) {
    if (stage != from) {
      breach(what + " in stage " + stage);
    }
    if (stage != Stage.CLOSED) {
      stage = to;
    }
  }

  private void breach(String what) {
    breaches.add(name + ": " + what + "; sequence " + trace);
  }

  private void enter() {
    if (inside.incrementAndGet() > 1) {
      breaches.add(name + ": two handler calls overlapped");
    }
    String thread = Thread.currentThread().getName();
    if (!thread.startsWith("nicegather-handler-")) {
      breaches.add(name + ": handler called on thread " + thread);
    }
  }

  private void leave() {
    inside.decrementAndGet();
  }
}
