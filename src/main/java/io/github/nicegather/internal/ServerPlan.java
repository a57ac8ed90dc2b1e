package io.github.nicegather.internal;

import io.github.nicegather.IceCandidateError;
import io.github.nicegather.IceGatherPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of the configured servers libnice can use, and an error for each one it cannot. The
 * engine's limits are reported as candidate errors rather than hidden: one STUN server per agent,
 * no STUN or TURN over TLS, at most eight TURN servers per component.
 */
public final class ServerPlan {
  static final int MAX_TURN = 8;

  private final ServerUrl stun;
  private final List<ServerUrl> turn;
  private final List<IceCandidateError> unusable;

  private ServerPlan(ServerUrl stun, List<ServerUrl> turn, List<IceCandidateError> unusable) {
    this.stun = stun;
    this.turn = List.copyOf(turn);
    this.unusable = List.copyOf(unusable);
  }

  /** Plans the servers in declaration order. Under RELAY no STUN server is asked anything. */
  public static ServerPlan of(List<ServerUrl> urls, IceGatherPolicy policy) {
    ServerUrl stun = null;
    List<ServerUrl> turn = new ArrayList<>();
    List<IceCandidateError> unusable = new ArrayList<>();

    for (ServerUrl url : urls) {
      String why = null;
      switch (url.scheme()) {
        case STUN -> {
          if (policy == IceGatherPolicy.RELAY) {
            continue;
          }
          if (stun == null) {
            stun = url;
          } else {
            why = "libnice takes one STUN server per agent; " + stun.url() + " is used";
          }
        }
        case STUNS -> why = "STUN over TLS is not supported by libnice";
        case TURNS ->
            why =
                "TURN over TLS is not supported: libnice 0.1.21 speaks plain TCP "
                    + "to TLS servers in RFC 5245 mode";
        case TURN -> {
          if (turn.size() < MAX_TURN) {
            turn.add(url);
          } else {
            why = "libnice takes at most " + MAX_TURN + " TURN servers per agent";
          }
        }
      }

      if (why != null) {
        unusable.add(error(url, why + "; URL skipped"));
      }
    }

    return new ServerPlan(stun, turn, unusable);
  }

  /** An error for {@code url} that no local socket is to blame for. */
  public static IceCandidateError error(ServerUrl url, String text) {
    return new IceCandidateError(url.url(), null, 0, IceCandidateError.SERVER_UNREACHABLE, text);
  }

  /** The STUN server given to libnice, or null. */
  public ServerUrl stun() {
    return stun;
  }

  /** The TURN servers given to libnice, in order. */
  public List<ServerUrl> turn() {
    return turn;
  }

  /** Errors for the URLs left out, known before gathering starts. */
  public List<IceCandidateError> unusable() {
    return unusable;
  }

  /** True when every server used is an IP literal, so gathering can start without lookups. */
  public boolean allLiteral() {
    return (stun == null || stun.hostIsLiteral())
        && turn.stream().allMatch(ServerUrl::hostIsLiteral);
  }
}
