package io.github.nicegather.hostile;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of STUN (RFC 8489) and TURN (RFC 8656) to read a client's request and write answers
 * to it, right or wrong on purpose. Hand-written so that every byte a broken server sends is ours
 * to choose.
 */
final class Stun {
  static final int HEADER = 20;
  static final int COOKIE = 0x2112A442;

  static final int BINDING = 0x001;
  static final int ALLOCATE = 0x003;
  static final int REFRESH = 0x004;
  static final int DATA = 0x007;

  // The class bits of the message type (RFC 8489 section 5).
  static final int REQUEST = 0x000;
  static final int INDICATION = 0x010;
  static final int SUCCESS = 0x100;
  static final int ERROR = 0x110;

  static final int MAPPED_ADDRESS = 0x0001;
  static final int USERNAME = 0x0006;
  static final int MESSAGE_INTEGRITY = 0x0008;
  static final int ERROR_CODE = 0x0009;
  static final int LIFETIME = 0x000D;
  static final int DATA_ATTRIBUTE = 0x0013;
  static final int REALM = 0x0014;
  static final int NONCE = 0x0015;
  static final int XOR_RELAYED_ADDRESS = 0x0016;
  static final int XOR_MAPPED_ADDRESS = 0x0020;
  static final int ALTERNATE_SERVER = 0x8023;

  /** One attribute as it arrived: its type and value, without padding. */
  record Attribute(int type, byte[] value) {}

  /** A request as the server read it. */
  record Message(int method, int messageClass, byte[] transactionId, List<Attribute> attributes) {
    boolean has(int type) {
      return attributes.stream().anyMatch(a -> a.type() == type);
    }
  }

  private Stun() {}

  /**
   * Reads a message, or returns null for anything that is not one: too short, the top two bits set,
   * no magic cookie, a length that disagrees with the datagram, or attributes overrunning it.
   */
  static Message parse(byte[] data, int length) {
    if (length < HEADER || (data[0] & 0xC0) != 0) {
      return null;
    }
    ByteBuffer in = ByteBuffer.wrap(data, 0, length);
    int type = in.getShort() & 0x3FFF;
    int bodyLength = in.getShort() & 0xFFFF;
    if (in.getInt() != COOKIE || bodyLength != length - HEADER || bodyLength % 4 != 0) {
      return null;
    }
    byte[] id = new byte[12];
    in.get(id);

    List<Attribute> attributes = new ArrayList<>();
    while (in.remaining() >= 4) {
      int attributeType = in.getShort() & 0xFFFF;
      int valueLength = in.getShort() & 0xFFFF;
      int padded = (valueLength + 3) & ~3;
      if (padded > in.remaining()) {
        return null;
      }
      byte[] value = new byte[valueLength];
      in.get(value);
      in.position(in.position() + padded - valueLength);
      attributes.add(new Attribute(attributeType, value));
    }

    return new Message(method(type), type & 0x0110, id, attributes);
  }

  /** The length a stream must deliver for the message whose header starts at {@code header}. */
  static int frameLength(byte[] header) {
    return HEADER + (((header[2] & 0xFF) << 8) | (header[3] & 0xFF));
  }

  /** The 12-bit method from the 14-bit type, whose class bits sit at 4 and 8. */
  private static int method(int type) {
    return (type & 0x000F) | ((type & 0x00E0) >> 1) | ((type & 0x3E00) >> 2);
  }

  /** The type field for a method below 16, the only ones this server speaks, and a class. */
  static int type(int method, int messageClass) {
    return method | messageClass;
  }

  /** The value of an (XOR-)address attribute (RFC 8489 sections 14.1 and 14.2). */
  static byte[] address(InetSocketAddress address, boolean xor, byte[] transactionId) {
    byte[] ip = address.getAddress().getAddress();
    ByteBuffer out = ByteBuffer.allocate(4 + ip.length);
    out.put((byte) 0).put((byte) (ip.length == 4 ? 0x01 : 0x02));
    out.putShort((short) (address.getPort() ^ (xor ? COOKIE >>> 16 : 0)));
    out.put(xor ? xorAddress(ip, transactionId) : ip);

    return out.array();
  }

  /** An address XORed with the cookie, and for IPv6 with the transaction id after it. */
  static byte[] xorAddress(byte[] ip, byte[] transactionId) {
    byte[] mask = ByteBuffer.allocate(16).putInt(COOKIE).put(transactionId).array();
    byte[] out = new byte[ip.length];
    for (int i = 0; i < ip.length; i++) {
      out[i] = (byte) (ip[i] ^ mask[i]);
    }

    return out;
  }

  /** An ERROR-CODE value: class and number, then the reason phrase (RFC 8489 section 14.8). */
  static byte[] errorCode(int code, String reason) {
    byte[] text = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);

    return ByteBuffer.allocate(4 + text.length)
        .putShort((short) 0)
        .put((byte) (code / 100))
        .put((byte) (code % 100))
        .put(text)
        .array();
  }
}
