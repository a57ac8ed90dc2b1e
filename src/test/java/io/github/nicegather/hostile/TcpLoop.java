package io.github.nicegather.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepts TURN-over-TCP clients and has the server answer each framed request (RFC 8489 section
 * 6.2.2: a stream carries whole messages, each sized by its header). One thread per connection.
 */
final class TcpLoop implements Runnable, AutoCloseable {
  private static final int MAX_CONNECTIONS = 64;
  private static final int MAX_FRAMES = 1_000;
  private static final int POLL_MS = 50;

  private final HostileServer server;
  private final ServerSocket listener;
  private final List<Socket> accepted = new ArrayList<>();

  TcpLoop(HostileServer server, InetSocketAddress address) throws IOException {
    this.server = server;
    this.listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(address, 16);
    listener.setSoTimeout(POLL_MS);
  }

  @Override
  public void run() {
    while (accepted.size() < MAX_CONNECTIONS && server.running()) {
      try {
        Socket socket = listener.accept();
        socket.setSoTimeout(POLL_MS);
        synchronized (accepted) {
          accepted.add(socket);
        }
        HostileServer.daemon("hostile-tcp-" + accepted.size(), () -> serve(socket)).start();
      } catch (SocketTimeoutException e) {
        // Only a chance to see whether the server is stopping.
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      Peer peer = new StreamPeer((InetSocketAddress) socket.getRemoteSocketAddress(), socket);
      byte[] header = new byte[Stun.HEADER];
      for (int frames = 0; frames < MAX_FRAMES && readFully(in, header); frames++) {
        if ((header[0] & 0xC0) != 0) {
          return; // Not STUN: the stream cannot be followed any further.
        }
        byte[] frame = java.util.Arrays.copyOf(header, Stun.frameLength(header));
        if (!readFully(in, frame, Stun.HEADER)) {
          return;
        }
        server.answer(peer, Stun.parse(frame, frame.length));
      }
    } catch (IOException e) {
      // The client hung up or the server is closing: either way this connection is over.
    }
  }

  private boolean readFully(InputStream in, byte[] buffer) throws IOException {
    return readFully(in, buffer, 0);
  }

  private boolean readFully(InputStream in, byte[] buffer, int from) throws IOException {
    int at = from;
    while (at < buffer.length && server.running()) {
      try {
        int read = in.read(buffer, at, buffer.length - at);
        if (read < 0) {
          return false;
        }
        at += read;
      } catch (SocketTimeoutException e) {
        // Polling, as in accept.
      }
    }

    return at == buffer.length;
  }

  @Override
  public void close() throws IOException {
    listener.close();
    synchronized (accepted) {
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  /** A client on a stream: writes are whole messages, never interleaved. */
  private record StreamPeer(InetSocketAddress address, Socket socket) implements Peer {
    @Override
    public void send(byte[] message) throws IOException {
      synchronized (this) {
        OutputStream out = socket.getOutputStream();
        out.write(message);
        out.flush();
      }
    }
  }
}
