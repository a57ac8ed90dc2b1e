package io.github.nicegather;

import io.github.nicegather.internal.HandlerQueue;
import java.util.function.Consumer;

/**
 * One gatherer's handlers and the queue that calls them. Events are queued in the order they
 * happen, under the gatherer's lock, and run later on a handler thread, outside every lock; the
 * handler in place when an event runs is the one called.
 */
final class Delivery {
  final HandlerQueue queue;

  private volatile Consumer<IceCandidate> candidateHandler;
  private volatile Consumer<IceGathererState> stateHandler;
  private volatile Consumer<IceCandidateError> errorHandler;

  /** Set when a close interrupts gathering: candidates and errors not yet run are dropped. */
  private volatile boolean interrupted;

  Delivery(String owner) {
    this.queue = new HandlerQueue(owner);
  }

  void onCandidate(Consumer<IceCandidate> handler) {
    candidateHandler = handler;
  }

  void onState(Consumer<IceGathererState> handler) {
    stateHandler = handler;
  }

  void onError(Consumer<IceCandidateError> handler) {
    errorHandler = handler;
  }

  void interrupt() {
    interrupted = true;
  }

  /** Queues a candidate, or with null the end of gathering. */
  void candidate(IceCandidate candidate) {
    queue.add(
        () -> {
          Consumer<IceCandidate> handler = candidateHandler;
          if (handler != null && !interrupted) {
            handler.accept(candidate);
          }
        });
  }

  /** Queues a state change; these are delivered even after an interrupting close. */
  void state(IceGathererState state) {
    queue.add(
        () -> {
          Consumer<IceGathererState> handler = stateHandler;
          if (handler != null) {
            handler.accept(state);
          }
        });
  }

  void error(IceCandidateError error) {
    queue.add(
        () -> {
          Consumer<IceCandidateError> handler = errorHandler;
          if (handler != null && !interrupted) {
            handler.accept(error);
          }
        });
  }
}
