package io.github.nicegather.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The host addresses an agent binds, chosen here and handed to libnice one by one. Giving them
 * explicitly is what lets us leave out IPv6 link-local addresses and families the user did not ask
 * for; libnice's own enumeration would take them all.
 */
public final class LocalAddresses {
  /** libnice asserts beyond this many addresses (candidate.c, local preference bits). */
  public static final int MAX = 64;

  private static final int BUFFER = 16 * 1024;

  private LocalAddresses() {}

  /** The host's usable addresses of the given families, in libnice's order, without scopes. */
  public static List<String> find(boolean ipv4, boolean ipv6, boolean includeLoopback) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
    int count = NativeShim.ng_local_addresses(includeLoopback ? 1 : 0, buffer, BUFFER);
    if (count < 0) {
      throw new IllegalStateException("listing local addresses: " + NativeShim.describe(count));
    }

    List<String> kept = new ArrayList<>();
    for (String address : NativeShim.cString(buffer, 0, BUFFER).lines().toList()) {
      if (keep(address, ipv4, ipv6) && kept.size() < MAX) {
        kept.add(address);
      }
    }

    return kept;
  }

  static boolean keep(String address, boolean ipv4, boolean ipv6) {
    boolean v6 = address.indexOf(':') >= 0;
    if (v6 && isLinkLocal(address)) {
      // RFC 8445 section 5.1.1.1: link-local addresses are not to be used as candidates.
      return false;
    }

    return v6 ? ipv6 : ipv4;
  }

  static boolean isLinkLocal(String ipv6) {
    String lower = ipv6.toLowerCase();

    return lower.indexOf('%') >= 0
        || lower.startsWith("fe8")
        || lower.startsWith("fe9")
        || lower.startsWith("fea")
        || lower.startsWith("feb");
  }
}
