package io.github.nicegather.internal;

import java.nio.ByteBuffer;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * The JavaCPP binding of {@code native/include/nicegather.h}, one method per C function.
 *
 * <p>Only {@link NativeAgent} and {@link EventPump} call these; they own the rules about which
 * thread may call what. Loading happens on first use of this class.
 */
@Platform(include = "nicegather.h", link = "nicegather")
public final class NativeShim {
  static final int E_ARGUMENT = -1;
  static final int E_NO_AGENT = -2;
  static final int E_EXISTS = -3;
  static final int E_ADDRESS = -4;
  static final int E_ENGINE = -5;
  static final int E_GATHER = -6;
  static final int E_STATE = -7;
  static final int E_RUNTIME = -8;

  static final int FLAG_LITE = 1;
  static final int FLAG_UDP = 2;
  static final int FLAG_TCP = 4;

  static final int TURN_UDP = 0;
  static final int TURN_TCP = 1;

  static final int EVENT_CANDIDATE = 1;
  static final int EVENT_DONE = 2;
  static final int EVENT_CLOSED = 3;
  static final int EVENT_LOG = 4;

  static final int RECORD_SIZE = 192;

  static {
    NativeLibrary.loadBinding(NativeShim.class);
  }

  private NativeShim() {}

  public static native int ng_runtime_start();

  public static native String ng_version();

  public static native int ng_local_addresses(
      int includeLoopback, @Cast("char*") ByteBuffer buf, int capacity);

  /** {@code pwd}: a NUL-terminated copy in native memory that the caller zeroes after the call. */
  public static native int ng_agent_new(
      long id, String ufrag, @Cast("const char*") ByteBuffer pwd, int flags, int stunTimeoutMs);

  public static native int ng_agent_add_local_address(long id, String ip);

  public static native int ng_agent_set_port_range(long id, int min, int max);

  public static native int ng_agent_set_stun(long id, String ip, int port);

  /** {@code password}: as for {@link #ng_agent_new}'s, zeroed by the caller after the call. */
  public static native int ng_agent_add_turn(
      long id,
      String ip,
      int port,
      String username,
      @Cast("const char*") ByteBuffer password,
      int transport);

  public static native int ng_agent_gather(long id);

  public static native int ng_agent_credentials(
      long id,
      @Cast("char*") ByteBuffer ufrag,
      int ufragCapacity,
      @Cast("char*") ByteBuffer pwd,
      int pwdCapacity);

  public static native int ng_agent_close(long id);

  public static native int ng_poll(@Cast("void*") ByteBuffer buf, int capacity, int timeoutMs);

  public static native int ng_agent_count();

  /** The shim's live allocations (blocks, not bytes), for leak checks. */
  public static native long ng_allocations();

  /** Reads a NUL-terminated string of at most {@code max} bytes written by the shim. */
  static String cString(ByteBuffer buffer, int at, int max) {
    int length = 0;
    while (length < max && at + length < buffer.capacity() && buffer.get(at + length) != 0) {
      length++;
    }

    byte[] bytes = new byte[length];
    buffer.get(at, bytes);

    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Names a negative code of the shim, for messages. */
  static String describe(int code) {
    switch (code) {
      case E_ARGUMENT:
        return "invalid argument";
      case E_NO_AGENT:
        return "no such agent";
      case E_EXISTS:
        return "agent id already in use";
      case E_ADDRESS:
        return "not an IP address the engine accepts";
      case E_ENGINE:
        return "libnice refused the call";
      case E_GATHER:
        return "no local address could be bound";
      case E_STATE:
        return "agent is closing or already gathering";
      case E_RUNTIME:
        return "the native loop thread could not be started";
      default:
        return "native error " + code;
    }
  }
}
