package io.github.nicegather.bench;

import io.github.nicegather.NiceGather;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where and with what the figures were measured, read by the report's own process on the same
 * machine and with the same JDK and native library as the runs.
 *
 * @param date when the report was written, UTC
 * @param cpu the CPU model from /proc/cpuinfo
 * @param processors the processors this JVM may use, as nproc counts them
 * @param kernel the operating system and kernel release
 * @param jdk the Java runtime
 * @param engine libnice and GLib as the native library reports them
 * @param libnice the source package the bundled libnice was built from
 * @param patches the patches applied to it, by file name
 */
record Machine(
    String date,
    String cpu,
    int processors,
    String kernel,
    String jdk,
    String engine,
    String libnice,
    List<String> patches) {

  /**
   * This machine, with the bundled libnice described by {@code stamp}, the file ci/libnice-build
   * writes beside its build: a {@code source} line and a {@code patch NAME SHA256} line per patch.
   */
  static Machine here(Path stamp) throws IOException {
    List<String> lines = Files.isReadable(stamp) ? Files.readAllLines(stamp) : List.of();

    return new Machine(
        ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        engineVersion(),
        field(lines, "source").stream().findFirst().orElse("unknown (no " + stamp + ")"),
        field(lines, "patch").stream().map(patch -> patch.split(" ")[0]).toList());
  }

  /** The rest of each line that starts with {@code name} and a space. */
  private static List<String> field(List<String> lines, String name) {
    return lines.stream()
        .filter(line -> line.startsWith(name + " "))
        .map(line -> line.substring(name.length() + 1).strip())
        .toList();
  }

  private static String cpuModel() throws IOException {
    Path info = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(info)) {
      return "unknown";
    }
    try (Stream<String> lines = Files.lines(info)) {
      return lines
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("unknown");
    }
  }

  // The report is still worth writing when the library does not load; the runs will have said why.
  private static String engineVersion() {
    try {
      return NiceGather.engineVersion();
    } catch (RuntimeException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
