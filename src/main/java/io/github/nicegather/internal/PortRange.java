package io.github.nicegather.internal;

/**
 * The local ports an agent's host sockets may take, both ends included.
 *
 * @param min the lowest port, 1 or more
 * @param max the highest port, 65535 at most, not below {@code min}
 */
public record PortRange(int min, int max) {
  public PortRange {
    if (min < 1 || max > 65535 || min > max) {
      throw new IllegalArgumentException(
          "port range " + min + ".." + max + " is not within 1..65535");
    }
  }

  @Override
  public String toString() {
    return min + ".." + max;
  }
}
