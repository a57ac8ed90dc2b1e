package io.github.nicegather.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every result line of a run, by suite, case and metric; a later line replaces an earlier one. */
final class Results {
  private final Map<String, ResultLine> byKey = new LinkedHashMap<>();

  /** Reads result lines; blank lines and lines not starting with '{' are skipped. */
  static Results read(List<Path> files) throws IOException {
    Results results = new Results();
    for (Path file : files) {
      int number = 0;
      for (String line : Files.readAllLines(file)) {
        number++;
        if (!line.strip().startsWith("{")) {
          continue;
        }
        try {
          ResultLine parsed = ResultLine.parse(line.strip());
          results.byKey.remove(parsed.key());
          results.byKey.put(parsed.key(), parsed);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ":" + number + ": " + e.getMessage(), e);
        }
      }
    }

    return results;
  }

  ResultLine find(String suite, String name, String metric) {
    return byKey.get(ResultLine.key(suite, name, metric));
  }

  List<ResultLine> all() {
    return new ArrayList<>(byKey.values());
  }
}
