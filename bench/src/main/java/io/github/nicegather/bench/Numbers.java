package io.github.nicegather.bench;

import java.math.BigDecimal;
import java.util.Locale;

/** How figures are written in the report. */
final class Numbers {
  private Numbers() {}

  /**
   * Three significant digits at most below 100, whole numbers above, trailing zeros dropped: 0.149,
   * 20.6, 2024, 0.6, 10.
   */
  static String figure(double value) {
    double size = Math.abs(value);
    String format = size >= 100 ? "%.0f" : size >= 10 ? "%.1f" : size >= 1 ? "%.2f" : "%.3f";
    String text = String.format(Locale.ROOT, format, value);

    return text.contains(".") ? text.replaceAll("\\.?0+$", "") : text;
  }

  /** Words filled into lines of 100 columns at most, for the report's prose. */
  static String wrapped(String text) {
    StringBuilder out = new StringBuilder();
    int column = 0;
    for (String word : text.split(" ")) {
      if (column > 0 && column + 1 + word.length() > 100) {
        out.append('\n');
        column = 0;
      } else if (column > 0) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
    }

    return out.toString();
  }

  /** A number as given in a rule: 1.1, 2.4, 100. */
  static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** A ratio with two decimals and a multiplication sign: 1.05×. */
  static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f×", value);
  }
}
