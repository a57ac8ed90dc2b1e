package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linux-arm64 classifier jar, loaded by an arm64 JVM under qemu-user: it must load and gather
 * host candidates. ci/build-linux-arm64 builds the jar into target/arm64 and unpacks Debian's arm64
 * JRE beside it; the test then runs {@link Main} with this build's API and test classes, which are
 * the same bytecode on every architecture.
 *
 * <p>Where the pieces are: {@code -Dnicegather.qemu} (default: qemu-aarch64 on the PATH), {@code
 * -Dnicegather.arm64.java} (default: target/arm64/jre/bin/java) and {@code -Dnicegather.arm64.jar}
 * (default: the newest target/arm64/nicegather-*-linux-arm64.jar).
 */
class Arm64SmokeTest {
  private static final Path BUILD = Path.of("target", "arm64");
  private static final long LIMIT_SECONDS = 120;

  @Test
  void theArm64JarLoadsAndGathersHostCandidatesUnderQemu(@TempDir Path work) throws Exception {
    Path qemu = qemu();
    Path java = Path.of(System.getProperty("nicegather.arm64.java", BUILD + "/jre/bin/java"));
    Path jar = arm64Jar();
    requirePresent(qemu, java, jar);

    Outcome run = run(command(qemu, java, jar, work.resolve("cache")), work.resolve("output"));
    List<String> lines = run.lines();

    assertThat(run.finished())
        .as("the arm64 JVM still ran after %d s; its output:%n%s", LIMIT_SECONDS, lines)
        .isTrue();
    assertThat(run.status()).as("exit status; output:%n%s", lines).isZero();
    assertThat(lines).as("output").contains("os.arch aarch64");
    List<String> hostV4 = lines.stream().filter(line -> line.startsWith("udp4 host ")).toList();
    assertThat(hostV4).as("udp4 host candidates in:%n%s", lines).isNotEmpty();
    if (Boolean.getBoolean("nicegather.bed") && !Bed.LAN_V4.isEmpty()) {
      assertThat(hostV4)
          .singleElement()
          .asString()
          .matches("udp4 host " + Pattern.quote(Bed.LAN_V4) + ":\\d+");
    }
  }

  /** Runs in the arm64 JVM: gathers host candidates and prints one per line. */
  static final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
      System.out.println("os.arch " + System.getProperty("os.arch"));
      try (IceGatherer gatherer =
          IceApi.create().newIceGatherer(IceGatherOptions.builder().build())) {
        gatherer.gather();
        for (IceCandidate candidate : gatherer.gatheringComplete().get(60, TimeUnit.SECONDS)) {
          System.out.println(candidate);
        }
      }
    }
  }

  private static List<String> command(Path qemu, Path java, Path jar, Path cache) throws Exception {
    String classPath =
        String.join(
            File.pathSeparator,
            codeOf(Main.class),
            codeOf(IceApi.class),
            jar.toString(),
            codeOf(Loader.class));

    // C1 only: the run is all start-up, which C2's compiler threads only slow down under
    // emulation (about 0.5 s of 3 here).
    return List.of(
        qemu.toString(),
        java.toString(),
        "-XX:TieredStopAtLevel=1",
        "-Dorg.bytedeco.javacpp.cachedir=" + cache,
        "-cp",
        classPath,
        Main.class.getName());
  }

  private record Outcome(boolean finished, int status, List<String> lines) {}

  /** Runs the command to its end, or kills it after {@link #LIMIT_SECONDS}. */
  private static Outcome run(List<String> command, Path output) throws Exception {
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean finished = child.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      child.destroyForcibly().waitFor();
    }

    return new Outcome(finished, child.exitValue(), Files.readAllLines(output));
  }

  private static Path qemu() {
    String name = System.getProperty("nicegather.qemu", "qemu-aarch64");
    if (name.contains(File.separator)) {
      return Path.of(name);
    }

    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(directory, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }

    return Path.of(name);
  }

  private static Path arm64Jar() throws IOException {
    String given = System.getProperty("nicegather.arm64.jar");
    if (given != null) {
      return Path.of(given);
    }

    if (!Files.isDirectory(BUILD)) {
      return BUILD.resolve("nicegather-VERSION-linux-arm64.jar");
    }
    try (Stream<Path> files = Files.list(BUILD)) {
      return files
          .filter(file -> file.getFileName().toString().matches("nicegather-.*-linux-arm64\\.jar"))
          .max(Comparator.comparing(file -> file.toFile().lastModified()))
          .orElse(BUILD.resolve("nicegather-VERSION-linux-arm64.jar"));
    }
  }

  /** Skips the test when a piece is missing, or fails it under CI=true, saying what to do. */
  private static void requirePresent(Path qemu, Path java, Path jar) {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(qemu)) {
      missing.add(qemu + " (Debian: qemu-user)");
    }
    if (!Files.isExecutable(java)) {
      missing.add(java + " (Debian's openjdk-17-jre-headless:arm64, unpacked)");
    }
    if (!Files.isRegularFile(jar)) {
      missing.add(jar + " (the linux-arm64 classifier jar)");
    }
    if (missing.isEmpty()) {
      return;
    }

    String why =
        "no arm64 run under qemu: missing "
            + String.join(", ", missing)
            + "; ci/build-linux-arm64 installs, unpacks and builds them";
    if ("true".equals(System.getenv("CI"))) {
      fail(why + ", and CI=true requires them");
    }
    Assumptions.abort(why);
  }

  private static String codeOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
