package io.github.nicegather.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The host addresses an agent binds, chosen here and handed to libnice one by one. Giving them
 * explicitly is what lets us leave out IPv6 link-local addresses, families the user did not ask for
 * and whatever the user's filters reject; libnice's own enumeration would take them all.
 */
public final class LocalAddresses {
  /** libnice asserts beyond this many addresses (candidate.c, local preference bits). */
  public static final int MAX = 64;

  private static final int BUFFER = 16 * 1024;

  private LocalAddresses() {}

  /**
   * The host's addresses that {@code choice} keeps, in libnice's order, at most {@link #MAX}. The
   * user's filters run on the calling thread; what they throw propagates.
   */
  public static List<LocalAddress> find(AddressChoice choice) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
    int count = NativeShim.ng_local_addresses(choice.includeLoopback() ? 1 : 0, buffer, BUFFER);
    if (count < 0) {
      throw new IllegalStateException("listing local addresses: " + NativeShim.describe(count));
    }

    List<LocalAddress> kept = new ArrayList<>();
    for (String line : NativeShim.cString(buffer, 0, BUFFER).lines().toList()) {
      LocalAddress address = parse(line);
      if (kept.size() < MAX && keep(address, choice)) {
        kept.add(address);
      }
    }

    return kept;
  }

  static LocalAddress parse(String line) {
    int space = line.indexOf(' ');
    String ip = space < 0 ? line : line.substring(0, space);
    String iface = space < 0 || space == line.length() - 1 ? null : line.substring(space + 1);

    return new LocalAddress(ip, iface);
  }

  static boolean keep(LocalAddress address, AddressChoice choice) {
    if (address.isIpv6() ? !choice.ipv6() : !choice.ipv4()) {
      return false;
    }
    // RFC 8445 section 5.1.1.1: link-local addresses are not to be used as candidates.
    if (address.isIpv6() && isLinkLocal(address.ip())) {
      return false;
    }
    if (choice.interfaceFilter() != null
        && (address.iface() == null || !choice.interfaceFilter().test(address.iface()))) {
      return false;
    }

    return choice.ipFilter() == null || choice.ipFilter().test(literal(address.ip()));
  }

  static boolean isLinkLocal(String ipv6) {
    String lower = ipv6.toLowerCase();

    return lower.startsWith("fe8")
        || lower.startsWith("fe9")
        || lower.startsWith("fea")
        || lower.startsWith("feb");
  }

  private static InetAddress literal(String ip) {
    try {
      // An IP literal is parsed, never looked up.
      return InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("libnice listed an address Java cannot parse: " + ip, e);
    }
  }
}
