package io.github.nicegather.bench.jmh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the benchmarks of one class through JMH's API, silently, so that stdout carries only the
 * report's JSON lines, and reads the results per measurement iteration.
 *
 * <p>Forks get the JVM options of the launching JVM (JMH's default), so heap and tracking flags
 * given on the command line reach the measured JVM too.
 */
final class JmhRun {
  private JmhRun() {}

  /**
   * Runs with the class's own iterations ({@code --full}, the default), or one warm-up and three
   * measured iterations ({@code --quick}), or one measured iteration alone ({@code --smoke}).
   */
  static Collection<RunResult> run(Class<?> benchmarks, String[] args) throws RunnerException {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include("^" + Pattern.quote(benchmarks.getName()) + "\\.")
            .verbosity(VerboseMode.SILENT)
            .shouldFailOnError(true);
    List<String> switches = List.of(args);
    if (switches.contains("--quick")) {
      options.warmupIterations(1).measurementIterations(3);
    } else if (switches.contains("--smoke")) {
      options.warmupIterations(0).measurementIterations(1);
    }

    return new Runner(options.build()).run();
  }

  /** The benchmark method's name, e.g. {@code createGatherClose}. */
  static String method(RunResult run) {
    String benchmark = run.getParams().getBenchmark();

    return benchmark.substring(benchmark.lastIndexOf('.') + 1);
  }

  /** The primary score of every measured iteration, in the benchmark's output unit. */
  static double[] primary(RunResult run) {
    return scores(run, IterationResult::getPrimaryResult);
  }

  /** An {@code @AuxCounters} field's total of every measured iteration. */
  static double[] counter(RunResult run, String name) {
    return scores(
        run,
        iteration -> {
          Result<?> result = iteration.getSecondaryResults().get(name);
          if (result == null) {
            throw new IllegalStateException(method(run) + " has no counter " + name);
          }
          return result;
        });
  }

  private static double[] scores(
      RunResult run, java.util.function.Function<IterationResult, Result<?>> pick) {
    List<Double> scores = new ArrayList<>();
    run.getBenchmarkResults()
        .forEach(
            fork -> fork.getIterationResults().forEach(i -> scores.add(pick.apply(i).getScore())));

    return scores.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
