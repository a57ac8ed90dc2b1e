package io.github.nicegather.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hand-written paragraphs of bench/notes.md, by target: the text under a {@code ## Target N}
 * heading, up to the next {@code ##} heading. The report shows a target's text when it is not met.
 */
final class Notes {
  private static final Pattern HEADING = Pattern.compile("^##\\s+Target\\s+(\\d+)\\b.*$");

  private final Map<Integer, String> byTarget;

  private Notes(Map<Integer, String> byTarget) {
    this.byTarget = byTarget;
  }

  static Notes read(Path file) throws IOException {
    Map<Integer, String> byTarget = new HashMap<>();
    if (!Files.isReadable(file)) {
      return new Notes(byTarget);
    }
    Integer target = null;
    StringBuilder text = new StringBuilder();

    for (String line : Files.readAllLines(file)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches() || line.startsWith("## ") || line.startsWith("# ")) {
        put(byTarget, target, text);
        target = heading.matches() ? Integer.valueOf(heading.group(1)) : null;
        text.setLength(0);
      } else if (target != null) {
        text.append(line).append('\n');
      }
    }
    put(byTarget, target, text);

    return new Notes(byTarget);
  }

  /** The paragraph for {@code target}, stripped, or "" when there is none. */
  String of(int target) {
    return byTarget.getOrDefault(target, "");
  }

  private static void put(Map<Integer, String> byTarget, Integer target, StringBuilder text) {
    if (target != null && !text.toString().isBlank()) {
      byTarget.put(target, text.toString().strip());
    }
  }
}
