package io.github.nicegather.bench.jmh;

import io.github.nicegather.IceApi;
import io.github.nicegather.IceGatherOptions;
import io.github.nicegather.IceGatherer;
import io.github.nicegather.NiceGather;
import io.github.nicegather.bench.scale.Figure;
import io.github.nicegather.internal.NativeAgent;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;

/**
 * Gatherers one after another, host candidates only: create, gather, wait for the {@code null}
 * candidate, close; µs per gatherer over {@value #GATHERERS} per iteration, the twin of the C
 * benchmark's {@code loop N}.
 *
 * <p>{@code close()} only starts the native close, which the loop thread finishes while the next
 * gatherers run; each iteration ends when every native agent is gone, so the figure is the
 * sustained rate with closing included, not only the calls' latency.
 *
 * <p>{@code createGatherClose} runs with the library's defaults, {@code createGatherCloseUncached}
 * with {@code -Dnicegather.addressCacheMillis=0}: the host's addresses listed afresh for every
 * gatherer, as before the cache.
 *
 * <pre>
 * ThroughputBench [--full|--quick|--smoke]
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class ThroughputBench {
  static final int GATHERERS = 2000;

  private static final long COMPLETE_MS = 5000;
  private static final long NATIVE_GONE_MS = 10_000;

  private IceApi api;
  private IceGatherOptions hostOnly;

  public static void main(String[] args) throws Exception {
    for (RunResult run : JmhRun.run(ThroughputBench.class, args)) {
      String name =
          JmhRun.method(run).equals("createGatherClose")
              ? "create-gather-close"
              : "create-gather-close-uncached";
      Figure.of("java", name, "per_gatherer", "us", JmhRun.primary(run)).print();
    }
  }

  @Setup(Level.Trial)
  public void load() {
    if (!NiceGather.isAvailable()) {
      throw new IllegalStateException("nicegather did not load", NiceGather.unavailabilityCause());
    }
    api = IceApi.create();
    hostOnly = IceGatherOptions.builder().build();
  }

  @Benchmark
  @OperationsPerInvocation(GATHERERS)
  public int createGatherClose() throws Exception {
    return loop();
  }

  @Benchmark
  @OperationsPerInvocation(GATHERERS)
  @Fork(value = 1, jvmArgsAppend = "-Dnicegather.addressCacheMillis=0")
  public int createGatherCloseUncached() throws Exception {
    return loop();
  }

  /** Returns the candidates' count, so that nothing of the loop can be left out. */
  private int loop() throws Exception {
    int candidates = 0;
    for (int i = 0; i < GATHERERS; i++) {
      IceGatherer gatherer = api.newIceGatherer(hostOnly);
      gatherer.gather();
      candidates += gatherer.gatheringComplete().get(COMPLETE_MS, TimeUnit.MILLISECONDS).size();
      gatherer.close();
    }

    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(NATIVE_GONE_MS);
    while (NativeAgent.liveCount() > 0) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            NativeAgent.liveCount() + " native agents still alive " + NATIVE_GONE_MS + " ms on");
      }
      Thread.sleep(1);
    }

    return candidates;
  }
}
