package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM ends cleanly with gatherers still open, and a second copy of the library in another class
 * loader either works or says why not. Each case runs {@link ShutdownProbe} in a child JVM (in the
 * bed's namespace, like this one), with its crash log pointed at a directory of its own.
 */
// Linux: it signals the child for a thread dump when it hangs.
@EnabledOnOs(OS.LINUX)
class ShutdownTest {
  /** JVM start-up, 50 gatherers and the exit, with room for a loaded machine. */
  private static final Duration EXIT_BOUND = Duration.ofSeconds(10);

  private static final int OPEN = 50;

  @TempDir Path dir;

  /** What a child JVM did. */
  private record Outcome(int exitCode, List<String> lines, long millis, List<Path> crashLogs) {
    String output() {
      return String.join("\n", lines);
    }
  }

  @Test
  void returningFromMainWithFiftyGatherersMidGatheringEndsTheJvmAtOnce() throws Exception {
    Bed.require();

    Outcome child = run(EXIT_BOUND, "return", silentStun(), Integer.toString(OPEN));

    assertThat(child.crashLogs()).isEmpty();
    assertThat(child.exitCode()).as(child.output()).isZero();
    assertThat(child.lines()).containsExactly("candidates=true", "gathering=" + OPEN);
    System.out.printf(
        "shutdown: main returned with %d open, exit 0 after %d ms%n", OPEN, child.millis());
  }

  @Test
  void systemExitFromInsideAHandlerEndsTheJvmWithItsStatus() throws Exception {
    Bed.require();

    Outcome child = run(EXIT_BOUND, "exit-in-handler", silentStun(), Integer.toString(OPEN));

    assertThat(child.crashLogs()).isEmpty();
    assertThat(child.exitCode()).as(child.output()).isZero();
    assertThat(child.lines())
        .hasSize(3)
        .startsWith("candidates=true", "gathering=" + OPEN)
        .last()
        .asString()
        .startsWith("exiting=nicegather-handler-");
    System.out.printf(
        "shutdown: System.exit(0) in a handler, exit 0 after %d ms%n", child.millis());
  }

  @Test
  void aSecondClassLoaderEitherGathersAsWellOrIsRefusedWithAClearMessage() throws Exception {
    Outcome child = run(Duration.ofSeconds(60), "two-loaders");

    List<String> lines = child.lines();
    String all = child.output();
    assertThat(child.crashLogs()).isEmpty();
    assertThat(child.exitCode()).as(all).isZero();
    assertThat(lines).as(all).contains("first.available=true", "first.cause=null");
    String candidates = value(lines, "first.alone");
    assertThat(candidates).as(all).endsWith(" candidates");
    if (lines.contains("second.available=false")) {
      assertThat(value(lines, "second.cause")).as(all).contains("class loader");
    } else {
      // Both loaded: then each must gather everything, alone and side by side.
      assertThat(lines)
          .as(all)
          .contains(
              "second.available=true",
              "second.alone=" + candidates,
              "second.whileFirstOpen=" + candidates,
              "first.kept=" + candidates);
    }
    System.out.println("shutdown: two class loaders: " + String.join(", ", lines));
  }

  /** Runs the probe; on overrunning the bound it takes a thread dump (SIGQUIT) and fails. */
  private Outcome run(Duration bound, String... args) throws Exception {
    Path output = dir.resolve("output.txt");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.add("-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add(ShutdownProbe.class.getName());
    command.addAll(List.of(args));
    long start = System.nanoTime();
    Process child =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();

    if (!child.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
      new ProcessBuilder("kill", "-QUIT", Long.toString(child.pid())).start().waitFor();
      child.waitFor(2, TimeUnit.SECONDS);
      child.destroyForcibly().waitFor();
      throw new AssertionError(
          "the child JVM did not end within "
              + bound
              + "; its output and threads:\n"
              + read(output));
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    return new Outcome(child.exitValue(), read(output).lines().toList(), millis, crashLogs());
  }

  private List<Path> crashLogs() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static String value(List<String> lines, String key) {
    return lines.stream()
        .filter(l -> l.startsWith(key + "="))
        .map(l -> l.substring(key.length() + 1))
        .findFirst()
        .orElse("<no " + key + ">");
  }

  /** The bed's closed port: gathering stays open for the whole STUN timeout. */
  private static String silentStun() {
    return "stun:" + Bed.SERVER_V4 + ":" + Bed.CLOSED_PORT;
  }
}
