package io.github.nicegather.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Passwords on their way to the shim. JavaCPP would pass a String through a copy the JVM frees
 * without clearing; these copies are ours, so they are zeroed as soon as the call returns, and a
 * heap or core dump holds no password beyond the String the user gave.
 */
final class Secret {
  private Secret() {}

  /** A NUL-terminated copy of {@code text} in native memory; hand it to {@link #zero} after use. */
  static ByteBuffer copy(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length + 1);
    buffer.put(bytes).put((byte) 0);
    Arrays.fill(bytes, (byte) 0);

    // JavaCPP passes the address at the buffer's position: back to the start.
    return buffer.rewind();
  }

  static void zero(ByteBuffer buffer) {
    for (int i = 0; i < buffer.capacity(); i++) {
      buffer.put(i, (byte) 0);
    }
  }
}
