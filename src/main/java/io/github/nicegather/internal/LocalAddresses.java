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
 *
 * <p>The enumeration (getifaddrs, twice) is the largest cost of a host-only gathering, so it is
 * cached for {@value #CACHE_PROPERTY} milliseconds (default 5000; 0 turns the cache off), and
 * {@link #refresh()} drops it at once, e.g. when the host's addresses are known to have changed.
 */
public final class LocalAddresses {
  /** libnice asserts beyond this many addresses (candidate.c, local preference bits). */
  public static final int MAX = 64;

  public static final String CACHE_PROPERTY = "nicegather.addressCacheMillis";

  private static final int BUFFER = 16 * 1024;
  private static final long CACHE_NANOS = Long.getLong(CACHE_PROPERTY, 5000) * 1_000_000;

  /** One enumeration: every address libnice lists, loopback included or not, and when. */
  private record Enumeration(List<LocalAddress> addresses, long nanos) {}

  private static volatile Enumeration withLoopback;
  private static volatile Enumeration withoutLoopback;

  private LocalAddresses() {}

  /**
   * The host's addresses that {@code choice} keeps, in libnice's order, at most {@link #MAX}. The
   * user's filters run on the calling thread; what they throw propagates.
   */
  public static List<LocalAddress> find(AddressChoice choice) {
    List<LocalAddress> kept = new ArrayList<>();
    for (LocalAddress address : enumerate(choice.includeLoopback())) {
      if (kept.size() < MAX && keep(address, choice)) {
        kept.add(address);
      }
    }

    return kept;
  }

  /** Forgets the cached enumeration: the next gathering lists the host's addresses again. */
  public static void refresh() {
    withLoopback = null;
    withoutLoopback = null;
  }

  private static List<LocalAddress> enumerate(boolean loopback) {
    Enumeration cached = loopback ? withLoopback : withoutLoopback;
    long now = System.nanoTime();
    if (cached != null && now - cached.nanos() < CACHE_NANOS) {
      return cached.addresses();
    }

    ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
    int count = NativeShim.ng_local_addresses(loopback ? 1 : 0, buffer, BUFFER);
    if (count < 0) {
      throw new IllegalStateException("listing local addresses: " + NativeShim.describe(count));
    }
    List<LocalAddress> addresses =
        NativeShim.cString(buffer, 0, BUFFER).lines().map(LocalAddresses::parse).toList();

    // Two threads may enumerate at once: both results are right, the last one is kept.
    Enumeration fresh = new Enumeration(addresses, now);
    if (loopback) {
      withLoopback = fresh;
    } else {
      withoutLoopback = fresh;
    }

    return addresses;
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
