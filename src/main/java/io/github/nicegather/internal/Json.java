package io.github.nicegather.internal;

/**
 * Writes JSON string literals (RFC 8259 §7), for the few small objects this library prints.
 *
 * <p>Stateless and thread-safe.
 */
public final class Json {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  /**
   * Returns {@code value} as a JSON string literal, or the literal {@code null}.
   *
   * @param value any string; may be null
   * @return the quoted and escaped text, or {@code null} without quotes
   */
  public static String quote(String value) {
    if (value == null) {
      return "null";
    }

    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (Character.isISOControl(c)) {
        // Also DEL and C1 controls: legal raw in JSON, but they garble terminals and logs.
        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      } else {
        out.append(c);
      }
    }

    return out.append('"').toString();
  }
}
