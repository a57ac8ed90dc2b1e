package io.github.nicegather.bench;

/**
 * How much {@link GatherTimes} does, chosen with {@code --full} (the default), {@code --quick} or
 * {@code --smoke}, the switches {@code ci/bench} gives every runner.
 *
 * @param runs timed gatherings per case
 * @param warmups untimed gatherings before them, per case
 * @param pings STUN Binding round trips for the RTT figure
 */
record RunSize(int runs, int warmups, int pings) {
  static final RunSize FULL = new RunSize(20, 5, 50);
  static final RunSize QUICK = new RunSize(3, 1, 20);
  static final RunSize SMOKE = new RunSize(1, 0, 3);

  /** The size a switch names, or null if {@code arg} is not one of them. */
  static RunSize of(String arg) {
    return switch (arg) {
      case "--full" -> FULL;
      case "--quick" -> QUICK;
      case "--smoke" -> SMOKE;
      default -> null;
    };
  }
}
