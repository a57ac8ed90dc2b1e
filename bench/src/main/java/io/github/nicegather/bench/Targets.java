package io.github.nicegather.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The targets of the issue and their checks, from bench/targets.txt: {@code N = title} names a
 * target, {@code N | what | LEFT | <= or >= | RIGHT} adds a check (see {@link Operand}), and '#'
 * starts a comment line.
 *
 * @param titles every target's title, by number
 * @param checks every check, in file order
 */
record Targets(Map<Integer, String> titles, List<Check> checks) {

  static Targets read(Path file) throws IOException {
    Map<Integer, String> titles = new TreeMap<>();
    List<Check> checks = new ArrayList<>();
    int number = 0;

    for (String line : Files.readAllLines(file)) {
      number++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      try {
        if (text.matches("\\d+\\s*=.*")) {
          int equals = text.indexOf('=');
          titles.put(
              Integer.valueOf(text.substring(0, equals).strip()),
              text.substring(equals + 1).strip());
          continue;
        }
        String[] fields = text.split("\\|");
        if (fields.length != 5) {
          throw new IllegalArgumentException("expected N | what | LEFT | OP | RIGHT");
        }
        checks.add(
            new Check(
                Integer.parseInt(fields[0].strip()),
                fields[1].strip(),
                Operand.parse(fields[2]),
                fields[3].strip(),
                Operand.parse(fields[4])));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + number + ": " + e.getMessage(), e);
      }
    }

    return new Targets(titles, checks);
  }

  /** Every target named by a title or a check, in order. */
  Set<Integer> numbers() {
    Set<Integer> numbers = new TreeSet<>(titles.keySet());
    checks.forEach(check -> numbers.add(check.target()));

    return numbers;
  }

  List<Check> of(int target) {
    return checks.stream().filter(c -> c.target() == target).toList();
  }

  /**
   * Not met when a check is not; otherwise not measured when a check could not be made (or there is
   * none); met when every check is.
   */
  Check.Verdict verdict(int target, Results results) {
    List<Check.Verdict> verdicts = of(target).stream().map(c -> c.verdict(results)).toList();
    if (verdicts.contains(Check.Verdict.NOT_MET)) {
      return Check.Verdict.NOT_MET;
    }

    return verdicts.isEmpty() || verdicts.contains(Check.Verdict.NOT_MEASURED)
        ? Check.Verdict.NOT_MEASURED
        : Check.Verdict.MET;
  }
}
