package io.github.nicegather.hostile;

import java.net.InetSocketAddress;

/**
 * What a working server would answer. The broken modes start from these and spoil them, so that
 * each differs from a good answer in one way only.
 */
final class Answers {
  static final String USER = "nice";
  static final String PASSWORD = "hostile-secret";
  static final String REALM = "hostile.test";
  static final int LIFETIME_SECONDS = 600;

  private Answers() {}

  /** The answer of a correct server, or null for a request it would not answer. */
  static byte[] correct(Exchange exchange) {
    Stun.Message request = exchange.request();

    return switch (request.method()) {
      case Stun.BINDING -> mapped(request, exchange.client()).bytes();
      case Stun.ALLOCATE ->
          request.has(Stun.USERNAME)
              ? allocated(request, exchange.server(), exchange.client())
              : challenge(request, 401, REALM, exchange.freshNonce());
      case Stun.REFRESH -> refreshed(request);
      default -> null;
    };
  }

  /** A Binding success with the client's address as the server saw it (RFC 8489 section 14.2). */
  static MessageWriter mapped(Stun.Message request, InetSocketAddress client) {
    return new MessageWriter(Stun.BINDING, Stun.SUCCESS, request.transactionId())
        .xorAddress(Stun.XOR_MAPPED_ADDRESS, client);
  }

  /** An error answer with a realm and nonce, as long-term credentials use (RFC 8489 9.2.4). */
  static byte[] challenge(Stun.Message request, int code, String realm, String nonce) {
    return challenge(request.method(), request.transactionId(), code, realm, nonce);
  }

  /** A 401 for a transaction the client may never have started. */
  static byte[] challengeTo(int method, byte[] transactionId, String realm, String nonce) {
    return challenge(method, transactionId, 401, realm, nonce);
  }

  private static byte[] challenge(
      int method, byte[] transactionId, int code, String realm, String nonce) {
    return new MessageWriter(method, Stun.ERROR, transactionId)
        .add(Stun.ERROR_CODE, Stun.errorCode(code, code == 438 ? "Stale Nonce" : "Unauthorized"))
        .add(Stun.REALM, realm)
        .add(Stun.NONCE, nonce)
        .bytes();
  }

  /** An Allocate success for {@code relay}, signed with the client's key (RFC 8656 7.3). */
  static byte[] allocated(Stun.Message request, InetSocketAddress relay, InetSocketAddress client) {
    return new MessageWriter(Stun.ALLOCATE, Stun.SUCCESS, request.transactionId())
        .xorAddress(Stun.XOR_RELAYED_ADDRESS, relay)
        .xorAddress(Stun.XOR_MAPPED_ADDRESS, client)
        .lifetime(LIFETIME_SECONDS)
        .integrity(key())
        .bytes();
  }

  /** A Refresh success, so that a client releasing its allocation hears back (RFC 8656 7.2). */
  static byte[] refreshed(Stun.Message request) {
    return new MessageWriter(Stun.REFRESH, Stun.SUCCESS, request.transactionId())
        .lifetime(0)
        .integrity(key())
        .bytes();
  }

  static byte[] key() {
    return MessageWriter.longTermKey(USER, REALM, PASSWORD);
  }
}
