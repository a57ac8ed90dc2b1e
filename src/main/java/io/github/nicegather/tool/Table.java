package io.github.nicegather.tool;

import static io.github.nicegather.tool.GatherCommand.ms;

import io.github.nicegather.IceCandidate;
import io.github.nicegather.IceCandidateError;
import io.github.nicegather.IceCandidateType;
import io.github.nicegather.IceGathererState;
import io.github.nicegather.IceParameters;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** Aligned columns for people; values too wide for their column push the rest right. */
final class Table implements Printer {
  private static final String ROW = "%8s  %-9s  %-5s  %-11s  %-25s  %5s  %s";

  private final PrintStream out;

  Table(PrintStream out) {
    this.out = out;
  }

  @Override
  public void parameters(IceParameters parameters) {
    out.println("ufrag     " + parameters.usernameFragment());
    out.println("password  " + parameters.password());
    out.println();
    row("ms", "event", "type", "protocol", "address", "port", "related");
  }

  @Override
  public void state(double ms, IceGathererState state) {
    row(ms(ms), "state", state.toString(), "", "", "", "");
  }

  @Override
  public void candidate(double ms, IceCandidate c) {
    String protocol = c.protocol() + (c.tcpType() == null ? "" : " " + c.tcpType());
    String related =
        c.relatedAddress() == null ? "" : hostPort(c.relatedAddress(), c.relatedPort());
    row(
        ms(ms),
        "candidate",
        c.type().toString(),
        protocol,
        c.address(),
        Integer.toString(c.port()),
        related);
  }

  @Override
  public void error(double ms, IceCandidateError e) {
    String from = e.address() == null ? "" : " (from " + hostPort(e.address(), e.port()) + ")";
    out.println(
        String.format(
            Locale.ROOT,
            "%8s  %-9s  %-5s  %s",
            ms(ms),
            "error",
            e.errorCode(),
            (e.url() == null ? "" : e.url() + ": ") + e.errorText() + from));
  }

  @Override
  public void summary(
      double ms, Double completeMs, Map<IceCandidateType, Integer> counts, int errors) {
    StringBuilder line = new StringBuilder("summary: ");
    for (IceCandidateType type : IceCandidateType.values()) {
      // A gatherer never produces a peer-reflexive candidate.
      if (type != IceCandidateType.PRFLX) {
        line.append(counts.get(type)).append(' ').append(type).append(", ");
      }
    }
    line.append(errors)
        .append(errors == 1 ? " error; " : " errors; ")
        .append(
            completeMs == null
                ? "not complete after " + ms(ms) + " ms"
                : "complete in " + ms(completeMs) + " ms");
    out.println(line);
  }

  private void row(String... cells) {
    out.println(String.format(Locale.ROOT, ROW, (Object[]) cells).stripTrailing());
  }

  private static String hostPort(String host, int port) {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }
}
