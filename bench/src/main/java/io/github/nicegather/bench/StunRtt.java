package io.github.nicegather.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The network round trip a gatherer faces: a STUN Binding request to the bed's server and its
 * success response, from a new socket each time, so that each one also crosses a new NAT mapping as
 * a new gatherer's first request does.
 */
final class StunRtt {
  // RFC 8489 section 5: a 20-byte header; Binding request 0x0001, success response 0x0101.
  private static final int HEADER = 20;
  private static final short BINDING_REQUEST = 0x0001;
  private static final short BINDING_SUCCESS = 0x0101;
  private static final int MAGIC_COOKIE = 0x2112A442;
  private static final int TIMEOUT_MS = 500;
  private static final int WARMUPS = 3;

  private final InetSocketAddress server;
  private final SecureRandom random = new SecureRandom();

  StunRtt(InetSocketAddress server) {
    this.server = server;
  }

  /** Round trips in ms, after a few untimed ones; a lost request or a wrong answer is skipped. */
  Samples measure(int count) throws IOException {
    Samples samples = new Samples();
    for (int i = -WARMUPS; i < count; i++) {
      double ms = once();
      if (i >= 0 && ms >= 0) {
        samples.add(ms);
      }
    }

    return samples;
  }

  /** One request and its answer in ms, or -1 if none came within 500 ms. */
  private double once() throws IOException {
    byte[] transaction = new byte[12];
    random.nextBytes(transaction);
    byte[] request =
        ByteBuffer.allocate(HEADER)
            .putShort(BINDING_REQUEST)
            .putShort((short) 0)
            .putInt(MAGIC_COOKIE)
            .put(transaction)
            .array();
    byte[] buffer = new byte[1500];

    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout(TIMEOUT_MS);
      socket.connect(server);
      DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
      long start = System.nanoTime();
      socket.send(new DatagramPacket(request, request.length));
      socket.receive(answer);
      long end = System.nanoTime();

      return isAnswerTo(transaction, answer) ? (end - start) / 1e6 : -1;
    } catch (SocketTimeoutException e) {
      return -1;
    }
  }

  private static boolean isAnswerTo(byte[] transaction, DatagramPacket answer) {
    if (answer.getLength() < HEADER) {
      return false;
    }
    ByteBuffer header = ByteBuffer.wrap(answer.getData(), 0, HEADER);
    byte[] echoed = new byte[12];
    boolean success = header.getShort() == BINDING_SUCCESS;
    header.getShort();
    boolean cookie = header.getInt() == MAGIC_COOKIE;
    header.get(echoed);

    return success && cookie && Arrays.equals(transaction, echoed);
  }
}
