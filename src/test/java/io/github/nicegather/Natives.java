package io.github.nicegather;

import io.github.nicegather.internal.EventPump;
import io.github.nicegather.internal.NativeAgent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the native side holds, for tests that check nothing is created or left behind. */
final class Natives {
  private Natives() {}

  /** Waits, at most 10 s, until no agent is alive in the shim or routed by the event pump. */
  static void awaitIdle() throws InterruptedException {
    long until = System.nanoTime() + 10_000_000_000L;
    while (NativeAgent.liveCount() != 0 || EventPump.registered() != 0) {
      if (System.nanoTime() > until) {
        throw new AssertionError(
            "native agents still alive: "
                + NativeAgent.liveCount()
                + " in the shim, "
                + EventPump.registered()
                + " routed");
      }
      Thread.sleep(10);
    }
  }

  static int openFileDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return (int) fds.count();
    }
  }

  static int threads() {
    return Thread.activeCount();
  }
}
