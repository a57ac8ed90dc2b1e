package io.github.nicegather.internal;

/**
 * The host part of a STUN or TURN URL (RFC 7064 section 3.1, RFC 7065 section 3.1): a host name, an
 * IPv4 literal, or an IPv6 literal. Checked by hand so that validating a URL never triggers a name
 * lookup.
 */
final class HostSyntax {
  static final String HEX_DIGITS = "0123456789abcdefABCDEF";

  private HostSyntax() {}

  // Letters, digits, '-' and '.', in labels of 1 to 63 (RFC 1123 §2.1), one trailing dot allowed.
  static boolean isHostName(String host) {
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (host.length() > 253 || name.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
      return isIpv4Literal(host);
    }
    for (String label : name.split("\\.", -1)) {
      boolean valid = label.chars().allMatch(c -> c == '-' || isAsciiLetterOrDigit(c));
      if (label.isEmpty() || label.length() > 63 || !valid) {
        return false;
      }
    }

    return true;
  }

  // Dotted-quad only: leading zeros are refused because some stacks read them as octal.
  static boolean isIpv4Literal(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      boolean digits = part.chars().allMatch(c -> c >= '0' && c <= '9');
      boolean leadingZero = part.length() > 1 && part.charAt(0) == '0';
      if (part.isEmpty()
          || part.length() > 3
          || !digits
          || leadingZero
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }

    return true;
  }

  // RFC 4291 §2.2 text forms, without a zone: a URL names a server, not a local link.
  static boolean isIpv6Literal(String text) {
    int lastColon = text.lastIndexOf(':');
    if (lastColon < 0) {
      return false;
    }
    String hex = text;
    if (text.indexOf('.') >= 0) {
      if (!isIpv4Literal(text.substring(lastColon + 1))) {
        return false;
      }
      hex = text.substring(0, lastColon + 1) + "0:0";
    }

    int gap = hex.indexOf("::");
    if (gap < 0) {
      return groupCount(hex) == 8;
    }
    if (hex.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    int head = groupCount(hex.substring(0, gap));
    int tail = groupCount(hex.substring(gap + 2));

    return head >= 0 && tail >= 0 && head + tail <= 7;
  }

  private static int groupCount(String part) {
    if (part.isEmpty()) {
      return 0;
    }
    String[] groups = part.split(":", -1);
    for (String group : groups) {
      boolean hex = group.chars().allMatch(c -> HEX_DIGITS.indexOf(c) >= 0);
      if (group.isEmpty() || group.length() > 4 || !hex) {
        return -1;
      }
    }

    return groups.length;
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
