package io.github.nicegather.hostile;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Writes one STUN message, attribute by attribute, in the order a test wants them. */
final class MessageWriter {
  private final int type;
  private final byte[] transactionId;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  MessageWriter(int method, int messageClass, byte[] transactionId) {
    this.type = Stun.type(method, messageClass);
    this.transactionId = transactionId.clone();
  }

  /** Adds an attribute, padded to four bytes with zeros (RFC 8489 section 14). */
  MessageWriter add(int attributeType, byte[] value) {
    body.writeBytes(
        ByteBuffer.allocate(4)
            .putShort((short) attributeType)
            .putShort((short) value.length)
            .array());
    body.writeBytes(value);
    body.writeBytes(new byte[(4 - value.length % 4) % 4]);

    return this;
  }

  MessageWriter add(int attributeType, String text) {
    return add(attributeType, text.getBytes(StandardCharsets.UTF_8));
  }

  MessageWriter xorAddress(int attributeType, InetSocketAddress address) {
    return add(attributeType, Stun.address(address, true, transactionId));
  }

  MessageWriter lifetime(int seconds) {
    return add(Stun.LIFETIME, ByteBuffer.allocate(4).putInt(seconds).array());
  }

  /**
   * Adds MESSAGE-INTEGRITY: HMAC-SHA1 over the message so far, with the header's length already
   * counting the integrity attribute itself (RFC 8489 section 14.5).
   */
  MessageWriter integrity(byte[] key) {
    byte[] signed = message(body.size() + 24);
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));

      return add(Stun.MESSAGE_INTEGRITY, mac.doFinal(signed));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is missing from this JDK", e);
    }
  }

  byte[] bytes() {
    return message(body.size());
  }

  /** The long-term credential key: MD5(username ":" realm ":" password), RFC 8489 section 9.2.2. */
  static byte[] longTermKey(String username, String realm, String password) {
    try {
      return MessageDigest.getInstance("MD5")
          .digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is missing from this JDK", e);
    }
  }

  private byte[] message(int declaredLength) {
    return ByteBuffer.allocate(Stun.HEADER + body.size())
        .putShort((short) type)
        .putShort((short) declaredLength)
        .putInt(Stun.COOKIE)
        .put(transactionId)
        .put(body.toByteArray())
        .array();
  }
}
