package io.github.nicegather.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One target of the report: the figures its checks read, side by side for every suite, then each
 * check with its verdict, then, when it is not met, what limits it (bench/notes.md).
 */
final class TargetSection {
  /** The suites every figures table has a column for, in this order; others follow if read. */
  private static final List<String> SUITES = List.of("java", "c", "pion", "ice4j");

  private static final Map<String, String> SUITE_NAMES =
      Map.of("java", "Java", "c", "C", "pion", "Pion", "ice4j", "ice4j", "net", "network");

  private final int target;
  private final Targets targets;
  private final Results results;

  TargetSection(int target, Targets targets, Results results) {
    this.target = target;
    this.targets = targets;
    this.results = results;
  }

  String render(Notes notes) {
    StringBuilder out = new StringBuilder();
    List<Check> checks = targets.of(target);
    Check.Verdict verdict = targets.verdict(target, results);

    out.append("## Target ").append(target).append(": ").append(title()).append("\n\n");
    out.append("**").append(capitalized(verdict.toString())).append("**");
    out.append(checks.isEmpty() ? ": no check for it in bench/targets.txt yet." : counts(checks));
    out.append("\n\n");
    if (!checks.isEmpty()) {
      out.append(figures(checks)).append('\n').append(checkTable(checks)).append('\n');
    }
    if (verdict != Check.Verdict.MET) {
      String text = notes.of(target);
      out.append("What limits it, what would move it:");
      out.append(
          text.isEmpty()
              ? " _to be written in bench/notes.md, under \"## Target " + target + "\"._"
              : "\n\n" + text);
      out.append("\n\n");
    }

    return out.toString();
  }

  String title() {
    return targets.titles().getOrDefault(target, "(no title in bench/targets.txt)");
  }

  private String counts(List<Check> checks) {
    int met = 0;
    int unmeasured = 0;
    for (Check check : checks) {
      Check.Verdict verdict = check.verdict(results);
      met += verdict == Check.Verdict.MET ? 1 : 0;
      unmeasured += verdict == Check.Verdict.NOT_MEASURED ? 1 : 0;
    }
    String text = ": " + met + " of " + checks.size() + " checks met";

    return unmeasured == 0 ? text + "." : text + ", " + unmeasured + " not measured.";
  }

  /** Rows: each case and metric the checks read; columns: each suite's min / median / max. */
  private Table figures(List<Check> checks) {
    Set<List<String>> rows = new LinkedHashSet<>();
    Set<String> suites = new LinkedHashSet<>(SUITES);
    for (Check check : checks) {
      for (Operand side : List.of(check.left(), check.right())) {
        if (side.suite() != null) {
          rows.add(List.of(side.name(), side.metric()));
          suites.add(side.suite());
        }
      }
    }

    List<String> header = new ArrayList<>(List.of("case", "metric", "unit"));
    suites.forEach(suite -> header.add(SUITE_NAMES.getOrDefault(suite, suite)));
    header.addAll(List.of("Java/C", "Java/Pion"));
    Table table = new Table(header.toArray(String[]::new));
    for (List<String> row : rows) {
      List<String> cells = new ArrayList<>(row);
      cells.add(unit(suites, row));
      for (String suite : suites) {
        cells.add(spread(results.find(suite, row.get(0), row.get(1))));
      }
      cells.add(ratio("java", "c", row));
      cells.add(ratio("java", "pion", row));
      table.row(cells.toArray(String[]::new));
    }

    return table;
  }

  private Table checkTable(List<Check> checks) {
    Table table = new Table("check", "measured", "bound", "verdict");
    for (Check check : checks) {
      table.row(
          check.what(),
          side(check.left()),
          check.op().replace("<=", "≤ ").replace(">=", "≥ ") + side(check.right()),
          check.verdict(results).toString());
    }

    return table;
  }

  private String side(Operand operand) {
    Double value = operand.value(results);
    String unit = operand.unit(results);
    String figure =
        value == null ? "—" : Numbers.figure(value) + (unit.isEmpty() ? "" : " " + unit);

    return operand.suite() == null ? figure : figure + " (" + operand + ")";
  }

  private String unit(Set<String> suites, List<String> row) {
    for (String suite : suites) {
      ResultLine line = results.find(suite, row.get(0), row.get(1));
      if (line != null) {
        return line.unit();
      }
    }

    return "";
  }

  /** min / median / max; the median alone for a reference figure. */
  private static String spread(ResultLine line) {
    if (line == null) {
      return "—";
    }
    if (line.isReference()) {
      return Numbers.figure(line.median()) + " (ref.)";
    }

    return Numbers.figure(line.number("min"))
        + " / "
        + Numbers.figure(line.median())
        + " / "
        + Numbers.figure(line.number("max"));
  }

  private String ratio(String top, String bottom, List<String> row) {
    ResultLine over = results.find(top, row.get(0), row.get(1));
    ResultLine under = results.find(bottom, row.get(0), row.get(1));
    if (over == null || under == null || under.median() == 0) {
      return "—";
    }

    return Numbers.ratio(over.median() / under.median());
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
