package io.github.nicegather.bench.scale;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What this process holds at one moment, read from Linux's {@code /proc/self} and the JVM's
 * management beans.
 *
 * @param osThreads every thread of the process, native ones included ({@code Threads:} in status)
 * @param javaThreads live Java threads (the thread bean's count)
 * @param fds open file descriptors (entries of {@code /proc/self/fd})
 * @param rssKiB resident set ({@code VmRSS:})
 * @param heapUsedKiB Java heap in use
 * @param heapCommittedKiB Java heap committed
 * @param jvmNonHeapKiB what Native Memory Tracking counts as committed by the JVM outside the Java
 *     heap (metaspace, code, threads, GC, direct buffers...), or -1 when NMT is off
 */
public record ProcessReading(
    int osThreads,
    int javaThreads,
    int fds,
    long rssKiB,
    long heapUsedKiB,
    long heapCommittedKiB,
    long jvmNonHeapKiB) {

  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Pattern NMT_TOTAL =
      Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
  private static final Pattern NMT_HEAP =
      Pattern.compile("Java Heap \\(reserved=\\d+KB, committed=(\\d+)KB\\)");

  public static ProcessReading now() {
    List<String> status = lines(STATUS);
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();

    return new ProcessReading(
        (int) field(status, "Threads:"),
        ManagementFactory.getThreadMXBean().getThreadCount(),
        openFds(),
        field(status, "VmRSS:"),
        heap.getUsed() / 1024,
        heap.getCommitted() / 1024,
        readJvmNonHeapKiB());
  }

  /**
   * Growth of the resident set between two readings that neither the Java heap nor the JVM's own
   * native memory explains: memory of native libraries. A pre-touched heap ({@code
   * -XX:+AlwaysPreTouch} with {@code -Xms} = {@code -Xmx}) is resident from the start and explains
   * none of the growth; otherwise the growth of the committed heap is taken as resident, an upper
   * bound. Without Native Memory Tracking the JVM's own growth outside the heap is counted in. What
   * was estimated is said on stderr.
   */
  public static double nativeGrowthKiB(ProcessReading before, ProcessReading after) {
    double growth = after.rssKiB() - before.rssKiB();
    if (!heapPreTouched()) {
      System.err.println(
          "memory: the heap is not pre-touched (-XX:+AlwaysPreTouch, -Xms = -Xmx): the committed"
              + " heap's growth is taken as resident");
      growth -= after.heapCommittedKiB() - before.heapCommittedKiB();
    }
    if (before.jvmNonHeapKiB() < 0 || after.jvmNonHeapKiB() < 0) {
      System.err.println(
          "memory: Native Memory Tracking is off (-XX:NativeMemoryTracking=summary): native"
              + " memory includes the JVM's own growth outside the heap");
    } else {
      growth -= after.jvmNonHeapKiB() - before.jvmNonHeapKiB();
    }

    return growth;
  }

  private static boolean heapPreTouched() {
    var bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    return Boolean.parseBoolean(bean.getVMOption("AlwaysPreTouch").getValue());
  }

  /** Open file descriptors, not counting the one this count itself opens. */
  public static int openFds() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return (int) fds.count() - 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The soft limit on open files ({@code ulimit -n}). */
  public static long fdLimit() {
    for (String line : lines(Path.of("/proc/self/limits"))) {
      if (line.startsWith("Max open files")) {
        String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
        return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
      }
    }

    throw new IllegalStateException("/proc/self/limits has no 'Max open files' line");
  }

  /**
   * The JVM's committed memory outside the Java heap by Native Memory Tracking, read in-process
   * through the diagnostic command bean ({@code jcmd PID VM.native_memory summary}); -1 without
   * {@code -XX:NativeMemoryTracking=summary}.
   */
  static long readJvmNonHeapKiB() {
    String summary;
    try {
      summary =
          (String)
              ManagementFactory.getPlatformMBeanServer()
                  .invoke(
                      new ObjectName("com.sun.management:type=DiagnosticCommand"),
                      "vmNativeMemory",
                      new Object[] {new String[] {"summary"}},
                      new String[] {String[].class.getName()});
    } catch (JMException e) {
      return -1;
    }

    Matcher total = NMT_TOTAL.matcher(summary);
    Matcher heap = NMT_HEAP.matcher(summary);
    if (!total.find() || !heap.find()) {
      return -1;
    }

    return Long.parseLong(total.group(1)) - Long.parseLong(heap.group(1));
  }

  private static long field(List<String> status, String name) {
    for (String line : status) {
      if (line.startsWith(name)) {
        return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
      }
    }

    throw new IllegalStateException(STATUS + " has no " + name + " line");
  }

  private static List<String> lines(Path path) {
    try {
      return Files.readAllLines(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
