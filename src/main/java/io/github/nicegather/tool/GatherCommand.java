package io.github.nicegather.tool;

import io.github.nicegather.IceApi;
import io.github.nicegather.IceCandidate;
import io.github.nicegather.IceCandidateError;
import io.github.nicegather.IceCandidateType;
import io.github.nicegather.IceException;
import io.github.nicegather.IceGatherOptions;
import io.github.nicegather.IceGatherer;
import io.github.nicegather.IceGathererState;
import io.github.nicegather.IceParameters;
import io.github.nicegather.SettingEngine;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gathers local ICE candidates once and prints them as they arrive, each timed from
 * {@code gather()}: the command behind {@code ci/gather}. Run with {@code --help} for the
 * options.
 *
 * <p>Exit status: 0 when gathering completed, 1 when it did not within the STUN gather timeout
 * plus 5 s, 2 for bad input or an {@link IceException}. The TURN credential is never printed;
 * the ICE password is, as it is the user's own and the tool exists to show it.
 */
public final class GatherCommand {
  /** Beyond the STUN timeout, which gathering itself never overruns by more than 100 ms. */
  private static final long GRACE_MS = 5_000;

  private GatherCommand() {}

  /**
   * Runs the command and exits the JVM with its status.
   *
   * @param args the command line; see {@code --help}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command and returns its exit status, printing to {@code out} and {@code err}. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (Arguments.UsageException e) {
      err.println("gather: " + e.getMessage());
      err.print(Arguments.SYNOPSIS);
      return 2;
    }
    if (arguments.help()) {
      out.print(Arguments.HELP);
      return 0;
    }

    try {
      return gather(arguments, arguments.json() ? new JsonLines(out) : new Table(out));
    } catch (IceException e) {
      err.println("gather: " + e.getMessage());
      return 2;
    }
  }

  private static int gather(Arguments arguments, Printer printer) {
    SettingEngine engine = arguments.settingEngine();
    IceGatherOptions options = IceGatherOptions.builder()
        .iceServers(arguments.iceServers())
        .gatherPolicy(arguments.policy())
        .build();
    IceGatherer gatherer = IceApi.create(engine).newIceGatherer(options);
    Events events = new Events(printer);

    boolean completed;
    try {
      printer.parameters(gatherer.getLocalParameters());
      gatherer.onStateChange(events::state);
      gatherer.onLocalCandidate(events::candidate);
      gatherer.onCandidateError(events::error);
      events.start();
      gatherer.gather();
      completed = await(gatherer, engine.stunGatherTimeout().toMillis() + GRACE_MS);
    } finally {
      // Waits for the handlers, so the closed state is printed before the summary.
      gatherer.gracefulClose();
    }

    events.summary();

    return completed ? 0 : 1;
  }

  private static boolean await(IceGatherer gatherer, long ms) {
    try {
      gatherer.gatheringComplete().get(ms, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException | CancellationException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Times the gatherer's events from {@code gather()} and counts them for the summary. */
  private static final class Events {
    private final Printer printer;
    private final Map<IceCandidateType, Integer> counts = new EnumMap<>(IceCandidateType.class);
    private long startNanos;
    private double completeMs = -1;
    private int errors;

    Events(Printer printer) {
      this.printer = printer;
      for (IceCandidateType type : IceCandidateType.values()) {
        counts.put(type, 0);
      }
    }

    synchronized void start() {
      startNanos = System.nanoTime();
    }

    synchronized void state(IceGathererState state) {
      double ms = ms();
      if (state == IceGathererState.COMPLETE) {
        completeMs = ms;
      }
      printer.state(ms, state);
    }

    // The null that follows COMPLETE says nothing the complete state has not said.
    synchronized void candidate(IceCandidate candidate) {
      if (candidate != null) {
        counts.merge(candidate.type(), 1, Integer::sum);
        printer.candidate(ms(), candidate);
      }
    }

    synchronized void error(IceCandidateError error) {
      errors++;
      printer.error(ms(), error);
    }

    synchronized void summary() {
      printer.summary(ms(), completeMs >= 0 ? completeMs : null, counts, errors);
    }

    private double ms() {
      return (System.nanoTime() - startNanos) / 1e6;
    }
  }

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

  /** Aligned columns for people; values too wide for their column push the rest right. */
  static final class Table implements Printer {
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
      row(ms(ms), "candidate", c.type().toString(), protocol, c.address(),
          Integer.toString(c.port()), related);
    }

    @Override
    public void error(double ms, IceCandidateError e) {
      String from = e.address() == null ? "" : " (from " + hostPort(e.address(), e.port()) + ")";
      out.println(String.format(Locale.ROOT, "%8s  %-9s  %-5s  %s", ms(ms), "error",
          e.errorCode(), (e.url() == null ? "" : e.url() + ": ") + e.errorText() + from));
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
      line.append(errors).append(errors == 1 ? " error; " : " errors; ").append(completeMs == null
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

  /**
   * One JSON object per line, each with an {@code event} key; a candidate is the W3C
   * {@code RTCIceCandidateInit} the library writes, with the ufrag, ready for a peer.
   */
  static final class JsonLines implements Printer {
    private final PrintStream out;
    private String ufrag;

    JsonLines(PrintStream out) {
      this.out = out;
    }

    @Override
    public void parameters(IceParameters parameters) {
      ufrag = parameters.usernameFragment();
      out.println("{\"event\":\"parameters\",\"usernameFragment\":" + quote(ufrag)
          + ",\"password\":" + quote(parameters.password())
          + ",\"iceLite\":" + parameters.iceLite() + "}");
    }

    @Override
    public void state(double ms, IceGathererState state) {
      out.println(head(ms, "state") + ",\"state\":" + quote(state.toString()) + "}");
    }

    @Override
    public void candidate(double ms, IceCandidate candidate) {
      out.println(head(ms, "candidate") + ",\"candidate\":" + candidate.toJson("0", 0, ufrag)
          + ",\"sdp\":" + quote(candidate.toSdp()) + "}");
    }

    @Override
    public void error(double ms, IceCandidateError error) {
      out.println(head(ms, "error") + ",\"error\":" + error.toJson() + "}");
    }

    @Override
    public void summary(
        double ms, Double completeMs, Map<IceCandidateType, Integer> counts, int errors) {
      StringBuilder line = new StringBuilder(head(ms, "summary"))
          .append(",\"completed\":").append(completeMs != null)
          .append(",\"completeMs\":").append(completeMs == null ? "null" : ms(completeMs));
      for (IceCandidateType type : IceCandidateType.values()) {
        line.append(",\"").append(type).append("\":").append(counts.get(type));
      }
      out.println(line.append(",\"errors\":").append(errors).append('}'));
    }

    private static String head(double ms, String event) {
      return "{\"ms\":" + ms(ms) + ",\"event\":" + quote(event);
    }

    // RFC 8259 section 7: quote and backslash escaped, and every control character as \\u00XX.
    private static String quote(String value) {
      StringBuilder out = new StringBuilder("\"");
      for (char c : value.toCharArray()) {
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (Character.isISOControl(c)) {
          out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }

      return out.append('"').toString();
    }
  }

  private static String ms(double ms) {
    return String.format(Locale.ROOT, "%.2f", ms);
  }
}
