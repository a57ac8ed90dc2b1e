package io.github.nicegather;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The NAT bed that ci/bed builds, as the tests see it: its addresses and credentials, read from the
 * bed.env it writes. Tests that need it call {@link #require()} first.
 */
public final class Bed {
  private static final Path ENV =
      Path.of(System.getProperty("nicegather.bed.env", "/tmp/nicegather-bed/bed.env"));
  private static final Map<String, String> VALUES = read();

  public static final String SERVER_V4 = value("BED_SERVER_V4");
  static final String SERVER_V6 = value("BED_SERVER_V6");
  public static final String NAT_V4 = value("BED_NAT_V4");
  public static final String LAN_V4 = value("BED_LAN_V4");
  public static final String LAN_V6 = value("BED_LAN_V6");
  static final String USER = value("BED_TURN_USER");
  static final String PASSWORD = value("BED_TURN_PASSWORD");
  static final String HOST_NAME = value("BED_HOST_NAME");
  static final int RELAY_MIN_PORT = number("BED_RELAY_MIN_PORT");
  static final int RELAY_MAX_PORT = number("BED_RELAY_MAX_PORT");
  static final int CLOSED_PORT = number("BED_CLOSED_PORT");

  /** A second coturn that refuses RFC 3489 Binding requests (no-stun-backward-compatibility). */
  static final int STRICT_STUN_PORT = number("BED_STRICT_STUN_PORT");

  static final Path TURN_LOG = Path.of(VALUES.getOrDefault("BED_TURN_LOG", "/nonexistent"));

  private Bed() {}

  /** Skips the calling test when the bed is not up, or fails it under CI=true. */
  public static void require() {
    boolean up = Boolean.getBoolean("nicegather.bed") && !VALUES.isEmpty();
    if (up) {
      return;
    }

    String why = "the NAT bed is not up (run ci/test as root, which runs the JVM inside it)";
    if ("true".equals(System.getenv("CI"))) {
      fail(why + ", and CI=true requires it");
    }
    Assumptions.abort(why);
  }

  static String stun() {
    return "stun:" + SERVER_V4;
  }

  static String turn(String transport) {
    return "turn:" + SERVER_V4 + "?transport=" + transport;
  }

  static IceServer turnServer(String transport) {
    return IceServer.of(java.util.List.of(turn(transport)), USER, PASSWORD);
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

  private static String value(String key) {
    return VALUES.getOrDefault(key, "");
  }

  private static int number(String key) {
    return VALUES.containsKey(key) ? Integer.parseInt(VALUES.get(key)) : 0;
  }
}
