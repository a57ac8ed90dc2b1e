package io.github.nicegather.hostile;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/** Reads datagrams and has the server answer each, until it stops or has read its fill. */
final class UdpLoop implements Runnable, AutoCloseable {
  /** More requests than any gathering sends; a client gone mad cannot keep the loop forever. */
  private static final int MAX_DATAGRAMS = 50_000;

  private static final int POLL_MS = 50;

  private final HostileServer server;
  private final DatagramSocket socket;

  UdpLoop(HostileServer server, InetSocketAddress address) throws SocketException {
    this.server = server;
    this.socket = new DatagramSocket(null);
    socket.setReuseAddress(true);
    socket.bind(address);
    socket.setSoTimeout(POLL_MS);
  }

  @Override
  public void run() {
    byte[] buffer = new byte[65_536];
    for (int read = 0; read < MAX_DATAGRAMS && server.running(); read++) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
        Peer peer = new DatagramPeer(socket, (InetSocketAddress) packet.getSocketAddress());
        server.answer(peer, Stun.parse(buffer, packet.getLength()));
      } catch (SocketTimeoutException e) {
        // Only a chance to see whether the server is stopping.
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
        System.err.println("udp: " + e);
      }
    }
  }

  @Override
  public void close() {
    socket.close();
  }

  /** A client behind the NAT, answered from the port it wrote to. */
  private record DatagramPeer(DatagramSocket socket, InetSocketAddress address) implements Peer {
    @Override
    public void send(byte[] message) throws IOException {
      socket.send(new DatagramPacket(message, message.length, address));
    }
  }
}
