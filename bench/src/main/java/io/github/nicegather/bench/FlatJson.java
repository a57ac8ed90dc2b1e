package io.github.nicegather.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one flat JSON object, the only kind a result line is: string, number, boolean and null
 * values, no nesting. Enough for the report without a JSON library on the class path.
 */
final class FlatJson {
  private final String text;
  private int at;

  private FlatJson(String text) {
    this.text = text;
  }

  /**
   * The object's members in order: String, Double, Boolean or null values.
   *
   * @throws IllegalArgumentException naming the offset where {@code text} stops being a flat object
   */
  static Map<String, Object> parse(String text) {
    FlatJson json = new FlatJson(text);
    Map<String, Object> members = new LinkedHashMap<>();

    json.expect('{');
    if (!json.skip('}')) {
      do {
        String name = json.string();
        json.expect(':');
        members.put(name, json.value());
      } while (json.skip(','));
      json.expect('}');
    }
    json.space();
    if (json.at != text.length()) {
      throw json.error("text after the object");
    }

    return members;
  }

  private Object value() {
    space();
    char c = peek();
    if (c == '"') {
      return string();
    }
    for (String word : new String[] {"true", "false", "null"}) {
      if (text.startsWith(word, at)) {
        at += word.length();
        return word.equals("null") ? null : Boolean.valueOf(word);
      }
    }
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    try {
      return Double.valueOf(text.substring(start, at));
    } catch (NumberFormatException e) {
      throw error("a value that is not a string, number, boolean or null");
    }
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (peek() != '"') {
      char c = text.charAt(at++);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = text.charAt(at++);
      switch (escaped) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          at += 4;
        }
        default -> out.append(escaped);
      }
    }
    at++;

    return out.toString();
  }

  private void expect(char c) {
    if (!skip(c)) {
      throw error("'" + c + "' expected");
    }
  }

  private boolean skip(char c) {
    space();
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }

    return false;
  }

  private char peek() {
    if (at >= text.length()) {
      throw error("unexpected end");
    }

    return text.charAt(at);
  }

  private void space() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("at offset " + at + ": " + what + " in " + text);
  }
}
