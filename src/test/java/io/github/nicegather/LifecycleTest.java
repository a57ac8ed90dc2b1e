package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nicegather.internal.EventPump;
import io.github.nicegather.internal.NativeAgent;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** States, parameters and misuse: what a gatherer allows when, and what it refuses. */
class LifecycleTest {
  private static final String ICE_CHARS = "[A-Za-z0-9+/]";

  @Test
  void aNewGathererIsNewWithStableParametersSetOnTheAgent() {
    try (IceGatherer gatherer =
        IceApi.create().newIceGatherer(IceGatherOptions.builder().build())) {
      IceParameters parameters = gatherer.getLocalParameters();

      assertThat(gatherer.state()).isEqualTo(IceGathererState.NEW);
      assertThat(parameters.usernameFragment()).matches(ICE_CHARS + "{16}");
      assertThat(parameters.password()).matches(ICE_CHARS + "{32}");
      assertThat(parameters.iceLite()).isFalse();
      assertThat(gatherer.getLocalParameters()).isEqualTo(parameters);
      assertThat(gatherer.nativeCredentials())
          .containsExactly(parameters.usernameFragment(), parameters.password());
      assertThat(gatherer.getLocalCandidates()).isEmpty();
    }
  }

  @Test
  void liteModeIsReportedInTheParametersAndGathersHostCandidatesOnly() throws Exception {
    SettingEngine engine = new SettingEngine();
    engine.setLite(true);
    Gathered g = Gathered.run(IceApi.create(engine), IceGatherOptions.builder().build());

    assertThat(g.candidates())
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.type()).isEqualTo(IceCandidateType.HOST));
    try (IceGatherer gatherer =
        IceApi.create(engine).newIceGatherer(IceGatherOptions.builder().build())) {
      assertThat(gatherer.getLocalParameters().iceLite()).isTrue();
    }
  }

  @Test
  void aRejectedConfigurationCreatesNothingNative() throws Exception {
    Natives.awaitIdle();
    IceGatherOptions bad =
        IceGatherOptions.builder()
            .addIceServer(IceServer.of("stun:"))
            .candidatePoolSize(256)
            .build();

    assertThatThrownBy(() -> IceApi.create().newIceGatherer(bad))
        .isInstanceOf(IceException.class)
        .hasMessage("stun:: empty host; candidatePoolSize: 256 is outside 0..255");
    assertThat(NativeAgent.liveCount()).isZero();
    assertThat(EventPump.registered()).isZero();
  }

  @Test
  void liteModeWithIceServersIsRejected() {
    SettingEngine engine = new SettingEngine();
    engine.setLite(true);
    IceGatherOptions options =
        IceGatherOptions.builder().addIceServer(IceServer.of("stun:192.0.2.1")).build();

    assertThatThrownBy(() -> IceApi.create(engine).newIceGatherer(options))
        .isInstanceOf(IceException.class)
        .hasMessageStartingWith("iceServers: an ICE-lite agent gathers host candidates only")
        .extracting(e -> ((IceException) e).reason())
        .isEqualTo(IceException.Reason.INVALID_OPTION);
  }

  @Test
  void aSecondGatherThrowsAndLeavesTheStateAlone() throws Exception {
    try (IceGatherer gatherer =
        IceApi.create().newIceGatherer(IceGatherOptions.builder().build())) {
      gatherer.gather();
      gatherer.gatheringComplete().get(5, TimeUnit.SECONDS);

      assertThatThrownBy(gatherer::gather)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageEndingWith("gather() may be called once; the gatherer is complete");
      assertThat(gatherer.state()).isEqualTo(IceGathererState.COMPLETE);
    }
  }

  @Test
  void everyCallButStateAndCloseThrowsAfterClose() {
    IceGatherer gatherer = IceApi.create().newIceGatherer(IceGatherOptions.builder().build());
    gatherer.close();

    List<Runnable> calls =
        List.of(
            gatherer::gather,
            gatherer::getLocalParameters,
            gatherer::getLocalCandidates,
            () -> gatherer.onLocalCandidate(c -> {}),
            () -> gatherer.onStateChange(s -> {}),
            () -> gatherer.onCandidateError(e -> {}),
            gatherer::gatheringComplete);
    for (Runnable call : calls) {
      assertThatThrownBy(call::run)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("after close()");
    }
    assertThat(gatherer.state()).isEqualTo(IceGathererState.CLOSED);
    gatherer.close();
    gatherer.gracefulClose();
    assertThat(gatherer.state()).isEqualTo(IceGathererState.CLOSED);
  }

  @Test
  void closingANewGathererMovesItToClosedOnceWithItsEvent() throws Exception {
    IceGatherer gatherer = IceApi.create().newIceGatherer(IceGatherOptions.builder().build());
    Recorder recorder = Recorder.attach(gatherer);
    var complete = gatherer.gatheringComplete();

    gatherer.close();
    gatherer.close();
    gatherer.gracefulClose();

    assertThat(recorder.sequence()).containsExactly("state:closed");
    assertThat(complete).isCancelled();
    assertThatThrownBy(complete::join).isInstanceOf(CancellationException.class);
  }

  @Test
  void localCandidatesAreAnImmutableSnapshotInDeliveryOrder() throws Exception {
    try (IceGatherer gatherer =
        IceApi.create().newIceGatherer(IceGatherOptions.builder().build())) {
      Recorder recorder = Recorder.attach(gatherer);
      gatherer.gather();
      recorder.awaitEnd(5);
      List<IceCandidate> candidates = gatherer.getLocalCandidates();

      assertThat(candidates).isEqualTo(recorder.candidates()).isNotEmpty();
      assertThatThrownBy(() -> candidates.add(candidates.get(0)))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThat(gatherer.gatheringComplete().get(1, TimeUnit.SECONDS)).isEqualTo(candidates);
    }
  }
}
