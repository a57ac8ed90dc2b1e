package io.github.nicegather.internal;

import io.github.nicegather.IceAddressRewriteMode;
import io.github.nicegather.IceAddressRewriteRule;
import io.github.nicegather.IceCandidateType;
import io.github.nicegather.IceGatherPolicy;
import io.github.nicegather.NetworkType;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The address rewrite rules of one gatherer, checked and normalised, and the lookup that picks the
 * rule for a local address; {@link IceAddressRewriteRule} states the rules of the game.
 *
 * <p>Immutable and thread-safe.
 */
public final class RewriteRules {
  private static final RewriteRules NONE = new RewriteRules(List.of());

  private final List<Rule> rules;

  private RewriteRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * The rule that applies to a local address.
   *
   * <p>Immutable and thread-safe.
   *
   * @param ruleIndex the rule's position in the list the user gave
   * @param mode replace or append, never {@link IceAddressRewriteMode#UNSPECIFIED}
   * @param externals the rule's external addresses of the local address's family, in declaration
   *     order, in RFC 5952 form as libnice prints them; never empty
   */
  public record Match(int ruleIndex, IceAddressRewriteMode mode, List<String> externals) {
    /**
     * Copies the external addresses.
     *
     * @param ruleIndex the rule's position
     * @param mode replace or append
     * @param externals the addresses to advertise; not null, no nulls
     */
    public Match {
      externals = List.copyOf(externals);
    }
  }

  /**
   * Returns rules that never apply.
   *
   * @return an empty instance
   */
  public static RewriteRules none() {
    return NONE;
  }

  /**
   * Checks every rule, appending one message per problem, each naming the rule and the field.
   *
   * @param rules the rules as the user gave them; null entries are reported
   * @param policy the gather policy, which decides whether a rule could ever apply
   * @param problems where to append the problems, in rule order
   * @return the normalised rules, or {@link #none()} when any rule had a problem
   */
  static RewriteRules validate(
      List<IceAddressRewriteRule> rules, IceGatherPolicy policy, List<String> problems) {
    int before = problems.size();
    List<Rule> checked = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = Rule.check(i, rules.get(i), policy, problems);
      if (rule != null) {
        checked.add(rule);
      }
    }

    return problems.size() == before ? new RewriteRules(checked) : NONE;
  }

  /**
   * Finds the rule for a host candidate.
   *
   * @param address the candidate's address, an IP literal, possibly with a {@code %zone}; anything
   *     else, such as an mDNS name, matches no rule
   * @param iface the name of the candidate's interface; null when unknown, which no rule with an
   *     {@code iface} matches
   * @return the rule that applies, or null if none does
   */
  public Match host(String address, String iface) {
    return find(IceCandidateType.HOST, address, iface);
  }

  /**
   * Finds the rule for the server-reflexive candidates of one base.
   *
   * @param address the base's local address, an IP literal, possibly with a {@code %zone}
   * @param iface the name of the base's interface; null when unknown, which no rule with an {@code
   *     iface} matches
   * @return the rule that applies, or null if none does
   */
  public Match srflx(String address, String iface) {
    return find(IceCandidateType.SRFLX, address, iface);
  }

  /**
   * Tells whether there are no rules at all.
   *
   * @return true if no rule can ever apply
   */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  private Match find(IceCandidateType type, String address, String iface) {
    int zone = address.indexOf('%');
    InetAddress local = literal(zone < 0 ? address : address.substring(0, zone));
    if (local == null) {
      return null;
    }

    Rule best = null;
    for (Rule rule : rules) {
      if (rule.type() != type || !rule.appliesTo(local, iface)) {
        continue;
      }
      if (rule.local() != null) {
        return rule.match(local);
      }
      if (best == null || rule.specificity() > best.specificity()) {
        best = rule;
      }
    }

    return best == null ? null : best.match(local);
  }

  // Literals only, as getByName looks anything else up, and checking input must not wait on DNS.
  // Java reads an IPv4-mapped IPv6 literal as the IPv4 address; both name the same host.
  static InetAddress literal(String text) {
    if (!HostSyntax.isIpv4Literal(text) && !HostSyntax.isIpv6Literal(text)) {
      return null;
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  /** One checked rule; a null scope means any. */
  private record Rule(
      int index,
      IceCandidateType type,
      IceAddressRewriteMode mode,
      InetAddress local,
      String iface,
      AddressBlock cidr,
      List<NetworkType> networks,
      List<InetAddress> externals) {

    static Rule check(
        int index, IceAddressRewriteRule rule, IceGatherPolicy policy, List<String> problems) {
      String where = "rewriteRules[" + index + "]";
      if (rule == null) {
        problems.add(where + ": null");

        return null;
      }

      int before = problems.size();
      List<InetAddress> externals = externals(where + ".external", rule.external(), problems);
      InetAddress local = local(where + ".local", rule.local(), problems);
      AddressBlock cidr =
          isBlank(rule.cidr())
              ? null
              : AddressBlock.parse(where + ".cidr", rule.cidr().strip(), problems);
      if (local != null && cidr != null && !cidr.contains(local)) {
        String quoted = Json.quote(rule.local().strip());
        problems.add(where + ".local: " + quoted + " is outside cidr " + Json.quote(cidr.text()));
      }
      checkType(where + ".asCandidateType", rule.asCandidateType(), policy, problems);
      for (int j = 0; j < rule.networks().size(); j++) {
        if (rule.networks().get(j) == null) {
          problems.add(where + ".networks[" + j + "]: null");
        }
      }
      if (problems.size() != before) {
        return null;
      }

      IceCandidateType type = rule.asCandidateType();
      IceAddressRewriteMode mode = rule.mode();
      if (mode == IceAddressRewriteMode.UNSPECIFIED) {
        mode =
            type == IceCandidateType.HOST
                ? IceAddressRewriteMode.REPLACE
                : IceAddressRewriteMode.APPEND;
      }
      String iface = isBlank(rule.iface()) ? null : rule.iface();

      return new Rule(index, type, mode, local, iface, cidr, rule.networks(), externals);
    }

    private static InetAddress local(String where, String text, List<String> problems) {
      if (isBlank(text)) {
        return null;
      }

      String stripped = text.strip();
      InetAddress local = literal(stripped);
      if (local == null) {
        problems.add(where + ": " + Json.quote(stripped) + " is not an IP literal");
      }

      return local;
    }

    private static List<InetAddress> externals(
        String where, List<String> entries, List<String> problems) {
      Set<InetAddress> addresses = new LinkedHashSet<>();
      boolean any = false;
      for (int j = 0; j < entries.size(); j++) {
        String entry = entries.get(j);
        if (entry == null) {
          problems.add(where + "[" + j + "]: null");
          any = true;
          continue;
        }
        String text = entry.strip();
        if (text.isEmpty()) {
          continue;
        }
        any = true;
        InetAddress address = literal(text);
        if (address == null) {
          problems.add(where + "[" + j + "]: " + Json.quote(text) + " is not an IP literal");
        } else {
          addresses.add(address);
        }
      }
      if (!any) {
        problems.add(where + ": empty, at least one IP literal is required");
      }

      return List.copyOf(addresses);
    }

    private static void checkType(
        String where, IceCandidateType type, IceGatherPolicy policy, List<String> problems) {
      if (type != IceCandidateType.HOST && type != IceCandidateType.SRFLX) {
        problems.add(where + ": " + type + " is not supported, expected host or srflx");

        return;
      }

      boolean gathered =
          type == IceCandidateType.HOST
              ? policy == IceGatherPolicy.ALL
              : policy != IceGatherPolicy.RELAY;
      if (!gathered) {
        String never = " never applies under gatherPolicy " + policy;
        problems.add(where + ": " + type + never + ", which gathers no " + type + " candidates");
      }
    }

    // An iface is a narrower scope than a subnet: one interface may carry several subnets.
    int specificity() {
      return (iface == null ? 0 : 2) + (cidr == null ? 0 : 1);
    }

    boolean appliesTo(InetAddress address, String name) {
      boolean v6 = address instanceof Inet6Address;

      return (networks.isEmpty() || networks.stream().anyMatch(n -> n.isIpv6() == v6))
          && (iface == null || iface.equals(name))
          && (cidr == null || cidr.contains(address))
          && (local == null || Arrays.equals(local.getAddress(), address.getAddress()))
          && externals.stream().anyMatch(e -> (e instanceof Inet6Address) == v6);
    }

    Match match(InetAddress address) {
      boolean v6 = address instanceof Inet6Address;
      List<String> sameFamily =
          externals.stream()
              .filter(e -> (e instanceof Inet6Address) == v6)
              .map(IpText::format)
              .toList();

      return new Match(index, mode, sameFamily);
    }
  }

  /** A CIDR block (RFC 4632 §3.1); host bits in the base are ignored, as Pion ignores them. */
  private record AddressBlock(String text, InetAddress base, int prefix) {
    static AddressBlock parse(String where, String text, List<String> problems) {
      int slash = text.indexOf('/');
      InetAddress base = slash < 0 ? null : literal(text.substring(0, slash));
      String digits = slash < 0 ? "" : text.substring(slash + 1);
      if (base == null || !digits.matches("[0-9]{1,9}")) {
        problems.add(where + ": " + Json.quote(text) + " is not address/prefix");

        return null;
      }
      int prefix = Integer.parseInt(digits);
      int bits = base.getAddress().length * 8;
      if (prefix > bits) {
        String family = bits == 32 ? "IPv4" : "IPv6";
        String problem = "%s: %s: prefix %d is outside 0..%d for %s";
        problems.add(String.format(problem, where, Json.quote(text), prefix, bits, family));

        return null;
      }

      return new AddressBlock(text, base, prefix);
    }

    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      byte[] b = base.getAddress();
      if (a.length != b.length) {
        return false;
      }
      int whole = prefix / 8;
      if (!Arrays.equals(a, 0, whole, b, 0, whole)) {
        return false;
      }
      int rest = prefix % 8;
      int mask = (0xff << (8 - rest)) & 0xff;

      return rest == 0 || (a[whole] & mask) == (b[whole] & mask);
    }
  }
}
