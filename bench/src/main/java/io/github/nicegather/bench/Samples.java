package io.github.nicegather.bench;

import java.util.Arrays;
import java.util.Locale;

/** Measurements of one metric, printed as one result line (bench/README.md). Not thread-safe. */
final class Samples {
  private double[] values = new double[16];
  private int count;

  /** Adds one measurement. */
  void add(double value) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = value;
  }

  /** How many measurements there are. */
  int count() {
    return count;
  }

  /** The median; the mean of the middle two for an even count. */
  double median() {
    double[] sorted = sorted();
    int middle = count / 2;

    return count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /**
   * The line for these samples, or null when there are none; {@code extra} is appended as is, so it
   * must be empty or start with a comma ({@code ,"timeout_ms":2000}).
   */
  String line(String suite, String name, String metric, String unit, String extra) {
    if (count == 0) {
      return null;
    }
    double[] sorted = sorted();

    return String.format(
        Locale.ROOT,
        "{\"suite\":\"%s\",\"case\":\"%s\",\"metric\":\"%s\",\"unit\":\"%s\","
            + "\"min\":%.3f,\"median\":%.3f,\"max\":%.3f,\"n\":%d%s}",
        suite,
        name,
        metric,
        unit,
        sorted[0],
        median(),
        sorted[count - 1],
        count,
        extra);
  }

  private double[] sorted() {
    double[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);

    return sorted;
  }
}
