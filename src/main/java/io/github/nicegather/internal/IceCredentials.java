package io.github.nicegather.internal;

import java.security.SecureRandom;

/**
 * Generates the local username fragment and password (RFC 8445 §5.3).
 *
 * <p>Thread-safe: every call draws from one shared {@link SecureRandom}, which is itself safe to
 * share.
 */
public final class IceCredentials {
  // ice-char = ALPHA / DIGIT / "+" / "/" (RFC 8445 §5.3): 64 symbols, so 6 bits per character.
  private static final char[] ICE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private IceCredentials() {}

  /**
   * Returns a new username fragment: 16 ice-chars, 96 random bits, well above the 24 that RFC 8445
   * §5.3 requires.
   *
   * @return 16 random ice-chars
   */
  public static String ufrag() {
    return draw(16);
  }

  /**
   * Returns a new password: 32 ice-chars, 192 random bits, well above the 128 that RFC 8445 §5.3
   * requires.
   *
   * @return 32 random ice-chars
   */
  public static String password() {
    return draw(32);
  }

  private static String draw(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ICE_CHARS[RANDOM.nextInt(ICE_CHARS.length)];
    }

    return new String(chars);
  }
}
