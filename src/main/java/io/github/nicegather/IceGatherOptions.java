package io.github.nicegather;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a gatherer is asked to gather: the ICE servers, the policy and the candidate pool size,
 * after Pion's {@code ICEGatherOptions}.
 *
 * <p>Nothing is range-checked here; the gatherer factory validates all options at once and reports
 * every problem together. Immutable and thread-safe.
 *
 * @param iceServers the STUN and TURN servers, in the order they are tried; null means none; null
 *     entries are kept so that validation can report them
 * @param gatherPolicy which candidate types to offer; null means {@link IceGatherPolicy#ALL}
 * @param candidatePoolSize the size of the prefetched candidate pool (W3C {@code
 *     iceCandidatePoolSize}), 0..255
 */
public record IceGatherOptions(
    List<IceServer> iceServers, IceGatherPolicy gatherPolicy, int candidatePoolSize) {

  /**
   * Creates options, copying the server list.
   *
   * @param iceServers the servers; null means none
   * @param gatherPolicy the policy; null means {@link IceGatherPolicy#ALL}
   * @param candidatePoolSize the pool size; range-checked only when a gatherer is created
   */
  public IceGatherOptions {
    iceServers =
        iceServers == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(iceServers));
    gatherPolicy = gatherPolicy == null ? IceGatherPolicy.ALL : gatherPolicy;
  }

  /**
   * Starts building options with no servers, policy {@code all} and pool size 0.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds {@link IceGatherOptions} step by step.
   *
   * <p>Mutable and not thread-safe: use one builder from one thread.
   */
  public static final class Builder {
    private final List<IceServer> iceServers = new ArrayList<>();
    private IceGatherPolicy gatherPolicy = IceGatherPolicy.ALL;
    private int candidatePoolSize;

    private Builder() {}

    /**
     * Replaces the servers added so far.
     *
     * @param servers the servers; null means none
     * @return this builder
     */
    public Builder iceServers(List<IceServer> servers) {
      iceServers.clear();
      if (servers != null) {
        iceServers.addAll(servers);
      }

      return this;
    }

    /**
     * Appends one server.
     *
     * @param server the server; null is kept and reported by validation
     * @return this builder
     */
    public Builder addIceServer(IceServer server) {
      iceServers.add(server);

      return this;
    }

    /**
     * Sets the gather policy.
     *
     * @param policy the policy; null means {@link IceGatherPolicy#ALL}
     * @return this builder
     */
    public Builder gatherPolicy(IceGatherPolicy policy) {
      gatherPolicy = policy;

      return this;
    }

    /**
     * Sets the candidate pool size; it is range-checked when a gatherer is created.
     *
     * @param size the pool size, 0..255
     * @return this builder
     */
    public Builder candidatePoolSize(int size) {
      candidatePoolSize = size;

      return this;
    }

    /**
     * Creates the options from what was set so far; the builder can be reused.
     *
     * @return new options
     */
    public IceGatherOptions build() {
      return new IceGatherOptions(iceServers, gatherPolicy, candidatePoolSize);
    }
  }
}
