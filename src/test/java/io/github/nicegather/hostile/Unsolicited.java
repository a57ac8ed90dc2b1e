package io.github.nicegather.hostile;

import java.net.InetSocketAddress;
import java.util.Random;

/**
 * Packets nobody asked for, of the kinds a client meets on a TURN-facing socket: answers to
 * transactions it never started (one claiming a mapped address, one granting a relay, one
 * challenging), Binding requests from a stranger, Data indications, ChannelData and plain noise.
 */
final class Unsolicited {
  /** Attribute types random messages carry: known ones, unknown required, unknown optional. */
  private static final int[] TYPES = {
    Stun.MAPPED_ADDRESS,
    Stun.USERNAME,
    Stun.MESSAGE_INTEGRITY,
    Stun.ERROR_CODE,
    Stun.LIFETIME,
    Stun.DATA_ATTRIBUTE,
    Stun.REALM,
    Stun.NONCE,
    Stun.XOR_RELAYED_ADDRESS,
    Stun.XOR_MAPPED_ADDRESS,
    Stun.ALTERNATE_SERVER,
    0x0012,
    0x8022,
    0x8028,
    0x7F3A,
    0xC0DE
  };

  /** Addresses from TEST-NET-3 (RFC 5737): if a client believed one, it would show. */
  private static final InetSocketAddress CLAIMED = new InetSocketAddress("203.0.113.7", 40_000);

  private static final InetSocketAddress RELAY = new InetSocketAddress("203.0.113.8", 50_000);

  private Unsolicited() {}

  static byte[] any(Random random) {
    byte[] id = Noise.bytes(random, 12);

    return switch (random.nextInt(7)) {
      case 0 ->
          new MessageWriter(Stun.BINDING, Stun.SUCCESS, id)
              .xorAddress(Stun.XOR_MAPPED_ADDRESS, CLAIMED)
              .bytes();
      case 1 ->
          new MessageWriter(Stun.ALLOCATE, Stun.SUCCESS, id)
              .xorAddress(Stun.XOR_RELAYED_ADDRESS, RELAY)
              .xorAddress(Stun.XOR_MAPPED_ADDRESS, CLAIMED)
              .lifetime(Answers.LIFETIME_SECONDS)
              .bytes();
      case 2 ->
          new MessageWriter(Stun.BINDING, Stun.REQUEST, id)
              .add(Stun.USERNAME, "stranger" + random.nextInt(1000) + ":peer")
              .bytes();
      case 3 ->
          new MessageWriter(Stun.DATA, Stun.INDICATION, id)
              .xorAddress(0x0012, RELAY)
              .add(Stun.DATA_ATTRIBUTE, Noise.bytes(random, random.nextInt(200)))
              .bytes();
      case 4 -> Answers.challengeTo(Stun.ALLOCATE, id, Answers.REALM, "unasked");
      case 5 -> Noise.randomDatagram(random, id);
      default -> Noise.bytes(random, 1 + random.nextInt(200));
    };
  }

  static int attributeType(Random random) {
    return TYPES[random.nextInt(TYPES.length)];
  }
}
