package io.github.nicegather.internal;

/**
 * A host address an agent binds, with the interface that carries it.
 *
 * @param ip the address as libnice writes it, without a scope
 * @param iface the interface's name, or null when the system did not say
 */
public record LocalAddress(String ip, String iface) {
  public boolean isIpv6() {
    return ip.indexOf(':') >= 0;
  }
}
