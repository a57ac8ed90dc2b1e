package io.github.nicegather.internal;

import java.net.InetAddress;
import java.util.function.Predicate;

/**
 * Which of the host's addresses an agent may bind.
 *
 * @param ipv4 whether IPv4 addresses are wanted
 * @param ipv6 whether IPv6 addresses are wanted
 * @param includeLoopback whether loopback addresses are wanted
 * @param interfaceFilter keeps an address when it accepts its interface's name
 * @param ipFilter keeps an address when it accepts it
 */
public record AddressChoice(
    boolean ipv4,
    boolean ipv6,
    boolean includeLoopback,
    Predicate<String> interfaceFilter,
    Predicate<InetAddress> ipFilter) {}
