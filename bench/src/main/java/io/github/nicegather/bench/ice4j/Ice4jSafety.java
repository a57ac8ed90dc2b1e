package io.github.nicegather.bench.ice4j;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ice4j.ice.harvest.HarvestConfig;

/**
 * What must hold before the first ice4j {@code Agent} exists: ice4j only inside the bed, none of
 * its mapping harvesters on, and its logging quiet.
 *
 * <p>The AWS mapping harvester is on by default and asks the cloud metadata address for the public
 * address when the first Agent is created; that request would leave the bed. Its settings are read
 * once, from system properties among others, when ice4j's configuration is first loaded, so they
 * are set here before any ice4j class is touched, and read back to be sure.
 */
final class Ice4jSafety {
  private static final byte[] BED_V4 = {10, (byte) 213};
  private static final byte[] BED_V6 = {(byte) 0xfd, 0x13};

  private Ice4jSafety() {}

  /**
   * Sets ice4j's properties and checks them and the network; throws, before any Agent exists, if
   * ice4j could reach anything outside the bed.
   */
  static void prepare() {
    requireInsideBed();

    System.setProperty("ice4j.harvest.mapping.aws.enabled", "false");
    System.setProperty("ice4j.harvest.mapping.aws.force", "false");
    System.setProperty("org.ice4j.ice.harvest.DISABLE_AWS_HARVESTER", "true");
    // As nicegather: global IPv4 and IPv6 addresses, never link-local ones.
    System.setProperty("ice4j.harvest.use-link-local-addresses", "false");
    System.setProperty("ice4j.harvest.use-ipv6", "true");
    // About seven INFO records per agent otherwise.
    Logger.getLogger("").setLevel(Level.WARNING);
    Logger.getLogger("org.ice4j").setLevel(Level.WARNING);

    HarvestConfig config = HarvestConfig.config;
    if (config.enableAwsHarvester()
        || config.forceAwsHarvester()
        || !config.stunMappingCandidateHarvesterAddresses().isEmpty()
        || !config.getStaticMappings().isEmpty()) {
      throw new IllegalStateException(
          "ice4j's mapping harvesters are not all off (aws "
              + config.enableAwsHarvester()
              + ", stun "
              + config.stunMappingCandidateHarvesterAddresses()
              + ", static "
              + config.getStaticMappings()
              + "): refusing to create an Agent");
    }
  }

  /**
   * Every address of this network namespace is loopback, link-local or one of the bed's
   * (10.213.0.0/16, fd13::/16): run inside {@code ip netns exec ng-lan}, nothing else is reachable.
   */
  private static void requireInsideBed() {
    List<NetworkInterface> interfaces;
    try {
      interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
    } catch (SocketException e) {
      throw new IllegalStateException("cannot list network interfaces", e);
    }

    for (NetworkInterface face : interfaces) {
      for (InetAddress address : Collections.list(face.getInetAddresses())) {
        if (!address.isLoopbackAddress() && !address.isLinkLocalAddress() && !inBed(address)) {
          throw new IllegalStateException(
              face.getName()
                  + " has "
                  + address.getHostAddress()
                  + ", outside the bed: run ice4j only in the bed's namespace"
                  + " (ip netns exec ng-lan)");
        }
      }
    }
  }

  private static boolean inBed(InetAddress address) {
    byte[] bytes = address.getAddress();
    byte[] prefix = address instanceof Inet4Address ? BED_V4 : BED_V6;
    if (!(address instanceof Inet4Address) && !(address instanceof Inet6Address)) {
      return false;
    }

    return bytes[0] == prefix[0] && bytes[1] == prefix[1];
  }
}
