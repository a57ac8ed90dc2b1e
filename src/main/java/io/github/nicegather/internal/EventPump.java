package io.github.nicegather.internal;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one Java thread that drains the shim's event queue.
 *
 * <p>It blocks in {@code ng_poll}, takes up to a batch of records per call and hands each to the
 * listener of its agent. Listeners only update state and queue work for the user's handlers; they
 * never run user code here, so one slow handler cannot hold up other gatherers' events. Native code
 * never calls into Java: an upcall from the loop thread would cost more per event, and an exception
 * escaping it would abort the JVM.
 */
public final class EventPump {
  /** What the pump tells the owner of an agent. Called on the pump thread; must be quick. */
  public interface Listener {
    void onCandidate(NativeCandidate candidate);

    void onGatheringDone();

    /** The native side is freed; nothing more will come for this id. */
    default void onClosed() {}
  }

  private static final System.Logger LOG = System.getLogger("io.github.nicegather.native");
  private static final int BATCH = 256;
  private static final int WAIT_MS = 1000;
  private static final Map<Long, Listener> LISTENERS = new ConcurrentHashMap<>();
  // Started with the class: the pump runs from the first use of the binding until the JVM ends.
  private static final Thread THREAD = startThread();

  private EventPump() {}

  /** Routes the events of agent {@code id} to {@code listener} until the agent is closed. */
  public static void register(long id, Listener listener) {
    LISTENERS.put(id, listener);
  }

  /** Stops routing events of {@code id}, for an agent that was never created natively. */
  public static void unregister(long id) {
    LISTENERS.remove(id);
  }

  /** The number of agents whose native side has not reported closed yet. */
  public static int registered() {
    return LISTENERS.size();
  }

  private static Thread startThread() {
    Thread thread = new Thread(EventPump::run, "nicegather-events");
    thread.setDaemon(true);
    thread.start();

    return thread;
  }

  private static void run() {
    ByteBuffer batch =
        ByteBuffer.allocateDirect(BATCH * NativeShim.RECORD_SIZE).order(ByteOrder.nativeOrder());

    while (true) {
      int count = NativeShim.ng_poll(batch, batch.capacity(), WAIT_MS);

      for (int i = 0; i < count; i++) {
        dispatch(batch, i * NativeShim.RECORD_SIZE);
      }
    }
  }

  private static void dispatch(ByteBuffer batch, int at) {
    long id = batch.getLong(at);
    int kind = batch.getInt(at + 8);

    if (kind == NativeShim.EVENT_LOG) {
      if (LOG.isLoggable(Level.DEBUG)) {
        LOG.log(Level.DEBUG, "libnice: " + NativeShim.cString(batch, at + 24, 168));
      }
      return;
    }

    Listener listener = kind == NativeShim.EVENT_CLOSED ? LISTENERS.remove(id) : LISTENERS.get(id);
    if (listener == null) {
      return;
    }

    try {
      switch (kind) {
        case NativeShim.EVENT_CANDIDATE -> listener.onCandidate(candidate(batch, at));
        case NativeShim.EVENT_DONE -> listener.onGatheringDone();
        case NativeShim.EVENT_CLOSED -> listener.onClosed();
        default -> LOG.log(Level.WARNING, "unknown native event kind " + kind);
      }
    } catch (RuntimeException | Error e) {
      // This thread serves every gatherer: nothing one listener does may stop it.
      LOG.log(Level.WARNING, "event of gatherer " + id + " failed", e);
    }
  }

  private static NativeCandidate candidate(ByteBuffer b, int at) {
    return new NativeCandidate(
        b.get(at + 20) & 0xff,
        b.get(at + 21) & 0xff,
        b.get(at + 22) & 0xff,
        b.getInt(at + 12) & 0xffffffffL,
        NativeShim.cString(b, at + 24, 64),
        b.getShort(at + 16) & 0xffff,
        NativeShim.cString(b, at + 88, 64),
        b.getShort(at + 18) & 0xffff,
        NativeShim.cString(b, at + 152, 40),
        b.get(at + 23) & 0xff);
  }
}
