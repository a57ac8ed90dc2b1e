package io.github.nicegather.bench.scale;

import java.util.Arrays;
import java.util.Locale;

/**
 * One line of the benchmark report: a metric of one case, as the spread of its samples.
 *
 * <p>Printed as one JSON object per line on stdout, in the shape of the C twin's lines ({@code
 * suite, case, metric, unit, min, median, max, n}); a single reading has {@code min == median ==
 * max} and {@code n == 1}. Units: ms, us, ns, KiB, count.
 */
public record Figure(
    String suite,
    String caseName,
    String metric,
    double min,
    double median,
    double max,
    int n,
    String unit) {

  /** The spread of {@code samples}; the median of an even count is the mean of the middle two. */
  public static Figure of(
      String suite, String caseName, String metric, String unit, double[] samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException(caseName + " " + metric + ": no samples");
    }

    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int half = sorted.length / 2;
    double median = sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;

    return new Figure(
        suite, caseName, metric, sorted[0], median, sorted[sorted.length - 1], sorted.length, unit);
  }

  /** One reading. */
  public static Figure single(
      String suite, String caseName, String metric, String unit, double value) {
    return new Figure(suite, caseName, metric, value, value, value, 1, unit);
  }

  /** Writes the line to stdout, flushed, so a run cut short keeps what it measured. */
  public void print() {
    System.out.println(toJson());
    System.out.flush();
  }

  public String toJson() {
    return "{\"suite\":\""
        + suite
        + "\",\"case\":\""
        + caseName
        + "\",\"metric\":\""
        + metric
        + "\",\"unit\":\""
        + unit
        + "\",\"min\":"
        + number(min)
        + ",\"median\":"
        + number(median)
        + ",\"max\":"
        + number(max)
        + ",\"n\":"
        + n
        + "}";
  }

  /** Whole numbers without a fraction, others with three decimals at most. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }

    String text = String.format(Locale.ROOT, "%.3f", value);
    text = text.replaceAll("0+$", "");

    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
