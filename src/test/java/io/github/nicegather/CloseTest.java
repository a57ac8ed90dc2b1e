package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** close() and gracefulClose(): what ends, what is released, what is still delivered. */
class CloseTest {
  @Test
  void closeDuringGatheringReleasesTheTurnAllocationAndDeliversNoEnd() throws Exception {
    Bed.require();
    long releasedBefore = releasedAllocations();
    IceGatherOptions options =
        IceGatherOptions.builder()
            .addIceServer(Bed.turnServer("udp"))
            // A silent STUN server keeps gathering going after the relay has arrived.
            .addIceServer(IceServer.of("stun:" + Bed.SERVER_V4 + ":" + Bed.CLOSED_PORT))
            .build();
    IceGatherer gatherer = IceApi.create().newIceGatherer(options);
    Recorder recorder = Recorder.attach(gatherer);
    CompletableFuture<List<IceCandidate>> complete = gatherer.gatheringComplete();
    CountDownLatch relay = new CountDownLatch(1);
    gatherer.onLocalCandidate(
        c -> {
          if (c != null && c.type() == IceCandidateType.RELAY) {
            relay.countDown();
          }
        });

    gatherer.gather();
    assertThat(relay.await(5, TimeUnit.SECONDS)).isTrue();
    gatherer.close();
    recorder.awaitClosed(5);

    assertThat(gatherer.state()).isEqualTo(IceGathererState.CLOSED);
    assertThatThrownBy(complete::join).isInstanceOf(CancellationException.class);
    assertThat(awaitReleased(releasedBefore + 1)).isEqualTo(releasedBefore + 1);
    Thread.sleep(2500);
    // Past the STUN timeout: nothing, not even the end, follows CLOSED.
    List<String> sequence = recorder.sequence();
    assertThat(sequence).doesNotContain("null", "state:complete").endsWith("state:closed");
  }

  @Test
  void closeFromAHandlerInterruptsGatheringWithoutDeadlock() throws Exception {
    // A silent server (nothing listens on loopback's discard port) keeps gathering going.
    IceGatherOptions options =
        IceGatherOptions.builder().addIceServer(IceServer.of("stun:127.0.0.1:9")).build();
    IceGatherer gatherer = IceApi.create().newIceGatherer(options);
    Recorder recorder = Recorder.attach(gatherer);
    gatherer.onStateChange(
        s -> {
          if (s == IceGathererState.GATHERING) {
            gatherer.close();
          }
          recorder.record("state", s);
        });

    gatherer.gather();
    recorder.awaitClosed(5);

    assertThat(recorder.values("state"))
        .containsExactly(IceGathererState.GATHERING, IceGathererState.CLOSED);
    assertThat(recorder.values("candidate")).isEmpty();
  }

  @Test
  void closeDoesNotWaitForARunningHandler() throws Exception {
    IceGatherer gatherer = IceApi.create().newIceGatherer(IceGatherOptions.builder().build());
    CountDownLatch inHandler = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    gatherer.onStateChange(
        s -> {
          if (s == IceGathererState.GATHERING) {
            inHandler.countDown();
            Waits.await(release);
          }
        });

    gatherer.gather();
    assertThat(inHandler.await(5, TimeUnit.SECONDS)).isTrue();
    gatherer.close();

    assertThat(release.getCount()).isEqualTo(1);
    assertThat(gatherer.state()).isEqualTo(IceGathererState.CLOSED);
    release.countDown();
  }

  @Test
  void gracefulCloseReturnsOnlyAfterRunningAndQueuedHandlersReturn() throws Exception {
    IceGatherer gatherer = IceApi.create().newIceGatherer(IceGatherOptions.builder().build());
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    List<IceGathererState> states = new CopyOnWriteArrayList<>();
    gatherer.onStateChange(
        s -> {
          states.add(s);
          if (s == IceGathererState.GATHERING) {
            started.countDown();
            Waits.sleep(300);
            finished.set(true);
          }
        });

    gatherer.gather();
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    gatherer.gracefulClose();

    assertThat(finished).isTrue();
    assertThat(states).endsWith(IceGathererState.CLOSED);
  }

  @Test
  void gracefulCloseFromItsOwnHandlerThrowsAtOnceAndClosesNothing() throws Exception {
    IceGatherer gatherer = IceApi.create().newIceGatherer(IceGatherOptions.builder().build());
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    gatherer.onStateChange(
        s -> {
          if (s == IceGathererState.GATHERING) {
            try {
              gatherer.gracefulClose();
              thrown.complete(null);
            } catch (Throwable t) {
              thrown.complete(t);
            }
          }
        });

    gatherer.gather();

    assertThat(thrown.get(5, TimeUnit.SECONDS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            gatherer.name()
                + ": gracefulClose() from its own handler would wait for itself; use close()");
    assertThat(gatherer.gatheringComplete().get(5, TimeUnit.SECONDS)).isNotEmpty();
    gatherer.close();
  }

  @Test
  void closeAfterCompleteStillDeliversTheEndBeforeClosed() throws Exception {
    IceGatherer gatherer = IceApi.create().newIceGatherer(IceGatherOptions.builder().build());
    CountDownLatch hold = new CountDownLatch(1);
    Recorder recorder = Recorder.attach(gatherer);
    gatherer.onStateChange(
        s -> {
          if (s == IceGathererState.GATHERING) {
            Waits.await(hold);
          }
          recorder.record("state", s);
        });

    gatherer.gather();
    List<IceCandidate> all = awaitComplete(gatherer);
    gatherer.close();
    hold.countDown();
    recorder.awaitClosed(5);

    List<String> sequence = recorder.sequence();
    assertThat(sequence.subList(sequence.size() - 3, sequence.size()))
        .containsExactly("state:complete", "null", "state:closed");
    assertThat(recorder.candidates()).isEqualTo(all);
  }

  private static List<IceCandidate> awaitComplete(IceGatherer gatherer) throws Exception {
    long until = System.nanoTime() + 5_000_000_000L;
    while (gatherer.state() != IceGathererState.COMPLETE && System.nanoTime() < until) {
      Thread.sleep(5);
    }

    return gatherer.getLocalCandidates();
  }

  /** coturn logs "refreshed, ..., lifetime=0" for each allocation a client deletes. */
  private static long releasedAllocations() throws Exception {
    try (var lines = Files.lines(Bed.TURN_LOG)) {
      return lines.filter(l -> l.contains("refreshed,") && l.endsWith("lifetime=0")).count();
    }
  }

  private static long awaitReleased(long expected) throws Exception {
    long until = System.nanoTime() + 5_000_000_000L;
    long released = releasedAllocations();
    while (released < expected && System.nanoTime() < until) {
      Thread.sleep(20);
      released = releasedAllocations();
    }

    return released;
  }
}
