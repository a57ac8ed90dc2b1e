package io.github.nicegather.hostile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One {@link HostileServer} running in the bed's server namespace, as a child of the test JVM
 * (which runs as root in the LAN namespace, so {@code ip netns exec} can move the child over).
 */
final class ServerProcess implements AutoCloseable {
  /** The namespace ci/bed runs its coturns in; the hostile server runs there too. */
  private static final String SERVER_NAMESPACE = "ng-pub";

  private static final long READY_SECONDS = 10;
  private static final long STOP_SECONDS = 3;

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> output = new ArrayList<>();

  private ServerProcess(Process process) {
    this.process = process;
    HostileServer.daemon("hostile-output-" + process.pid(), this::readOutput).start();
  }

  /** Starts the server and returns once it says it is ready; fails after 10 s. */
  static ServerProcess start(Mode mode, String address, int port, long seed, int count)
      throws IOException, InterruptedException {
    List<String> command =
        List.of(
            ipCommand(),
            "netns",
            "exec",
            SERVER_NAMESPACE,
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmx64m",
            "-cp",
            ownClasses(),
            HostileServer.class.getName(),
            "--mode",
            mode.argument(),
            "--address",
            address,
            "--port",
            Integer.toString(port),
            "--seed",
            Long.toString(seed),
            "--count",
            Integer.toString(count));
    ServerProcess server =
        new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());

    String first = server.lines.poll(READY_SECONDS, TimeUnit.SECONDS);
    if (first == null || !first.startsWith("ready ")) {
      server.process.destroyForcibly().waitFor(STOP_SECONDS, TimeUnit.SECONDS);
      throw new IllegalStateException(
          mode.argument() + " server did not start: " + first + " " + server.output());
    }

    return server;
  }

  /** Closes the server's stdin, which stops it, and returns how many packets it sent. */
  long stop() throws IOException, InterruptedException {
    process.getOutputStream().close();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_SECONDS);
    String line = "";
    while (line != null && !line.startsWith("sent ")) {
      line = lines.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    boolean exited = process.waitFor(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
    if (line == null || !exited || process.exitValue() != 0) {
      close();
      throw new IllegalStateException("the hostile server did not stop cleanly: " + output());
    }

    return Long.parseLong(line.substring("sent ".length()));
  }

  /** Kills the server if it is still running and waits for it, a few seconds at most. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    try {
      process.destroyForcibly().waitFor(STOP_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized List<String> output() {
    return List.copyOf(output);
  }

  private void readOutput() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (this) {
          output.add(line);
        }
        lines.add(line);
      }
    } catch (IOException e) {
      // The process is gone; what it printed is kept.
    }
  }

  /** The test classes directory: the server needs nothing else. */
  private static String ownClasses() {
    try {
      return Path.of(
              HostileServer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String ipCommand() {
    return Stream.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip")
        .filter(p -> Files.isExecutable(Path.of(p)))
        .findFirst()
        .orElse("ip");
  }
}
