package io.github.nicegather;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Advertises other addresses than a local one, for a host behind a static NAT or a load balancer
 * whose public address no STUN server can discover; after Pion's {@code ICEAddressRewriteRule}.
 *
 * <p>A host whose private address 10.0.0.5 is forwarded one to one from 203.0.113.7 advertises the
 * public address instead of the private one:
 *
 * <pre>{@code
 * SettingEngine engine = new SettingEngine();
 * engine.setIceAddressRewriteRules(
 *     IceAddressRewriteRule.builder()
 *         .external("203.0.113.7")
 *         .local("10.0.0.5")
 *         .asCandidateType(IceCandidateType.HOST)
 *         .mode(IceAddressRewriteMode.REPLACE)
 *         .build());
 * }</pre>
 *
 * <p><b>Which rule applies.</b> Host rules are matched against the address and interface of each
 * host candidate, srflx rules against those of the base of server-reflexive candidates. A rule is
 * passed over when:
 *
 * <ul>
 *   <li>{@code iface} is set and names another interface, or the interface is unknown;
 *   <li>{@code cidr} is set and does not contain the address;
 *   <li>{@code networks} is not empty and holds no type of the address's IP family: only the family
 *       counts ({@code udp4} and {@code tcp4} both mean IPv4), not the transport;
 *   <li>{@code external} holds no address of the local address's family: an IPv4 address is only
 *       ever rewritten to IPv4 addresses, and IPv6 to IPv6;
 *   <li>{@code local} is set and is another address.
 * </ul>
 *
 * Of the rules left, the first whose {@code local} is the address wins, wherever it is declared.
 * Failing that, the most specific rule without {@code local} wins: {@code iface} and {@code cidr}
 * set, then {@code iface} only, then {@code cidr} only, then neither; the earliest among equals.
 * Unlike Pion, a {@code cidr}-only rule beats a rule with neither for host candidates too.
 * Addresses are compared by value, so {@code fd00::1} and {@code fd00:0::1} are the same.
 *
 * <p><b>Validation</b> happens when a gatherer is created, and every problem of every rule is
 * reported in one {@link IceException} with reason {@link IceException.Reason#INVALID_OPTION}:
 *
 * <ul>
 *   <li>an {@code external} entry that is null or not an IP literal: host names are refused, as
 *       they would need a lookup, and so are CIDRs such as {@code 1.2.3.0/24};
 *   <li>an {@code external} list that is empty once blank entries are dropped. Pion documents an
 *       empty list as "drop the candidate" but its code rejects it; so does this library;
 *   <li>a {@code local} that is not an IP literal, or that lies outside {@code cidr};
 *   <li>a {@code cidr} that is not {@code address/prefix} with a prefix of 0..32 for IPv4 or 0..128
 *       for IPv6;
 *   <li>an {@code asCandidateType} other than host or srflx, or one the gather policy never
 *       gathers: host under {@code relay} and {@code nohost}, srflx under {@code relay};
 *   <li>a null rule or a null network type.
 * </ul>
 *
 * There is no mode to check: an enum cannot be out of range.
 *
 * <p>Immutable and thread-safe.
 *
 * @param external the addresses to advertise, IP literals in the order they are advertised; null
 *     means none. Entries are trimmed, blank ones dropped and duplicates removed when the rule is
 *     validated; null entries are kept so that validation can report them
 * @param local the only local address this rule applies to, an IP literal; null or blank means any
 * @param iface the only interface this rule applies to, by name; null or blank means any
 * @param cidr the only addresses this rule applies to, as {@code address/prefix}; null or blank
 *     means any
 * @param asCandidateType which candidates the rule rewrites, {@link IceCandidateType#HOST} or
 *     {@link IceCandidateType#SRFLX}; null means host, as Pion's zero value does
 * @param mode whether to replace the local address or add to it; null means {@link
 *     IceAddressRewriteMode#UNSPECIFIED}, which is replace for host rules and append for srflx ones
 * @param networks the IP families the rule applies to, as network types; null or empty means both;
 *     null entries are kept so that validation can report them
 */
public record IceAddressRewriteRule(
    List<String> external,
    String local,
    String iface,
    String cidr,
    IceCandidateType asCandidateType,
    IceAddressRewriteMode mode,
    List<NetworkType> networks) {

  /**
   * Creates a rule, copying the lists and filling in the defaults; nothing is checked yet.
   *
   * @param external the external addresses; null means none
   * @param local the local address; null means any
   * @param iface the interface name; null means any
   * @param cidr the subnet; null means any
   * @param asCandidateType host or srflx; null means host
   * @param mode the mode; null means {@link IceAddressRewriteMode#UNSPECIFIED}
   * @param networks the network types; null means both IP families
   */
  public IceAddressRewriteRule {
    external = copy(external);
    asCandidateType = asCandidateType == null ? IceCandidateType.HOST : asCandidateType;
    mode = mode == null ? IceAddressRewriteMode.UNSPECIFIED : mode;
    networks = copy(networks);
  }

  /**
   * Starts building a host rule with no external address, no scope and mode {@code unspecified}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // List.copyOf would refuse the null entries that validation is meant to report.
  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /**
   * Builds an {@link IceAddressRewriteRule} step by step.
   *
   * <p>Mutable and not thread-safe: use one builder from one thread.
   */
  public static final class Builder {
    private List<String> external;
    private String local;
    private String iface;
    private String cidr;
    private IceCandidateType asCandidateType;
    private IceAddressRewriteMode mode;
    private List<NetworkType> networks;

    private Builder() {}

    /**
     * Replaces the external addresses set so far.
     *
     * @param addresses IP literals; null means none; null entries are reported by validation
     * @return this builder
     */
    public Builder external(String... addresses) {
      external = addresses == null ? null : Arrays.asList(addresses.clone());

      return this;
    }

    /**
     * Limits the rule to one local address.
     *
     * @param address an IP literal; null means any address
     * @return this builder
     */
    public Builder local(String address) {
      local = address;

      return this;
    }

    /**
     * Limits the rule to one interface.
     *
     * @param name the interface name, such as {@code eth0}; null means any interface
     * @return this builder
     */
    public Builder iface(String name) {
      iface = name;

      return this;
    }

    /**
     * Limits the rule to the local addresses of one subnet.
     *
     * @param block {@code address/prefix}, such as {@code 10.0.0.0/24}; null means any address
     * @return this builder
     */
    public Builder cidr(String block) {
      cidr = block;

      return this;
    }

    /**
     * Chooses the candidates the rule rewrites.
     *
     * @param type host or srflx; null means host
     * @return this builder
     */
    public Builder asCandidateType(IceCandidateType type) {
      asCandidateType = type;

      return this;
    }

    /**
     * Chooses whether the external addresses replace the local one or are added to it.
     *
     * @param mode the mode; null means {@link IceAddressRewriteMode#UNSPECIFIED}
     * @return this builder
     */
    public Builder mode(IceAddressRewriteMode mode) {
      this.mode = mode;

      return this;
    }

    /**
     * Limits the rule to the IP families of these network types, replacing those set so far.
     *
     * @param types network types; none means both families; null entries are reported by validation
     * @return this builder
     */
    public Builder networks(NetworkType... types) {
      networks = types == null ? null : Arrays.asList(types.clone());

      return this;
    }

    /**
     * Creates the rule from what was set so far; the builder can be reused.
     *
     * @return a new rule
     */
    public IceAddressRewriteRule build() {
      return new IceAddressRewriteRule(
          external, local, iface, cidr, asCandidateType, mode, networks);
    }
  }
}
