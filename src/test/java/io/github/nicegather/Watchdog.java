package io.github.nicegather;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Bounds each iteration ("lap") of a stress test. A lap that runs past its bound, or a wait inside
 * it that does, trips the watchdog: every thread's stack is printed on stdout (with deadlocked
 * threads named), the lap's thread is interrupted and the lap ends in an {@link AssertionError}. A
 * thread that stays stuck {@link #HALT_AFTER} after the trip (a monitor deadlock cannot be
 * interrupted) ends the JVM with status 3, so that a deadlock fails the run instead of hanging it.
 *
 * <p>Laps are per thread: several threads may each run one at a time. Thread-safe.
 */
final class Watchdog implements AutoCloseable {
  static final Duration HALT_AFTER = Duration.ofSeconds(20);

  /** One lap; {@code trip} holds the message once the watchdog has tripped it. */
  private record Lap(String what, long deadline, AtomicReference<String> trip) {}

  private final Duration bound;
  private final Map<Thread, Lap> laps = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean stopped;

  Watchdog(Duration bound) {
    this.bound = bound;
    this.thread = new Thread(this::watch, "watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts a lap on the calling thread; it must end within the bound. */
  void start(String what) {
    long deadline = System.nanoTime() + bound.toNanos();
    laps.put(Thread.currentThread(), new Lap(what, deadline, new AtomicReference<>()));
  }

  /** Ends the calling thread's lap; fails if it was tripped meanwhile. */
  void end() {
    Lap lap = laps.remove(Thread.currentThread());
    if (lap != null && lap.trip().get() != null) {
      Thread.interrupted();
      throw new AssertionError(lap.trip().get() + " (every thread's stack is printed above)");
    }
  }

  /** Waits for the latch until the lap's deadline; trips the watchdog if it is not reached. */
  void await(CountDownLatch latch, String what) throws InterruptedException {
    if (!latch.await(remainingNanos(), TimeUnit.NANOSECONDS)) {
      throw trip(Thread.currentThread(), lap(), "waiting for " + what);
    }
  }

  /** Waits for the task until the lap's deadline and returns its result or rethrows its failure. */
  <T> T await(Future<T> task, String what) throws InterruptedException {
    try {
      return task.get(remainingNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw trip(Thread.currentThread(), lap(), "waiting for " + what);
    } catch (ExecutionException e) {
      throw new AssertionError(what + " failed", e.getCause());
    }
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
  }

  private Lap lap() {
    Lap lap = laps.get(Thread.currentThread());
    if (lap == null) {
      throw new IllegalStateException("await outside a lap");
    }

    return lap;
  }

  private long remainingNanos() {
    return Math.max(0, lap().deadline() - System.nanoTime());
  }

  private void watch() {
    while (!stopped) {
      long now = System.nanoTime();
      laps.forEach(
          (lapper, lap) -> {
            if (now - lap.deadline() > 0 && lap.trip().get() == null) {
              trip(lapper, lap, "running");
              lapper.interrupt();
            }
            if (now - lap.deadline() > HALT_AFTER.toNanos()) {
              System.out.println("watchdog: " + lapper.getName() + " is stuck; halting the JVM");
              System.out.println(dump());
              System.out.flush();
              Runtime.getRuntime().halt(3);
            }
          });
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Marks the lap tripped and, the first time, prints every thread's stack. */
  private AssertionError trip(Thread lapper, Lap lap, String doing) {
    String message =
        "watchdog: " + lap.what() + " on " + lapper.getName() + " exceeded " + bound + " " + doing;
    if (lap.trip().compareAndSet(null, message)) {
      synchronized (System.out) {
        System.out.println(message);
        System.out.println(dump());
        System.out.flush();
      }
    }

    return new AssertionError(lap.trip().get() + " (every thread's stack is printed above)");
  }

  /**
   * Every thread's full stack, from {@code ThreadMXBean.dumpAllThreads}, with the monitors and
   * locks each holds and waits for; deadlocked threads named first. Called by reflection: tests are
   * compiled inside the library's module, which does not read java.management, but run on the class
   * path, where every module is readable.
   */
  static String dump() {
    try {
      Object threads =
          Class.forName("java.lang.management.ManagementFactory")
              .getMethod("getThreadMXBean")
              .invoke(null);
      Class<?> bean = Class.forName("java.lang.management.ThreadMXBean");
      StringBuilder out = new StringBuilder();
      long[] deadlocked = (long[]) bean.getMethod("findDeadlockedThreads").invoke(threads);
      if (deadlocked != null) {
        out.append("deadlocked thread ids: ").append(Arrays.toString(deadlocked)).append('\n');
      }
      Object[] infos =
          (Object[])
              bean.getMethod("dumpAllThreads", boolean.class, boolean.class)
                  .invoke(threads, true, true);
      for (Object info : infos) {
        describe(info, out);
      }

      return out.toString();
    } catch (ReflectiveOperationException e) {
      return "no thread dump: " + e;
    }
  }

  private static void describe(Object info, StringBuilder out) throws ReflectiveOperationException {
    out.append('"').append(get(info, "getThreadName")).append("\" ");
    out.append(get(info, "getThreadState"));
    if (get(info, "getLockName") != null) {
      out.append(" on ").append(get(info, "getLockName"));
    }
    if (get(info, "getLockOwnerName") != null) {
      out.append(" owned by \"").append(get(info, "getLockOwnerName")).append('"');
    }
    out.append('\n');
    StackTraceElement[] stack = (StackTraceElement[]) get(info, "getStackTrace");
    Object[] monitors = (Object[]) get(info, "getLockedMonitors");
    for (int i = 0; i < stack.length; i++) {
      out.append("    at ").append(stack[i]).append('\n');
      for (Object monitor : monitors) {
        if ((int) get(monitor, "getLockedStackDepth") == i) {
          out.append("    - locked ").append(monitor).append('\n');
        }
      }
    }
    for (Object lock : (Object[]) get(info, "getLockedSynchronizers")) {
      out.append("    - holds ").append(lock).append('\n');
    }
    out.append('\n');
  }

  private static Object get(Object target, String method) throws ReflectiveOperationException {
    Method getter = target.getClass().getMethod(method);

    return getter.invoke(target);
  }
}
