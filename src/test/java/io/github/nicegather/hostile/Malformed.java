package io.github.nicegather.hostile;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Answers that are right in content and broken in form: each takes what a working server would send
 * and spoils one field of its framing (RFC 8489 sections 5 and 14), so a client that checks the
 * form must drop every one of them and treat the server as silent.
 */
final class Malformed {
  /** Header length errors: longer than sent, shorter, and not a multiple of four. */
  private static final int[] LENGTH_ERRORS = {8, -4, 1};

  private Malformed() {}

  /** Cut short anywhere, from one byte into the header to one byte before the end. */
  static List<byte[]> truncated(Exchange exchange) {
    return spoil(
        exchange, m -> java.util.Arrays.copyOf(m, 1 + exchange.random().nextInt(m.length - 1)));
  }

  /** A header length that disagrees with the bytes that follow it. */
  static List<byte[]> wrongLength(Exchange exchange) {
    return spoil(
        exchange,
        m -> {
          int error = LENGTH_ERRORS[exchange.random().nextInt(LENGTH_ERRORS.length)];
          ByteBuffer.wrap(m).putShort(2, (short) (m.length - Stun.HEADER + error));
          return m;
        });
  }

  /** The magic cookie with one bit flipped, so the message reads as RFC 3489 or as noise. */
  static List<byte[]> wrongCookie(Exchange exchange) {
    return spoil(exchange, m -> flipBit(m, 4, 4, exchange));
  }

  /** The request's transaction id with one bit flipped: an answer to nothing the client sent. */
  static List<byte[]> wrongTransactionId(Exchange exchange) {
    return spoil(exchange, m -> flipBit(m, 8, 12, exchange));
  }

  /** The first attribute claims 65,532 bytes, far past the end of the message. */
  static List<byte[]> absurdAttributeLength(Exchange exchange) {
    return spoil(
        exchange,
        m -> {
          ByteBuffer.wrap(m).putShort(Stun.HEADER + 2, (short) 0xFFFC);
          return m;
        });
  }

  private static List<byte[]> spoil(
      Exchange exchange, java.util.function.UnaryOperator<byte[]> how) {
    byte[] correct = Answers.correct(exchange);

    return correct == null ? List.of() : List.of(how.apply(correct));
  }

  private static byte[] flipBit(byte[] message, int from, int length, Exchange exchange) {
    int bit = exchange.random().nextInt(length * 8);
    message[from + bit / 8] ^= (byte) (1 << (bit % 8));

    return message;
  }
}
