package io.github.nicegather.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The library's threads, fixed in number whatever the number of gatherers: the handler pool (user
 * code), one timer (gathering deadlines) and a small resolver pool (host names in ICE server URLs).
 * The event pump and the native loop thread are the other two.
 */
public final class SharedThreads {
  /** Threads that run user handlers; {@code -Dnicegather.handlerThreads=N} overrides. */
  public static final int HANDLER_THREADS =
      Integer.getInteger(
          "nicegather.handlerThreads", Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));

  private static final int RESOLVER_THREADS = 2;

  static final ExecutorService HANDLERS = fixedPool("nicegather-handler-", HANDLER_THREADS);
  static final ExecutorService RESOLVERS = fixedPool("nicegather-resolver-", RESOLVER_THREADS);
  static final ScheduledThreadPoolExecutor TIMER = timer();

  private SharedThreads() {}

  /** Runs {@code task} once after {@code millis} on the library's timer thread. */
  public static ScheduledFuture<?> schedule(Runnable task, long millis) {
    return TIMER.schedule(task, millis, TimeUnit.MILLISECONDS);
  }

  /** Runs {@code task}, which may block in a name lookup, on the resolver pool. */
  public static void resolve(Runnable task) {
    RESOLVERS.execute(task);
  }

  private static ExecutorService fixedPool(String prefix, int threads) {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon(prefix));
    // Idle pools hold no threads, so a JVM that only loaded the library pays nothing.
    pool.allowCoreThreadTimeOut(true);

    return pool;
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, daemon("nicegather-timer-"));
    timer.setRemoveOnCancelPolicy(true);

    return timer;
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();

    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
