package io.github.nicegather.tool;

import static io.github.nicegather.tool.GatherCommand.ms;

import io.github.nicegather.IceCandidate;
import io.github.nicegather.IceCandidateError;
import io.github.nicegather.IceCandidateType;
import io.github.nicegather.IceGathererState;
import io.github.nicegather.IceParameters;
import io.github.nicegather.internal.Json;
import java.io.PrintStream;
import java.util.Map;

/**
 * One JSON object per line, each with an {@code event} key; a candidate is the W3C {@code
 * RTCIceCandidateInit} the library writes, with the ufrag, ready for a peer.
 */
final class JsonLines implements Printer {
  private final PrintStream out;
  private String ufrag;

  JsonLines(PrintStream out) {
    this.out = out;
  }

  @Override
  public void parameters(IceParameters parameters) {
    ufrag = parameters.usernameFragment();
    out.println(
        "{\"event\":\"parameters\",\"usernameFragment\":"
            + Json.quote(ufrag)
            + ",\"password\":"
            + Json.quote(parameters.password())
            + ",\"iceLite\":"
            + parameters.iceLite()
            + "}");
  }

  @Override
  public void state(double ms, IceGathererState state) {
    out.println(head(ms, "state") + ",\"state\":" + Json.quote(state.toString()) + "}");
  }

  @Override
  public void candidate(double ms, IceCandidate candidate) {
    out.println(
        head(ms, "candidate")
            + ",\"candidate\":"
            + candidate.toJson("0", 0, ufrag)
            + ",\"sdp\":"
            + Json.quote(candidate.toSdp())
            + "}");
  }

  @Override
  public void error(double ms, IceCandidateError error) {
    out.println(head(ms, "error") + ",\"error\":" + error.toJson() + "}");
  }

  @Override
  public void summary(
      double ms, Double completeMs, Map<IceCandidateType, Integer> counts, int errors) {
    StringBuilder line =
        new StringBuilder(head(ms, "summary"))
            .append(",\"completed\":")
            .append(completeMs != null)
            .append(",\"completeMs\":")
            .append(completeMs == null ? "null" : ms(completeMs));
    for (IceCandidateType type : IceCandidateType.values()) {
      line.append(",\"").append(type).append("\":").append(counts.get(type));
    }
    out.println(line.append(",\"errors\":").append(errors).append('}'));
  }

  private static String head(double ms, String event) {
    return "{\"ms\":" + ms(ms) + ",\"event\":" + Json.quote(event);
  }
}
