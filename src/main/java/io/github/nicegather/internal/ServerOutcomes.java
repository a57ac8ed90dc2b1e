package io.github.nicegather.internal;

import io.github.nicegather.IceCandidateError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the servers of one gathering gave, and the errors for those that gave nothing usable.
 * libnice reports no per-server outcome, so it is read from what arrived: a server silent until the
 * timeout is unreachable (701); a TURN server that ended early without a relay refused the
 * allocation, which after libnice's second 401 means the credentials (RFC 8489 section 9.2); a STUN
 * server that answered with the host's own address gives no srflx and no error. Answers libnice
 * accepts but no peer could use are dropped here and reported.
 *
 * <p>One per gatherer; not thread-safe (the gatherer's lock guards it).
 */
public final class ServerOutcomes {
  /** RFC 8489 section 14.8: the request did not carry valid credentials. */
  public static final int UNAUTHORIZED = 401;

  private final Set<Integer> relayIndexes = new HashSet<>();
  private final Map<Integer, String> unusableRelays = new TreeMap<>();
  private boolean sawSrflx;
  private String unusableSrflx;

  /** Records a candidate of libnice's; false when it is unusable and must not be shown. */
  public boolean record(NativeCandidate c) {
    String problem = problem(c);
    if (c.isServerReflexive()) {
      if (problem != null) {
        unusableSrflx = problem;
        return false;
      }
      sawSrflx = true;
    } else if (c.isRelay()) {
      if (problem != null) {
        unusableRelays.put(c.relayIndex(), problem);
        return false;
      }
      relayIndexes.add(c.relayIndex());
    }

    return true;
  }

  /** The errors for the servers {@code start} handed to libnice, when gathering ends. */
  public List<IceCandidateError> failures(GatherStart start, boolean timedOut, long timeoutMs) {
    List<IceCandidateError> errors = new ArrayList<>();
    // "Usable": a server that answered with errors or redirects until the timeout looks the same.
    String silent = "no usable answer within " + timeoutMs + " ms";

    if (start.stun() != null && !sawSrflx && unusableSrflx != null) {
      errors.add(ServerPlan.error(start.stun(), "answered " + unusableSrflx));
    } else if (start.stun() != null && !sawSrflx && timedOut) {
      errors.add(ServerPlan.error(start.stun(), silent));
    }

    for (Map.Entry<Integer, ServerUrl> turn : new TreeMap<>(start.turnByIndex()).entrySet()) {
      ServerUrl url = turn.getValue();
      if (relayIndexes.contains(turn.getKey()) || relayedBySameHost(start, url)) {
        continue;
      }
      if (unusableRelays.containsKey(turn.getKey())) {
        errors.add(ServerPlan.error(url, "granted " + unusableRelays.get(turn.getKey())));
      } else if (timedOut) {
        errors.add(ServerPlan.error(url, silent));
      } else {
        errors.add(
            new IceCandidateError(
                url.url(),
                null,
                0,
                UNAUTHORIZED,
                "allocation refused: libnice gives up after a second 401 Unauthorized, "
                    + "so the username or credential is wrong"));
      }
    }

    return errors;
  }

  /**
   * What makes a server-given address unusable, or null: the unspecified address or port 0 (a relay
   * no peer can send to), or another family than the base's (no NAT maps an IPv4 socket to IPv6;
   * libnice takes a mismatched XOR-MAPPED-ADDRESS as it comes).
   */
  static String problem(NativeCandidate c) {
    boolean v6 = c.address().indexOf(':') >= 0;
    boolean baseV6 = c.baseAddress().indexOf(':') >= 0;
    String kind = c.isRelay() ? "relay address " : "mapped address ";
    String shown = v6 ? "[" + c.address() + "]:" + c.port() : c.address() + ":" + c.port();

    if (v6 != baseV6) {
      return "an "
          + (v6 ? "IPv6 " : "IPv4 ")
          + kind
          + shown
          + " for an "
          + (baseV6 ? "IPv6" : "IPv4")
          + " request";
    }
    if (c.port() == 0 || c.address().equals("0.0.0.0") || c.address().equals("::")) {
      return "the unusable " + kind + shown;
    }

    return null;
  }

  /**
   * libnice drops a relay candidate whose address it already has (discovery.c), so two URLs of one
   * TURN server (UDP and TCP) give one relay: the second is not silent, only merged.
   */
  private boolean relayedBySameHost(GatherStart start, ServerUrl turn) {
    return start.turnByIndex().entrySet().stream()
        .anyMatch(
            other ->
                relayIndexes.contains(other.getKey())
                    && other.getValue().host().equals(turn.host()));
  }
}
