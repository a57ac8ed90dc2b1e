package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** One whole gathering, run to its end and closed, with what it delivered and how long. */
record Gathered(Recorder recorder, List<IceCandidate> candidates, double millisToComplete) {

  static Gathered run(IceApi api, IceGatherOptions options) throws InterruptedException {
    try (IceGatherer gatherer = api.newIceGatherer(options)) {
      Recorder recorder = Recorder.attach(gatherer);
      long start = System.nanoTime();
      gatherer.gather();
      recorder.awaitEnd(10);

      long completeAt =
          recorder.snapshot().stream()
              .filter(e -> e.value() == IceGathererState.COMPLETE)
              .findFirst()
              .orElseThrow()
              .nanos();
      assertThat(gatherer.getLocalCandidates()).isEqualTo(recorder.candidates());

      return new Gathered(recorder, recorder.candidates(), (completeAt - start) / 1e6);
    }
  }

  List<IceCandidateError> errors() {
    return recorder.errors();
  }

  List<IceCandidate> ofType(IceCandidateType type) {
    return candidates.stream().filter(c -> c.type() == type).toList();
  }

  /** The one candidate of this type and address; fails if there are none or several. */
  IceCandidate only(IceCandidateType type, String address) {
    List<IceCandidate> found =
        candidates.stream().filter(c -> c.type() == type && c.address().equals(address)).toList();
    assertThat(found).as("%s %s among %s", type, address, candidates).hasSize(1);

    return found.get(0);
  }
}
