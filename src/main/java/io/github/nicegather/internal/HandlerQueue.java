package io.github.nicegather.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one gatherer's handler calls one at a time, in the order they were queued, on the shared
 * handler pool. Nothing here holds a lock while user code runs, so a handler may call any method of
 * its gatherer.
 *
 * <p>A queue can be held: tasks pile up without running until {@link #release()}. The gatherer
 * holds it while {@code gather()} runs so that no handler runs inside {@code gather()}, and so that
 * a failed start can take back every event it queued.
 */
public final class HandlerQueue {
  private static final System.Logger LOG = System.getLogger("io.github.nicegather");
  private static final int TURN = 32;
  private static final ThreadLocal<HandlerQueue> RUNNING = new ThreadLocal<>();

  private final String owner;
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private boolean scheduled;
  private boolean held;

  /**
   * @param owner names the gatherer in log lines
   */
  public HandlerQueue(String owner) {
    this.owner = owner;
  }

  /** Queues a handler call. */
  public void add(Runnable task) {
    boolean start;
    synchronized (tasks) {
      tasks.add(task);
      start = !scheduled && !held;
      scheduled |= start;
    }

    if (start) {
      SharedThreads.HANDLERS.execute(this::drain);
    }
  }

  /** Stops running tasks until {@link #release()}; tasks keep being queued. */
  public void hold() {
    synchronized (tasks) {
      held = true;
    }
  }

  /** Runs what was queued while held, and everything after. */
  public void release() {
    boolean start;
    synchronized (tasks) {
      held = false;
      start = !scheduled && !tasks.isEmpty();
      scheduled |= start;
    }

    if (start) {
      SharedThreads.HANDLERS.execute(this::drain);
    }
  }

  /** Drops every task queued while held, and releases. */
  public void discardHeld() {
    synchronized (tasks) {
      tasks.clear();
      held = false;
    }
  }

  /** True when the calling thread is running one of this queue's tasks. */
  public boolean isCurrentThread() {
    return RUNNING.get() == this;
  }

  /**
   * Returns once every task queued before this call has run. Must not be called from one of this
   * queue's own tasks, which would wait for itself.
   */
  public void awaitIdle() throws InterruptedException {
    CountDownLatch reached = new CountDownLatch(1);
    add(reached::countDown);
    reached.await();
  }

  private void drain() {
    RUNNING.set(this);
    try {
      for (int i = 0; i < TURN; i++) {
        Runnable task;
        synchronized (tasks) {
          task = held ? null : tasks.poll();
          if (task == null) {
            scheduled = false;
            return;
          }
        }

        run(task);
      }
    } finally {
      RUNNING.remove();
    }

    // A busy gatherer yields its pool thread after a turn so others are served too.
    SharedThreads.HANDLERS.execute(this::drain);
  }

  private void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      // A handler's failure is the user's bug, not a reason to stop delivering.
      LOG.log(Level.WARNING, "handler of gatherer " + owner + " threw", e);
    }
  }
}
