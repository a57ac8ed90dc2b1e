package io.github.nicegather.hostile;

import java.util.List;
import java.util.stream.Stream;

/**
 * One run of the hostile server: its mode, the transports the gatherer reaches it by, and the error
 * each of its URLs must give. A null text is not checked: for that mode the library reports no
 * error today, so there is no text of its to hold it to.
 */
record HostileCase(Mode mode, List<String> transports, int code, String text) {
  static final String STUN = "stun";
  static final String UDP = "udp";
  static final String TCP = "tcp";

  /** What the library says of a TURN server that ended the allocation with a second 401. */
  static final String REFUSED =
      "allocation refused: libnice gives up after a second 401 Unauthorized, "
          + "so the username or credential is wrong";

  static Stream<HostileCase> all(long timeoutMs) {
    String silent = "no usable answer within " + timeoutMs + " ms";
    List<String> all = List.of(STUN, UDP, TCP);
    List<String> udp = List.of(STUN, UDP);
    List<String> turn = List.of(UDP, TCP);

    return Stream.of(
        new HostileCase(Mode.TRUNCATED, all, 701, silent),
        new HostileCase(Mode.WRONG_LENGTH, udp, 701, silent),
        new HostileCase(Mode.WRONG_COOKIE, udp, 701, silent),
        new HostileCase(Mode.WRONG_TRANSACTION_ID, udp, 701, silent),
        new HostileCase(Mode.ABSURD_ATTRIBUTE_LENGTH, all, 701, silent),
        new HostileCase(Mode.WRONG_ADDRESS_FAMILY, List.of(STUN), 701, null),
        new HostileCase(Mode.REDIRECT_TO_ITSELF, all, 701, silent),
        new HostileCase(Mode.ENDLESS_401, turn, 401, REFUSED),
        new HostileCase(Mode.ENDLESS_401_NEW_REALM, List.of(UDP), 701, silent),
        new HostileCase(Mode.ENDLESS_438, turn, 701, silent),
        new HostileCase(Mode.UNUSABLE_RELAY, List.of(UDP), 701, null),
        new HostileCase(Mode.FLOOD, udp, 701, silent),
        new HostileCase(Mode.RANDOM_BYTES, all, 701, silent));
  }

  /** The URLs of this run's server, one per transport. */
  List<String> urls(String host, int port) {
    return transports.stream()
        .map(
            t ->
                t.equals(STUN)
                    ? "stun:" + host + ":" + port
                    : "turn:" + host + ":" + port + "?transport=" + t)
        .toList();
  }

  @Override
  public String toString() {
    return mode.argument() + " over " + String.join("+", transports);
  }
}
