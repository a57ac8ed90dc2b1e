package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Loading users can debug: what is available, and what a failure says. */
// Linux: it reads /proc and names the Linux libraries.
@EnabledOnOs(OS.LINUX)
class NativeLoadingTest {
  private static final Path NATIVE_DIR =
      Path.of("target/classes/io/github/nicegather/internal/linux-x86_64").toAbsolutePath();

  @Test
  void theEngineIsAvailableAndSaysWhichItIs() {
    assertThat(NiceGather.isAvailable()).isTrue();
    assertThat(NiceGather.unavailabilityCause()).isNull();
    assertThat(NiceGather.engineVersion()).matches("libnice 0\\.1\\.21, GLib 2\\.\\d+\\.\\d+");
  }

  @Test
  void aMissingClassifierJarIsExplainedWithThePlatformTheFileAndTheFix() throws Exception {
    // Pretend to be another platform: its classifier jar is certainly not on the class path.
    List<String> out = probe("-Dorg.bytedeco.javacpp.platform=linux-arm64");

    assertThat(out)
        .containsExactly(
            "available=false",
            "cause=the nicegather native library could not be loaded for platform linux-arm64: "
                + "looked for io/github/nicegather/internal/linux-arm64/libjniNativeShim.so on the "
                + "class path; add the dependency io.github.nicegather:nicegather:<version>:"
                + "linux-arm64 (or io.github.nicegather:nicegather-platform), or set "
                + "-Dnicegather.library.path=<directory with both libraries>; cause: "
                + "java.lang.UnsatisfiedLinkError: no jniNativeShim in java.library.path: "
                + System.getProperty("java.library.path"));
  }

  @Test
  void anExplicitDirectoryIsUsedInsteadOfTheJar() throws Exception {
    List<String> out =
        probe(
            "-Dorg.bytedeco.javacpp.platform=linux-arm64",
            "-Dnicegather.library.path=" + NATIVE_DIR);

    assertThat(out).containsExactly("available=true", "cause=null");
  }

  @Test
  void anExplicitDirectoryWithoutTheLibrariesIsNamed() throws Exception {
    List<String> out = probe("-Dnicegather.library.path=/nonexistent");

    assertThat(out)
        .containsExactly(
            "available=false",
            "cause=the nicegather native library could not be loaded from "
                + "nicegather.library.path=/nonexistent (platform linux-x86_64; it must hold "
                + "libnicegather.so and libjniNativeShim.so built for it): "
                + "java.lang.UnsatisfiedLinkError: nicegather.library.path=/nonexistent: "
                + "no /nonexistent/libnicegather.so");
  }

  private static List<String> probe(String... properties) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of(properties));
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), LoadProbe.class.getName()));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!child.waitFor(60, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      throw new AssertionError("probe did not end: " + output);
    }

    return output.lines().toList();
  }
}
