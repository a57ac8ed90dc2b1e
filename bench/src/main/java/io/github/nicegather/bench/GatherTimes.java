package io.github.nicegather.bench;

import io.github.nicegather.IceApi;
import io.github.nicegather.IceGatherOptions;
import io.github.nicegather.SettingEngine;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Times the bench cases through nicegather's API in one process, as the C twin times them on
 * libnice: per case, warm-ups then timed gatherings, each from {@code gather()} to the {@code
 * COMPLETE} state event and to the first srflx and relay candidate; then the network round trip
 * that the first-candidate target is measured against. Prints result lines (bench/README.md) on
 * stdout and nothing else there; run it inside the bed's LAN namespace.
 *
 * <p>Usage: {@code GatherTimes [--full|--quick|--smoke] [--runs N] [--pings N]}. Exit status 0, or
 * 1 when a gathering did not complete or no STUN answer came back.
 */
public final class GatherTimes {
  /** Beyond the STUN gather timeout, which gathering never overruns by more than 100 ms. */
  private static final long GRACE_MS = 5_000;

  /** Between gatherings, so that coturn has freed the last allocation before the next one. */
  private static final long SETTLE_MS = 20;

  private static final int MAX_COUNT = 1_000;

  /** Host-only gatherings run untimed first, about 0.3 ms each. */
  private static final int JIT_WARMUPS = 1_000;

  private GatherTimes() {}

  /** Runs every measurement and exits with the status above. */
  public static void main(String[] args) throws InterruptedException, IOException {
    RunSize size = parse(args);
    Bed bed = Bed.fromEnvironment();
    SettingEngine engine = new SettingEngine();
    IceApi api = IceApi.create(engine);
    long timeoutMs = engine.stunGatherTimeout().toMillis();
    boolean ok = true;

    // Steady state is what a long-running service sees: compile the Java path before timing it.
    int jitWarmups = size == RunSize.SMOKE ? 0 : JIT_WARMUPS;
    for (int i = 0; i < jitWarmups; i++) {
      TimedGathering.run(api, BenchCase.HOST.options(bed), timeoutMs + GRACE_MS);
    }

    for (BenchCase c : BenchCase.values()) {
      ok &= timeCase(api, c, bed, size, timeoutMs);
    }
    ok &= roundTrip(bed, size);

    System.exit(ok ? 0 : 1);
  }

  private static boolean timeCase(IceApi api, BenchCase c, Bed bed, RunSize size, long timeoutMs)
      throws InterruptedException {
    IceGatherOptions options = c.options(bed);
    Samples complete = new Samples();
    Samples srflx = new Samples();
    Samples relay = new Samples();
    boolean ok = true;

    for (int i = -size.warmups(); i < size.runs(); i++) {
      TimedGathering run = TimedGathering.run(api, options, timeoutMs + GRACE_MS);
      ok &= run.completeMs() >= 0;
      if (i >= 0) {
        addSeen(complete, run.completeMs());
        addSeen(srflx, run.srflxMs());
        addSeen(relay, run.relayMs());
      }
      Thread.sleep(SETTLE_MS);
    }
    if (!ok) {
      System.err.println("gather-times: " + c.label() + ": a gathering did not complete");
    }

    // The unreachable case is judged against the timeout it ran with.
    String extra = c == BenchCase.UNREACHABLE ? ",\"timeout_ms\":" + timeoutMs : "";
    print(complete.line("java", c.label(), "complete", "ms", extra));
    print(srflx.line("java", c.label(), "first_srflx", "ms", ""));
    print(relay.line("java", c.label(), "first_relay", "ms", ""));

    return ok;
  }

  private static boolean roundTrip(Bed bed, RunSize size) throws IOException {
    StunRtt rtt = new StunRtt(new InetSocketAddress(bed.server(), bed.turnPort()));
    Samples ms = rtt.measure(size.pings());
    print(ms.line("net", "stun-binding", "rtt", "ms", ""));
    if (ms.count() == 0) {
      System.err.println("gather-times: no STUN Binding answer from " + bed.server());
    }

    return ms.count() > 0;
  }

  private static void addSeen(Samples samples, double value) {
    if (value >= 0) {
      samples.add(value);
    }
  }

  private static void print(String line) {
    if (line != null) {
      System.out.println(line);
    }
  }

  private static RunSize parse(String[] args) {
    RunSize size = RunSize.FULL;
    for (int i = 0; i < args.length; i++) {
      RunSize named = RunSize.of(args[i]);
      if (named != null) {
        size = named;
        continue;
      }
      if (i + 1 == args.length) {
        throw usage(args[i]);
      }
      int count = count(args[i], args[++i]);
      size =
          switch (args[i - 1]) {
            case "--runs" -> new RunSize(count, size.warmups(), size.pings());
            case "--pings" -> new RunSize(size.runs(), size.warmups(), count);
            default -> throw usage(args[i - 1]);
          };
    }

    return size;
  }

  private static int count(String option, String value) {
    try {
      int count = Integer.parseInt(value);
      if (count >= 1 && count <= MAX_COUNT) {
        return count;
      }
    } catch (NumberFormatException e) {
      // Reported below with the option's name.
    }

    throw new IllegalArgumentException(option + ": " + value + " is not a count 1.." + MAX_COUNT);
  }

  private static IllegalArgumentException usage(String arg) {
    return new IllegalArgumentException(
        "unexpected "
            + arg
            + "; usage: GatherTimes [--full|--quick|--smoke] [--runs N] [--pings N]");
  }
}
