package io.github.nicegather.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The event path's threads at one moment, found by the names the library gives them: CPU time (user
 * and kernel) from the thread bean, and voluntary context switches from {@code /proc/self/task},
 * where a thread that blocks and is woken again counts one. (User time alone is left out: the JVM
 * reads it in 10 ms ticks, too coarse for a burst.)
 *
 * <p>A thread started between two readings counts from zero; one that ended in between is lost,
 * which the handler pool's 30 s idle time makes rare within a benchmark's burst.
 */
record PathThreads(Map<Long, String> names, Map<Long, Long> cpu, Map<String, Long> switches) {
  static final String PUMP = "nicegather-events";
  static final String HANDLERS = "nicegather-handler-";

  /** Linux keeps 15 characters of a thread's name. */
  private static final int COMM = 15;

  static PathThreads read() {
    var bean = ManagementFactory.getThreadMXBean();
    Map<Long, String> names = new HashMap<>();
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
      if (info != null && onPath(info.getThreadName())) {
        long id = info.getThreadId();
        names.put(id, info.getThreadName());
        cpu.put(id, bean.getThreadCpuTime(id));
      }
    }

    return new PathThreads(names, cpu, readSwitches());
  }

  long cpu(PathThreads earlier, String prefix) {
    return spent(cpu, earlier.cpu, prefix);
  }

  /** How often the threads of {@code prefix} blocked and were woken since {@code earlier}. */
  long wakeups(PathThreads earlier, String prefix) {
    String comm = shortName(prefix);
    long total = 0;
    for (Map.Entry<String, Long> thread : switches.entrySet()) {
      if (thread.getKey().startsWith(comm)) {
        total += thread.getValue() - earlier.switches.getOrDefault(thread.getKey(), 0L);
      }
    }

    return total;
  }

  private long spent(Map<Long, Long> now, Map<Long, Long> earlier, String prefix) {
    long total = 0;
    for (Map.Entry<Long, Long> thread : now.entrySet()) {
      if (names.get(thread.getKey()).startsWith(prefix) && thread.getValue() >= 0) {
        total += thread.getValue() - earlier.getOrDefault(thread.getKey(), 0L);
      }
    }

    return total;
  }

  private static String shortName(String name) {
    return name.substring(0, Math.min(COMM, name.length()));
  }

  private static boolean onPath(String name) {
    return name.startsWith(PUMP) || name.startsWith(HANDLERS);
  }

  /** Voluntary context switches by "comm/tid", for the path's threads only. */
  private static Map<String, Long> readSwitches() {
    Map<String, Long> switches = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      tasks.forEach(task -> readTask(task, switches));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    return switches;
  }

  private static void readTask(Path task, Map<String, Long> into) {
    try {
      String comm = Files.readString(task.resolve("comm")).strip();
      if (!comm.startsWith(shortName(PUMP)) && !comm.startsWith(shortName(HANDLERS))) {
        return;
      }
      for (String line : Files.readAllLines(task.resolve("status"))) {
        if (line.startsWith("voluntary_ctxt_switches:")) {
          long count = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
          into.put(comm + "/" + task.getFileName(), count);
        }
      }
    } catch (IOException e) {
      // The thread ended while being read: it has nothing more to count.
    }
  }
}
