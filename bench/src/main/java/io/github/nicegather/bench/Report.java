package io.github.nicegather.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes docs/performance.md from a run's result lines: the machine, a summary, one section per
 * target of the issue (bench/targets.txt) with its figures, checks and, when not met, the
 * hand-written note on what limits it (bench/notes.md), then every figure of the run.
 *
 * <pre>
 * Report --results FILE... --targets FILE --notes FILE --libnice STAMP --out FILE --run TEXT
 *        [--require "SUITE CASE METRIC"]...
 * </pre>
 *
 * Exits with 1, after writing the report, when a required line is missing from the results.
 */
public final class Report {
  private Report() {}

  /** Writes the report; see the class comment for the options. */
  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    Results results = Results.read(options.results);
    Targets targets = Targets.read(options.targets);
    Notes notes = Notes.read(options.notes);
    Machine machine = Machine.here(options.libnice);

    Path parent = options.out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.writeString(options.out, render(machine, results, targets, notes, options.run));

    List<String> missing = new ArrayList<>();
    for (String key : options.required) {
      String[] words = key.strip().split("\\s+");
      if (words.length != 3 || results.find(words[0], words[1], words[2]) == null) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      System.err.println("report: result lines missing: " + String.join(", ", missing));
      System.exit(1);
    }
  }

  static String render(Machine machine, Results results, Targets targets, Notes notes, String run) {
    StringBuilder out = new StringBuilder();
    out.append("# Performance\n\n");
    out.append(
            "<!-- Written by ci/bench (io.github.nicegather.bench.Report); edit "
                + "bench/targets.txt\n")
        .append("and bench/notes.md, then run ci/bench again, rather than this file. -->\n\n");
    String intro =
        "Measured by `ci/bench` ("
            + run
            + ") in the NAT bed of `ci/bed`: each gatherer runs in namespace ng-lan"
            + " (10.213.2.2, fd13:0:0:2::2) behind a MASQUERADE NAT, with coturn at"
            + " 10.213.1.1:3478 in ng-pub; no packet leaves the machine. Figures are"
            + " min / median / max over n runs, in one process per suite; ratios are of medians."
            + " Pion's figures, marked (ref.), are the medians measured in the same bed"
            + " (Pion webrtc v3, 5 runs).";
    out.append(Numbers.wrapped(intro)).append("\n\n");

    out.append("## Machine\n\n").append(machineTable(machine)).append('\n');
    out.append("## Summary\n\n").append(summary(targets, results)).append('\n');
    for (int target : targets.numbers()) {
      out.append(new TargetSection(target, targets, results).render(notes));
    }
    out.append("## Every figure of the run\n\n").append(everything(results));

    return out.toString();
  }

  private static Table machineTable(Machine machine) {
    String patches = machine.patches().isEmpty() ? "none" : String.join(", ", machine.patches());

    return new Table("", "")
        .row("date", machine.date())
        .row("CPU", machine.cpu() + ", " + machine.processors() + " processors (nproc)")
        .row("kernel", machine.kernel())
        .row("JDK", machine.jdk())
        .row("engine", machine.engine())
        .row("libnice build", machine.libnice())
        .row("libnice patches", patches);
  }

  private static Table summary(Targets targets, Results results) {
    Table table = new Table("target", "what", "verdict");
    for (int target : targets.numbers()) {
      table.row(
          String.valueOf(target),
          new TargetSection(target, targets, results).title(),
          targets.verdict(target, results).toString());
    }

    return table;
  }

  private static Table everything(Results results) {
    Table table = new Table("suite", "case", "metric", "unit", "min", "median", "max", "n");
    for (ResultLine line : results.all()) {
      boolean reference = line.isReference();
      table.row(
          line.suite(),
          line.name(),
          line.metric(),
          line.unit(),
          reference ? "—" : Numbers.figure(line.number("min")),
          Numbers.figure(line.median()) + (reference ? " (ref.)" : ""),
          reference ? "—" : Numbers.figure(line.number("max")),
          String.valueOf(line.n()));
    }

    return table;
  }

  /** The command line, read in any order. */
  private static final class Options {
    final List<Path> results = new ArrayList<>();
    final List<String> required = new ArrayList<>();
    Path targets;
    Path notes;
    Path libnice;
    Path out;
    String run = "";

    static Options parse(String[] args) {
      Options options = new Options();
      for (int i = 0; i + 1 < args.length; i += 2) {
        String value = args[i + 1];
        switch (args[i]) {
          case "--results" -> options.results.add(Path.of(value));
          case "--require" -> options.required.add(value);
          case "--targets" -> options.targets = Path.of(value);
          case "--notes" -> options.notes = Path.of(value);
          case "--libnice" -> options.libnice = Path.of(value);
          case "--out" -> options.out = Path.of(value);
          case "--run" -> options.run = value;
          default -> throw new IllegalArgumentException("report: unknown option " + args[i]);
        }
      }
      if (args.length % 2 != 0
          || options.results.isEmpty()
          || options.targets == null
          || options.notes == null
          || options.libnice == null
          || options.out == null) {
        throw new IllegalArgumentException(
            "usage: Report --results FILE... --targets FILE --notes FILE --libnice STAMP"
                + " --out FILE --run TEXT [--require \"SUITE CASE METRIC\"]...");
      }

      return options;
    }
  }
}
