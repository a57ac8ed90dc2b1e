package io.github.nicegather.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One result line: a metric of one case, measured by one suite, as the spread of its samples.
 *
 * @param suite who measured: java, c, ice4j, net (the network itself) or pion (reference figures)
 * @param name the case: host, stun, turn, relay, unreachable, create-gather-close, ...
 * @param metric what was measured: complete, first_srflx, per_gatherer, rtt, ...
 * @param unit the unit of min, median and max: ms, us, ns, count, KiB, ...
 * @param members every member of the line, the ones above included
 */
record ResultLine(
    String suite, String name, String metric, String unit, Map<String, Object> members) {

  /** Reads a line; throws IllegalArgumentException naming what is missing or malformed. */
  static ResultLine parse(String line) {
    Map<String, Object> members = FlatJson.parse(line);
    for (String key : new String[] {"suite", "case", "metric", "unit"}) {
      if (!(members.get(key) instanceof String)) {
        throw new IllegalArgumentException("no string \"" + key + "\" in " + line);
      }
    }
    for (String key : new String[] {"min", "median", "max", "n"}) {
      if (!(members.get(key) instanceof Double)) {
        throw new IllegalArgumentException("no number \"" + key + "\" in " + line);
      }
    }

    Map<String, Object> present = new LinkedHashMap<>(members);
    present.values().removeIf(value -> value == null);

    return new ResultLine(
        (String) members.get("suite"),
        (String) members.get("case"),
        (String) members.get("metric"),
        (String) members.get("unit"),
        present);
  }

  /** A numeric member: min, median, max, n or an extra one such as timeout_ms; null if absent. */
  Double number(String field) {
    return members.get(field) instanceof Double value ? value : null;
  }

  /** A reference figure copied from elsewhere (bench/reference.jsonl): its median alone is real. */
  boolean isReference() {
    return Boolean.TRUE.equals(members.get("reference"));
  }

  double median() {
    return number("median");
  }

  int n() {
    return number("n").intValue();
  }

  /** suite, case and metric: what a line is looked up by. */
  String key() {
    return key(suite, name, metric);
  }

  static String key(String suite, String name, String metric) {
    return suite + " " + name + " " + metric;
  }
}
