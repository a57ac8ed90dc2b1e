package io.github.nicegather.bench.jmh;

import io.github.nicegather.IceApi;
import io.github.nicegather.IceGatherOptions;
import io.github.nicegather.IceGatherer;
import io.github.nicegather.IceGathererState;
import io.github.nicegather.NiceGather;
import io.github.nicegather.bench.scale.Figure;
import io.github.nicegather.internal.EventPump;
import io.github.nicegather.internal.NativeAgent;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;

/**
 * What one event costs on its way from the native queue to a user handler, in CPU time.
 *
 * <p>Each invocation is a burst of {@value #GATHERERS} gatherers, host candidates only, created and
 * gathered back to back on the benchmark thread, then closed: every native event of theirs
 * (candidates, gathering done, closed) crosses the queue, and every handler call (states,
 * candidates, the final {@code null}) runs. The CPU time that the event pump thread and the handler
 * pool threads spent meanwhile, read from the thread bean, is the whole cost of the path on the
 * Java side: draining {@code ng_poll}, decoding, the gatherer's state machine, mapping, queueing,
 * the pool hand-off and the handlers themselves (which only count). It leaves out what the
 * benchmark thread spends creating agents and binding sockets, the loop thread's push, and the
 * garbage collector's share of what the path allocates.
 *
 * <p>Reported per iteration (several bursts each): pump and handler CPU per handler call, pump CPU
 * per native event, handler CPU per handler call.
 *
 * <pre>
 * EventCostBench [--full|--quick|--smoke]
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class EventCostBench {
  static final int GATHERERS = 500;

  private static final long WAIT_MS = 10_000;

  private IceApi api;
  private IceGatherOptions hostOnly;

  public static void main(String[] args) throws Exception {
    for (RunResult run : JmhRun.run(EventCostBench.class, args)) {
      report(run, "gather", "event-path-gather");
      report(run, "close", "event-path-close");
    }
  }

  private static void report(RunResult run, String phase, String caseName) {
    double[] pump = JmhRun.counter(run, phase + "PumpCpuNanos");
    double[] handlers = JmhRun.counter(run, phase + "HandlerCpuNanos");
    double[] events = JmhRun.counter(run, phase + "NativeEvents");
    double[] calls = JmhRun.counter(run, phase + "HandlerCalls");

    print(caseName, "cpu_per_handler_call", sum(pump, handlers), calls);
    print(caseName, "pump_cpu_per_native_event", pump, events);
    print(caseName, "handler_cpu_per_call", handlers, calls);
    double[] pumpWakeups = JmhRun.counter(run, phase + "PumpWakeups");
    double[] handlerWakeups = JmhRun.counter(run, phase + "HandlerWakeups");
    Figure.of(
            "java", caseName, "native_events_per_pump_wakeup", "count", ratio(events, pumpWakeups))
        .print();
    Figure.of("java", caseName, "calls_per_handler_wakeup", "count", ratio(calls, handlerWakeups))
        .print();
    Figure.of("java", caseName, "handler_calls", "count", calls).print();
    Figure.of("java", caseName, "native_events", "count", events).print();
  }

  private static double[] sum(double[] a, double[] b) {
    double[] sum = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      sum[i] = a[i] + b[i];
    }

    return sum;
  }

  private static void print(String caseName, String metric, double[] nanos, double[] per) {
    Figure.of("java", caseName, metric, "ns", ratio(nanos, per)).print();
  }

  private static double[] ratio(double[] a, double[] b) {
    double[] ratio = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      ratio[i] = a[i] / b[i];
    }

    return ratio;
  }

  /**
   * Totals of one iteration, in two phases: gathering (native candidates and gathering done;
   * GATHERING, candidates, COMPLETE and null handler calls), and closing (native closed; CLOSED
   * calls). JMH sums them over the iteration's invocations.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Costs {
    public long gatherPumpCpuNanos;
    public long gatherHandlerCpuNanos;
    public long gatherNativeEvents;
    public long gatherHandlerCalls;
    public long gatherPumpWakeups;
    public long gatherHandlerWakeups;
    public long closePumpCpuNanos;
    public long closeHandlerCpuNanos;
    public long closeNativeEvents;
    public long closeHandlerCalls;
    public long closePumpWakeups;
    public long closeHandlerWakeups;

    @Setup(Level.Iteration)
    public void clear() {
      gatherPumpCpuNanos = 0;
      gatherHandlerCpuNanos = 0;
      gatherNativeEvents = 0;
      gatherHandlerCalls = 0;
      gatherPumpWakeups = 0;
      gatherHandlerWakeups = 0;
      closePumpCpuNanos = 0;
      closeHandlerCpuNanos = 0;
      closeNativeEvents = 0;
      closeHandlerCalls = 0;
      closePumpWakeups = 0;
      closeHandlerWakeups = 0;
    }
  }

  @Setup(Level.Trial)
  public void load() {
    if (!NiceGather.isAvailable()) {
      throw new IllegalStateException("nicegather did not load", NiceGather.unavailabilityCause());
    }
    if (!ManagementFactory.getThreadMXBean().isThreadCpuTimeEnabled()) {
      throw new IllegalStateException("this JVM does not measure thread CPU time");
    }
    api = IceApi.create();
    hostOnly = IceGatherOptions.builder().build();
  }

  @Benchmark
  public void burst(Costs costs) throws Exception {
    LongAdder calls = new LongAdder();
    LongAdder candidates = new LongAdder();
    CountDownLatch closed = new CountDownLatch(GATHERERS);
    List<IceGatherer> gatherers = new ArrayList<>(GATHERERS);

    PathThreads start = PathThreads.read();
    for (int i = 0; i < GATHERERS; i++) {
      IceGatherer gatherer = api.newIceGatherer(hostOnly);
      gatherer.onLocalCandidate(
          candidate -> {
            calls.increment();
            if (candidate != null) {
              candidates.increment();
            }
          });
      gatherer.onStateChange(
          state -> {
            calls.increment();
            if (state == IceGathererState.CLOSED) {
              closed.countDown();
            }
          });
      gatherer.gather();
      gatherers.add(gatherer);
    }
    // A gatherer's future completes after its null candidate's handler has run.
    for (IceGatherer gatherer : gatherers) {
      gatherer.gatheringComplete().get(WAIT_MS, TimeUnit.MILLISECONDS);
    }
    PathThreads gathered = PathThreads.read();
    long gatherCalls = calls.sum();

    gatherers.forEach(IceGatherer::close);
    if (!closed.await(WAIT_MS, TimeUnit.MILLISECONDS) || !nativeSideGone()) {
      throw new IllegalStateException(
          "the burst's gatherers did not close within " + WAIT_MS + " ms");
    }
    PathThreads end = PathThreads.read();

    costs.gatherPumpCpuNanos += gathered.cpu(start, PathThreads.PUMP);
    costs.gatherHandlerCpuNanos += gathered.cpu(start, PathThreads.HANDLERS);
    // Per gatherer: its candidates and libnice's gathering done.
    costs.gatherNativeEvents += candidates.sum() + GATHERERS;
    costs.gatherHandlerCalls += gatherCalls;
    costs.gatherPumpWakeups += gathered.wakeups(start, PathThreads.PUMP);
    costs.gatherHandlerWakeups += gathered.wakeups(start, PathThreads.HANDLERS);
    costs.closePumpCpuNanos += end.cpu(gathered, PathThreads.PUMP);
    costs.closeHandlerCpuNanos += end.cpu(gathered, PathThreads.HANDLERS);
    costs.closeNativeEvents += GATHERERS;
    costs.closeHandlerCalls += calls.sum() - gatherCalls;
    costs.closePumpWakeups += end.wakeups(gathered, PathThreads.PUMP);
    costs.closeHandlerWakeups += end.wakeups(gathered, PathThreads.HANDLERS);
  }

  /** The pump has taken every agent's closed event off the queue. */
  private static boolean nativeSideGone() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
    while (NativeAgent.liveCount() > 0 || EventPump.registered() > 0) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(1);
    }

    return true;
  }
}
