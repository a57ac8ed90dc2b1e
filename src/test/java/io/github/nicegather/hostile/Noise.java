package io.github.nicegather.hostile;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

/**
 * Servers that never answer and are loud about it: a flood of unsolicited packets after the first
 * request, or a burst of random bytes at every request. Bursts go out through {@link Bursts}, paced
 * and within the run's budget.
 */
final class Noise {
  static final int FLOOD_PACKETS = 2_500;
  static final int BURST_PER_REQUEST = 500;

  /** The largest datagram sent: under any path's MTU, so that none arrives in fragments. */
  private static final int MAX_DATAGRAM = 548;

  private Noise() {}

  /** Floods the client's address and port once, from its first request on; answers nothing. */
  static List<byte[]> flood(Exchange exchange) {
    if (exchange.firstFromClient()) {
      exchange.burst(FLOOD_PACKETS, Unsolicited::any);
    }

    return List.of();
  }

  /** A burst of random datagrams at every request, none of which is a valid answer to it. */
  static List<byte[]> randomBytes(Exchange exchange) {
    byte[] id = exchange.request().transactionId();
    exchange.burst(BURST_PER_REQUEST, random -> randomDatagram(random, id));

    return List.of();
  }

  /**
   * Bytes a parser must refuse, made to reach different depths of it: plain noise; a header that
   * matches the request with attributes that overrun the end; one whose length is wrong; one with a
   * wrong cookie over well-formed attributes; and ChannelData (RFC 8656 section 12.4) of any
   * length.
   */
  static byte[] randomDatagram(Random random, byte[] transactionId) {
    return switch (random.nextInt(5)) {
      case 0 -> bytes(random, random.nextInt(MAX_DATAGRAM + 1));
      case 1 -> overrunningAttributes(random, transactionId);
      case 2 -> wrongLength(random, transactionId);
      case 3 -> wrongCookie(random, transactionId);
      default -> channelData(random);
    };
  }

  private static byte[] overrunningAttributes(Random random, byte[] transactionId) {
    byte[] message = header(random, transactionId, random.nextInt(6)).bytes();
    int valueLength = 4 * random.nextInt(8);
    ByteBuffer out = ByteBuffer.allocate(message.length + 4 + valueLength).put(message);
    out.putShort((short) Unsolicited.attributeType(random));
    out.putShort((short) (valueLength + 1 + random.nextInt(0xFF00)));
    out.put(bytes(random, valueLength));
    out.putShort(2, (short) (out.capacity() - Stun.HEADER));

    return out.array();
  }

  /** A header length anything but the real one: 1 to 65,535 off, modulo 16 bits. */
  private static byte[] wrongLength(Random random, byte[] transactionId) {
    byte[] message = header(random, transactionId, random.nextInt(4)).bytes();
    int real = message.length - Stun.HEADER;
    ByteBuffer.wrap(message).putShort(2, (short) (real + 1 + random.nextInt(0xFFFF)));

    return message;
  }

  private static byte[] wrongCookie(Random random, byte[] transactionId) {
    byte[] message = header(random, transactionId, 1 + random.nextInt(6)).bytes();
    ByteBuffer.wrap(message).putInt(4, Stun.COOKIE ^ (1 | random.nextInt()));

    return message;
  }

  private static byte[] channelData(Random random) {
    byte[] payload = bytes(random, random.nextInt(MAX_DATAGRAM - 3));

    return ByteBuffer.allocate(4 + payload.length)
        .putShort((short) (0x4000 + random.nextInt(0x4000)))
        .putShort((short) random.nextInt(0x10000))
        .put(payload)
        .array();
  }

  /** A Binding or Allocate answer to the request, with {@code attributes} random attributes. */
  private static MessageWriter header(Random random, byte[] transactionId, int attributes) {
    int method = random.nextBoolean() ? Stun.BINDING : Stun.ALLOCATE;
    MessageWriter writer =
        new MessageWriter(method, random.nextBoolean() ? Stun.SUCCESS : Stun.ERROR, transactionId);
    for (int i = 0; i < attributes; i++) {
      writer.add(Unsolicited.attributeType(random), bytes(random, random.nextInt(40)));
    }

    return writer;
  }

  static byte[] bytes(Random random, int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);

    return out;
  }
}
