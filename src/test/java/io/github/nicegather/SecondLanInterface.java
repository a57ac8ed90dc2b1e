package io.github.nicegather;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A second interface in the bed's LAN namespace, for tests of interface and CIDR scoping: a veth
 * pair whose both ends stay in the namespace, so nothing sent on it goes anywhere. The test JVM
 * runs as root inside the namespace (ci/netns/bin/java), so it can make and remove it itself. Use
 * it with {@code @ExtendWith(SecondLanInterface.class)}: it is there for the whole class.
 */
final class SecondLanInterface implements BeforeAllCallback, AfterAllCallback {
  static final String NAME = "lan1";
  static final String V4 = "10.213.4.2";
  static final String V6 = "fd13:0:0:4::2";

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Bed.require();
    add();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (Boolean.getBoolean("nicegather.bed")) {
      remove();
    }
  }

  private static void add() throws IOException, InterruptedException {
    remove();
    ip("link", "add", NAME, "type", "veth", "peer", "name", NAME + "peer");
    ip("addr", "add", V4 + "/24", "dev", NAME);
    ip("-6", "addr", "add", V6 + "/64", "dev", NAME, "nodad");
    ip("link", "set", NAME + "peer", "up");
    ip("link", "set", NAME, "up");
    awaitRunning();
    NiceGather.refreshLocalAddresses();
  }

  /**
   * libnice lists only interfaces that are up and running: a veth runs once its peer's carrier is.
   */
  private static void awaitRunning() throws IOException, InterruptedException {
    Path state = Path.of("/sys/class/net", NAME, "operstate");
    long until = System.nanoTime() + 5_000_000_000L;
    while (!Files.readString(state).strip().equals("up")) {
      if (System.nanoTime() > until) {
        throw new IOException(NAME + " did not come up within 5 s");
      }
      Thread.sleep(10);
    }
  }

  private static void remove() throws IOException, InterruptedException {
    new ProcessBuilder("ip", "link", "del", NAME).redirectErrorStream(true).start().waitFor();
    NiceGather.refreshLocalAddresses();
  }

  static void ip(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("ip"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }
}
