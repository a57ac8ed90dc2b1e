package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A candidate pool gathers from creation on and shows what it has when gather() is called: in
 * order, nothing lost, nothing twice, then the live rest. Pion's pool silences ORTC users; ours
 * does not.
 */
class CandidatePoolTest {
  @Test
  void aCompletedPoolIsShownWhole() throws Exception {
    Bed.require();
    IceGatherOptions options =
        IceGatherOptions.builder()
            .addIceServer(IceServer.of(Bed.stun()))
            .candidatePoolSize(1)
            .build();
    try (IceGatherer gatherer = IceApi.create().newIceGatherer(options)) {
      Recorder recorder = Recorder.attach(gatherer);
      awaitPoolComplete(gatherer);

      assertThat(gatherer.state()).isEqualTo(IceGathererState.NEW);
      assertThat(gatherer.getLocalCandidates()).isEmpty();
      assertThat(recorder.snapshot()).isEmpty();

      long before = System.nanoTime();
      gatherer.gather();
      double gatherMs = (System.nanoTime() - before) / 1e6;
      recorder.awaitEnd(5);

      assertThat(gatherer.state()).isEqualTo(IceGathererState.COMPLETE);
      assertThat(recorder.sequence())
          .containsExactly(
              "state:gathering", "candidate", "candidate", "candidate", "state:complete", "null");
      assertThat(recorder.candidates())
          .doesNotHaveDuplicates()
          .isEqualTo(gatherer.getLocalCandidates())
          .extracting(IceCandidate::address)
          .containsExactlyInAnyOrder(Bed.LAN_V4, Bed.LAN_V6, Bed.NAT_V4);
      assertThat(gatherMs)
          .as("gather() returns at once when the pool is complete")
          .isLessThan(50.0);
    }
  }

  @Test
  void aPoolStillGatheringShowsWhatItHasThenGoesOnLive() throws Exception {
    Bed.require();
    SettingEngine engine = new SettingEngine();
    engine.setStunGatherTimeout(Duration.ofMillis(600));
    IceGatherOptions options =
        IceGatherOptions.builder()
            .addIceServer(IceServer.of("stun:" + Bed.SERVER_V4 + ":" + Bed.CLOSED_PORT))
            .candidatePoolSize(3)
            .build();
    try (IceGatherer gatherer = IceApi.create(engine).newIceGatherer(options)) {
      Recorder recorder = Recorder.attach(gatherer);
      Thread.sleep(100);
      gatherer.gather();
      Thread.sleep(50);

      // The host candidates were pooled; the server's timeout is still ahead.
      assertThat(recorder.sequence()).containsExactly("state:gathering", "candidate", "candidate");
      recorder.awaitEnd(5);
      assertThat(recorder.sequence())
          .containsExactly(
              "state:gathering", "candidate", "candidate", "error", "state:complete", "null");
    }
  }

  @Test
  void closingBeforeGatherShowsOnlyClosed() throws Exception {
    IceGatherOptions options = IceGatherOptions.builder().candidatePoolSize(1).build();
    IceGatherer gatherer = IceApi.create().newIceGatherer(options);
    Recorder recorder = Recorder.attach(gatherer);
    var complete = gatherer.gatheringComplete();
    awaitPoolComplete(gatherer);

    gatherer.close();
    recorder.awaitClosed(5);
    Thread.sleep(100);

    assertThat(recorder.sequence()).containsExactly("state:closed");
    assertThat(complete).isCompletedExceptionally();
    assertThat(complete.handle((v, e) -> e).get(1, TimeUnit.SECONDS))
        .isInstanceOf(CancellationException.class);
  }

  @Test
  void withoutAPoolNothingHappensBeforeGather() throws Exception {
    Natives.awaitIdle();
    try (IceGatherer gatherer =
        IceApi.create().newIceGatherer(IceGatherOptions.builder().build())) {
      Thread.sleep(50);

      assertThat(gatherer.nativeGathered()).isFalse();
    }
  }

  /** The pool's own progress, which the API hides until gather(). */
  private static void awaitPoolComplete(IceGatherer gatherer) throws InterruptedException {
    long until = System.nanoTime() + 5_000_000_000L;
    while (!gatherer.poolComplete() && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertThat(gatherer.poolComplete()).isTrue();
  }
}
