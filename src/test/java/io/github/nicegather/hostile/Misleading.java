package io.github.nicegather.hostile;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Answers that are well formed, correctly addressed and wrong in what they say: a mapped address
 * the client cannot use, a redirect that leads back to the same server, a relay at no address.
 */
final class Misleading {
  /** The unspecified address and port 0: a relay no peer could ever send to (RFC 8656 7.3). */
  static final InetSocketAddress NO_RELAY = new InetSocketAddress("0.0.0.0", 0);

  private Misleading() {}

  /**
   * Answers a Binding request that came over IPv4 with an IPv6 XOR-MAPPED-ADDRESS: the client's own
   * address, IPv4-mapped (::ffff:a.b.c.d), which is the same host in the wrong family.
   */
  static List<byte[]> wrongAddressFamily(Exchange exchange) {
    Stun.Message request = exchange.request();
    if (request.method() != Stun.BINDING) {
      return answerCorrectly(exchange);
    }

    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xFF;
    mapped[11] = (byte) 0xFF;
    System.arraycopy(exchange.client().getAddress().getAddress(), 0, mapped, 12, 4);
    byte[] value =
        ByteBuffer.allocate(20)
            .put((byte) 0)
            .put((byte) 0x02)
            .putShort((short) (exchange.client().getPort() ^ (Stun.COOKIE >>> 16)))
            .put(Stun.xorAddress(mapped, request.transactionId()))
            .array();

    return List.of(
        new MessageWriter(Stun.BINDING, Stun.SUCCESS, request.transactionId())
            .add(Stun.XOR_MAPPED_ADDRESS, value)
            .bytes());
  }

  /** 300 Try Alternate to every request, naming this very server as the alternate (RFC 8489 10). */
  static List<byte[]> redirectToItself(Exchange exchange) {
    Stun.Message request = exchange.request();

    return List.of(
        new MessageWriter(request.method(), Stun.ERROR, request.transactionId())
            .add(Stun.ERROR_CODE, Stun.errorCode(300, "Try Alternate"))
            .add(Stun.ALTERNATE_SERVER, Stun.address(exchange.server(), false, null))
            .bytes());
  }

  /**
   * Challenges the first Allocate like a working TURN server, then grants the authenticated one
   * with a signed success whose XOR-RELAYED-ADDRESS is 0.0.0.0:0. The mapped address is true.
   */
  static List<byte[]> unusableRelay(Exchange exchange) {
    Stun.Message request = exchange.request();
    if (request.method() == Stun.ALLOCATE && request.has(Stun.USERNAME)) {
      return List.of(Answers.allocated(request, NO_RELAY, exchange.client()));
    }
    if (request.method() == Stun.BINDING) {
      return List.of();
    }

    return answerCorrectly(exchange);
  }

  private static List<byte[]> answerCorrectly(Exchange exchange) {
    byte[] correct = Answers.correct(exchange);

    return correct == null ? List.of() : List.of(correct);
  }
}
