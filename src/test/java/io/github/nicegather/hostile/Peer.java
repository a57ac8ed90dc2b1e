package io.github.nicegather.hostile;

import java.io.IOException;
import java.net.InetSocketAddress;

/** The client at the other end of a UDP flow or a TCP connection, as the server sees it. */
interface Peer {
  /** The client's address and port as they reach the server: after the bed's NAT. */
  InetSocketAddress address();

  /** Sends one message: a datagram over UDP, bytes on the stream over TCP. */
  void send(byte[] message) throws IOException;
}
