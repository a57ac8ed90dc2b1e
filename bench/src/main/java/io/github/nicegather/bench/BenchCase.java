package io.github.nicegather.bench;

import io.github.nicegather.IceGatherOptions;
import io.github.nicegather.IceGatherPolicy;
import io.github.nicegather.IceServer;
import java.util.List;

/**
 * The gatherings every suite times, by the names their result lines carry. The C twin
 * (native/bench/gather-bench.c) gives libnice the same servers, one agent per gathering.
 */
public enum BenchCase {
  /** Host candidates only. */
  HOST("host"),
  /** STUN at the bed's coturn: host and server-reflexive. */
  STUN("stun"),
  /**
   * TURN over UDP with credentials: host, srflx and relay. Not with a STUN server beside it, as
   * libnice 0.1.21 stalls for about 2 s when STUN and TURN share one address and port.
   */
  TURN("turn"),
  /** The same TURN server under the relay policy: relay candidates only. */
  RELAY("relay"),
  /** STUN at a closed port: gathering ends at the STUN gather timeout. */
  UNREACHABLE("unreachable");

  private final String label;

  BenchCase(String label) {
    this.label = label;
  }

  /** The name in result lines: host, stun, turn, relay, unreachable. */
  public String label() {
    return label;
  }

  /** The options that ask for this case's servers in {@code bed}. */
  public IceGatherOptions options(Bed bed) {
    String address = bed.server() + ":";
    IceServer turn =
        IceServer.of(
            List.of("turn:" + address + bed.turnPort() + "?transport=udp"),
            bed.user(),
            bed.password());
    IceGatherOptions.Builder options = IceGatherOptions.builder();

    return switch (this) {
      case HOST -> options.build();
      case STUN ->
          options.iceServers(List.of(IceServer.of("stun:" + address + bed.turnPort()))).build();
      case TURN -> options.iceServers(List.of(turn)).build();
      case RELAY -> options.iceServers(List.of(turn)).gatherPolicy(IceGatherPolicy.RELAY).build();
      case UNREACHABLE ->
          options.iceServers(List.of(IceServer.of("stun:" + address + bed.closedPort()))).build();
    };
  }
}
