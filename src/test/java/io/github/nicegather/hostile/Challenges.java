package io.github.nicegather.hostile;

import java.util.List;

/**
 * A TURN server that never lets the client in: every Allocate is answered with another challenge
 * (RFC 8489 section 9.2.4, RFC 8656 section 7.1), each with a nonce never seen before. Anything but
 * an Allocate goes unanswered.
 */
final class Challenges {
  private Challenges() {}

  /** 401 to every Allocate, same realm, fresh nonce: the credentials never seem right. */
  static List<byte[]> endless401(Exchange exchange) {
    return onAllocate(exchange, () -> challenge(exchange, 401, Answers.REALM));
  }

  /** 401 to every Allocate with a realm never seen before, which clients take as a new server. */
  static List<byte[]> endless401NewRealm(Exchange exchange) {
    return onAllocate(exchange, () -> challenge(exchange, 401, "realm-" + exchange.freshNonce()));
  }

  /** A normal first 401, then 438 Stale Nonce to every authenticated Allocate, forever. */
  static List<byte[]> endless438(Exchange exchange) {
    int code = exchange.request().has(Stun.USERNAME) ? 438 : 401;

    return onAllocate(exchange, () -> challenge(exchange, code, Answers.REALM));
  }

  private static List<byte[]> onAllocate(
      Exchange exchange, java.util.function.Supplier<byte[]> answer) {
    return exchange.request().method() == Stun.ALLOCATE ? List.of(answer.get()) : List.of();
  }

  private static byte[] challenge(Exchange exchange, int code, String realm) {
    return Answers.challenge(exchange.request(), code, realm, exchange.freshNonce());
  }
}
