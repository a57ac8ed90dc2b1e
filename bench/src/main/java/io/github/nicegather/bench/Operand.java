package io.github.nicegather.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One side of a check: a number, or {@code [FACTOR *] SUITE CASE METRIC [FIELD] [+ ADD]}, a field
 * of a result line (median unless named: min, max, or an extra number such as timeout_ms) scaled
 * and shifted.
 */
record Operand(double factor, String suite, String name, String metric, String field, double add) {

  /** Reads the text of one side; throws IllegalArgumentException quoting it if malformed. */
  static Operand parse(String text) {
    List<String> words = Arrays.asList(text.trim().split("\\s+"));
    double factor = 1;
    double add = 0;
    try {
      if (words.size() > 2 && words.get(1).equals("*")) {
        factor = Double.parseDouble(words.get(0));
        words = words.subList(2, words.size());
      }
      if (words.size() > 2 && words.get(words.size() - 2).equals("+")) {
        add = Double.parseDouble(words.get(words.size() - 1));
        words = words.subList(0, words.size() - 2);
      }
      if (words.size() == 1) {
        return new Operand(1, null, null, null, null, Double.parseDouble(words.get(0)) * factor);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number in \"" + text + "\"", e);
    }
    if (words.size() != 3 && words.size() != 4) {
      throw new IllegalArgumentException(
          "\"" + text + "\": expected a number or [FACTOR *] SUITE CASE METRIC [FIELD] [+ ADD]");
    }
    String field = words.size() == 4 ? words.get(3) : "median";

    return new Operand(factor, words.get(0), words.get(1), words.get(2), field, add);
  }

  /** The line this side reads, or null for a plain number. */
  String key() {
    return suite == null ? null : ResultLine.key(suite, name, metric);
  }

  /** The value in {@code results}, or null when the line or its field is missing. */
  Double value(Results results) {
    if (suite == null) {
      return add;
    }
    ResultLine line = results.find(suite, name, metric);
    Double value = line == null ? null : line.number(field);

    return value == null ? null : factor * value + add;
  }

  /** The unit of the line read, or "" for a plain number. */
  String unit(Results results) {
    ResultLine line = suite == null ? null : results.find(suite, name, metric);

    return line == null ? "" : line.unit();
  }

  /** How the side reads in the report: {@code 1.1 × c host complete}. */
  @Override
  public String toString() {
    if (suite == null) {
      return Numbers.plain(add);
    }
    String scaled = factor == 1 ? "" : Numbers.plain(factor) + " × ";
    String named = field.equals("median") ? "" : " " + field;
    String shifted = add == 0 ? "" : " + " + Numbers.plain(add);

    return String.format(
        Locale.ROOT, "%s%s %s %s%s%s", scaled, suite, name, metric, named, shifted);
  }
}
