package io.github.nicegather.tool;

import io.github.nicegather.IceApi;
import io.github.nicegather.IceCandidate;
import io.github.nicegather.IceCandidateError;
import io.github.nicegather.IceCandidateType;
import io.github.nicegather.IceException;
import io.github.nicegather.IceGatherOptions;
import io.github.nicegather.IceGatherer;
import io.github.nicegather.IceGathererState;
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
 * Gathers local ICE candidates once and prints them as they arrive, each timed from {@code
 * gather()}: the command behind {@code ci/gather}. Run with {@code --help} for the options.
 *
 * <p>Exit status: 0 when gathering completed, 1 when it did not within the STUN gather timeout plus
 * 5 s, 2 for bad input or an {@link IceException}. The TURN credential is never printed; the ICE
 * password is, as it is the user's own and the tool exists to show it.
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
    IceGatherOptions options =
        IceGatherOptions.builder()
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

  static String ms(double ms) {
    return String.format(Locale.ROOT, "%.2f", ms);
  }
}
