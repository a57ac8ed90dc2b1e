package io.github.nicegather.tool;

import io.github.nicegather.IceCandidate;
import io.github.nicegather.IceCandidateError;
import io.github.nicegather.IceCandidateType;
import io.github.nicegather.IceGathererState;
import io.github.nicegather.IceParameters;
import java.util.Map;

/** Writes the events, one line each; called one event at a time. */
interface Printer {
  void parameters(IceParameters parameters);

  void state(double ms, IceGathererState state);

  void candidate(double ms, IceCandidate candidate);

  void error(double ms, IceCandidateError error);

  /**
   * The last line.
   *
   * @param completeMs the time to {@code COMPLETE}, or null when it never came
   */
  void summary(double ms, Double completeMs, Map<IceCandidateType, Integer> counts, int errors);
}
