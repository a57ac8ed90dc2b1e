package io.github.nicegather.hostile;

import java.net.InetSocketAddress;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/** One request being answered: who sent it, over what, and what the server shares across them. */
record Exchange(Peer peer, Stun.Message request, Bursts bursts, Shared shared) {

  /** What every exchange of one server run shares: its address, generator and counters. */
  record Shared(
      InetSocketAddress server, Random random, Counter nonces, Set<InetSocketAddress> heard) {}

  /** A counter for nonces and realms, so that each challenge differs from the last. */
  static final class Counter {
    private int next;

    synchronized int next() {
      return next++;
    }
  }

  InetSocketAddress client() {
    return peer.address();
  }

  InetSocketAddress server() {
    return shared.server();
  }

  Random random() {
    return shared.random();
  }

  String freshNonce() {
    return "nonce-" + shared.nonces().next();
  }

  /** True for the first request from this client's address and port, false for every later one. */
  boolean firstFromClient() {
    return shared.heard().add(client());
  }

  /** Queues {@code count} packets made by {@code packet} to this client, paced and budgeted. */
  void burst(int count, Function<Random, byte[]> packet) {
    bursts.send(peer, count, packet);
  }
}
