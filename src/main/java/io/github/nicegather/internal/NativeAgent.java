package io.github.nicegather.internal;

import io.github.nicegather.IceException;
import io.github.nicegather.IceException.Reason;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One libnice agent in the shim, named by an id that is never reused in this process.
 *
 * <p>Calls may come from any thread. After {@link #close()} every other call fails quietly in the
 * shim (no agent has the id any more), so a call racing a close cannot touch freed memory.
 */
public final class NativeAgent {
  private static final AtomicLong IDS = new AtomicLong();

  private final long id;

  private NativeAgent(long id) {
    this.id = id;
  }

  /** Reserves an id; nothing native exists until {@link #create}. */
  public static NativeAgent reserve() {
    return new NativeAgent(IDS.incrementAndGet());
  }

  public long id() {
    return id;
  }

  /** Creates the agent with one stream of one component and the given credentials. */
  public void create(
      String ufrag, String pwd, boolean lite, boolean udp, boolean tcp, int stunTimeoutMs) {
    int flags =
        (lite ? NativeShim.FLAG_LITE : 0)
            | (udp ? NativeShim.FLAG_UDP : 0)
            | (tcp ? NativeShim.FLAG_TCP : 0);

    ByteBuffer secret = Secret.copy(pwd);
    try {
      check(NativeShim.ng_agent_new(id, ufrag, secret, flags, stunTimeoutMs), "creating the agent");
    } finally {
      Secret.zero(secret);
    }
  }

  public void addLocalAddress(String ip) {
    check(NativeShim.ng_agent_add_local_address(id, ip), "adding local address " + ip);
  }

  public void setPortRange(int min, int max) {
    check(NativeShim.ng_agent_set_port_range(id, min, max), "setting ports " + min + ".." + max);
  }

  public void setStunServer(String ip, int port) {
    check(NativeShim.ng_agent_set_stun(id, ip, port), "setting STUN server " + ip);
  }

  /** Adds a TURN server and returns the index its relay candidates will carry. */
  public int addTurnServer(String ip, int port, String username, String password, boolean tcp) {
    int transport = tcp ? NativeShim.TURN_TCP : NativeShim.TURN_UDP;

    ByteBuffer secret = Secret.copy(password);
    try {
      return check(
          NativeShim.ng_agent_add_turn(id, ip, port, username, secret, transport),
          "adding TURN server " + ip);
    } finally {
      Secret.zero(secret);
    }
  }

  /**
   * Starts gathering; returns false when no local address could be bound (libnice then emits
   * nothing at all).
   */
  public boolean gather() {
    int result = NativeShim.ng_agent_gather(id);
    if (result == NativeShim.E_GATHER) {
      return false;
    }
    check(result, "starting to gather");

    return true;
  }

  /** The ufrag and password as libnice holds them: {ufrag, pwd}. */
  public String[] credentials() {
    ByteBuffer ufrag = ByteBuffer.allocateDirect(257);
    ByteBuffer pwd = ByteBuffer.allocateDirect(257);
    check(NativeShim.ng_agent_credentials(id, ufrag, 257, pwd, 257), "reading credentials");

    return new String[] {NativeShim.cString(ufrag, 0, 257), NativeShim.cString(pwd, 0, 257)};
  }

  /** Starts the native close; true if this call closed it, false if it was already gone. */
  public boolean close() {
    return NativeShim.ng_agent_close(id) == 0;
  }

  /** Agents alive in the shim, closing ones included. */
  public static int liveCount() {
    return NativeShim.ng_agent_count();
  }

  private static int check(int result, String what) {
    if (result >= 0) {
      return result;
    }

    throw new IceException(Reason.NATIVE_ERROR, what + ": " + NativeShim.describe(result));
  }
}
