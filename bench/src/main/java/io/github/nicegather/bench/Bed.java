package io.github.nicegather.bench;

import java.util.Map;

/**
 * The NAT bed's addresses and credentials, as {@code ci/bed} writes them to its {@code bed.env} and
 * {@code ci/bench} exports them; the bed's fixed values when a variable is absent.
 *
 * @param server the coturn's IPv4 address, in the bed's public namespace
 * @param turnPort its STUN and TURN port
 * @param closedPort a port on the same address where nothing listens
 * @param user the TURN username
 * @param password the TURN password
 */
public record Bed(String server, int turnPort, int closedPort, String user, String password) {

  /** The bed seen from the environment of this process. */
  public static Bed fromEnvironment() {
    return from(System.getenv());
  }

  static Bed from(Map<String, String> env) {
    return new Bed(
        env.getOrDefault("BED_SERVER_V4", "10.213.1.1"),
        Integer.parseInt(env.getOrDefault("BED_TURN_PORT", "3478")),
        Integer.parseInt(env.getOrDefault("BED_CLOSED_PORT", "3479")),
        env.getOrDefault("BED_TURN_USER", "nice"),
        env.getOrDefault("BED_TURN_PASSWORD", "gather-secret-1"));
  }
}
