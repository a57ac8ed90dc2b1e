package io.github.nicegather.hostile;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The parts of the NAT bed (ci/bed) these tests use, read from the bed.env it writes. The project's
 * own {@code Bed} is package-private to {@code io.github.nicegather}; this reads the same file the
 * same way.
 */
final class NatBed {
  /** The namespace ci/bed runs its coturns in; the hostile server runs there too. */
  static final String SERVER_NAMESPACE = "ng-pub";

  private static final Path ENV =
      Path.of(System.getProperty("nicegather.bed.env", "/tmp/nicegather-bed/bed.env"));
  private static final Map<String, String> VALUES = read();

  static final String SERVER_V4 = VALUES.getOrDefault("BED_SERVER_V4", "");
  static final String NAT_V4 = VALUES.getOrDefault("BED_NAT_V4", "");
  static final String LAN_V4 = VALUES.getOrDefault("BED_LAN_V4", "");
  static final String LAN_V6 = VALUES.getOrDefault("BED_LAN_V6", "");

  private NatBed() {}

  /** Skips the calling test when the bed is not up, or fails it under CI=true. */
  static void require() {
    if (Boolean.getBoolean("nicegather.bed") && !VALUES.isEmpty()) {
      return;
    }

    String why = "the NAT bed is not up (run ci/test as root, which runs the JVM inside it)";
    if ("true".equals(System.getenv("CI"))) {
      fail(why + ", and CI=true requires it");
    }
    Assumptions.abort(why);
  }

  private static Map<String, String> read() {
    Map<String, String> values = new HashMap<>();
    try {
      for (String line : Files.readAllLines(ENV)) {
        int equals = line.indexOf('=');
        if (!line.startsWith("#") && equals > 0) {
          values.put(line.substring(0, equals), line.substring(equals + 1));
        }
      }
    } catch (IOException e) {
      // No bed: require() says so where it matters.
    }

    return values;
  }
}
