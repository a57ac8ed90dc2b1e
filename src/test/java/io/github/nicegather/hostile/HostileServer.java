package io.github.nicegather.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A STUN and TURN server that answers wrongly on purpose, one {@link Mode} per run, on UDP and TCP
 * at one address and port. The tests start it in the bed's server namespace as a child process:
 *
 * <pre>HostileServer --mode wrong-cookie --address 10.213.1.1 --port 3502 --seed 7 --count 4000
 * </pre>
 *
 * <p>It prints {@code ready} once both sockets are bound, and stops when its standard input ends
 * (the test closes it) or after {@code --lifetime-ms}, whichever comes first, printing {@code sent
 * N} with every packet it sent. {@code --count} caps the noise of the flood and random modes.
 */
public final class HostileServer {
  private static final long DEFAULT_LIFETIME_MS = 20_000;

  final Mode mode;
  final Bursts bursts;
  final Exchange.Shared shared;
  final AtomicLong sent = new AtomicLong();
  private final long endNanos;
  private volatile boolean running = true;

  private HostileServer(Mode mode, InetSocketAddress address, long seed, int count, long lifeMs) {
    this.mode = mode;
    this.bursts = new Bursts(seed, count, sent);
    this.shared =
        new Exchange.Shared(
            address, new Random(seed), new Exchange.Counter(), ConcurrentHashMap.newKeySet());
    this.endNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(lifeMs);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    InetSocketAddress address =
        new InetSocketAddress(options.get("address"), Integer.parseInt(options.get("port")));
    HostileServer server =
        new HostileServer(
            Mode.of(options.get("mode")),
            address,
            Long.parseLong(options.getOrDefault("seed", "1")),
            Integer.parseInt(options.getOrDefault("count", "4000")),
            Long.parseLong(options.getOrDefault("lifetime-ms", "" + DEFAULT_LIFETIME_MS)));

    System.exit(server.serve(address));
  }

  /** Serves until stdin ends or the lifetime is over; 0 when stopped, 3 when it ran out. */
  private int serve(InetSocketAddress address) throws IOException, InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    UdpLoop udp = new UdpLoop(this, address);
    TcpLoop tcp = new TcpLoop(this, address);
    Thread udpThread = daemon("hostile-udp", udp);
    Thread tcpThread = daemon("hostile-tcp", tcp);
    boolean stopped;
    try {
      daemon("hostile-stdin", () -> drain(System.in, stop)).start();
      udpThread.start();
      tcpThread.start();
      System.out.println("ready " + mode.argument() + " " + address);
      stopped = stop.await(remainingNanos(), TimeUnit.NANOSECONDS);
    } finally {
      // Closed before the noise stops: a TCP write blocked on a client that reads nothing ends.
      running = false;
      udp.close();
      tcp.close();
    }

    udpThread.join(1_000);
    tcpThread.join(1_000);
    bursts.stop();
    System.out.println("sent " + sent.get());

    return stopped ? 0 : 3;
  }

  /** Whether the loops go on: not stopped and within the lifetime. */
  boolean running() {
    return running && remainingNanos() > 0;
  }

  /** Answers one message from {@code peer} as the mode says; only requests get answers. */
  void answer(Peer peer, Stun.Message message) throws IOException {
    if (message == null || message.messageClass() != Stun.REQUEST) {
      return;
    }
    for (byte[] answer : mode.answer(new Exchange(peer, message, bursts, shared))) {
      peer.send(answer);
      sent.incrementAndGet();
    }
  }

  private long remainingNanos() {
    return endNanos - System.nanoTime();
  }

  private static void drain(InputStream in, CountDownLatch stop) {
    try {
      while (in.read() >= 0) {
        // Nothing is read from the test; only the end of the stream matters.
      }
    } catch (IOException e) {
      // A broken pipe is an end too.
    }
    stop.countDown();
  }

  static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);

    return thread;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException(args[i] + ": expected --name value pairs");
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    for (String required : new String[] {"mode", "address", "port"}) {
      if (!options.containsKey(required)) {
        throw new IllegalArgumentException("--" + required + " is required");
      }
    }

    return options;
  }
}
