package io.github.nicegather.internal;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Addresses as candidates show them: IPv6 in the RFC 5952 form that libnice (inet_ntop) also
 * prints, so a rewritten address reads like a gathered one and compares equal as text.
 */
final class IpText {
  private IpText() {}

  static String format(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress();
    }

    byte[] bytes = address.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }

    // RFC 5952 section 4.2: "::" replaces the longest run of two or more zero groups, the first.
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }

    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }

    return text.toString();
  }
}
