package io.github.nicegather.internal;

import java.security.SecureRandom;

/**
 * Generates the local username fragment and password (RFC 8445 §5.3), and checks the ones a user
 * gives.
 *
 * <p>Thread-safe: every call draws from one shared {@link SecureRandom}, which is itself safe to
 * share.
 */
public final class IceCredentials {
  // ice-char = ALPHA / DIGIT / "+" / "/" (RFC 8445 §5.3): 64 symbols, so 6 bits per character.
  private static final char[] ICE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** RFC 8445 §5.3: at least 24 bits of randomness in the ufrag, 128 in the password. */
  public static final int MIN_UFRAG = 4;

  public static final int MIN_PASSWORD = 22;

  /** libnice keeps at most this many characters (and silently cuts the rest). */
  public static final int MAX_LENGTH = 256;

  private IceCredentials() {}

  /**
   * What is wrong with a user's credential, or null when it is fine or empty (to be generated).
   * Names the field and the rule, never the value: it may be a password.
   */
  public static String problem(String field, String value, int min) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() < min || value.length() > MAX_LENGTH) {
      return field
          + ": "
          + value.length()
          + " characters, RFC 8445 section 5.3 asks for "
          + min
          + " to "
          + MAX_LENGTH;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!isIceChar(value.charAt(i))) {
        return field
            + ": character "
            + i
            + " is not an ice-char ([A-Za-z0-9+/], RFC 8445 "
            + "section 5.3)";
      }
    }

    return null;
  }

  private static boolean isIceChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '/';
  }

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
