package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shim carries its own libnice (ci/libnice-build, native/libnice/*.patch), not the system's:
 * what only that build does, in the NAT bed.
 */
class BundledLibniceTest {
  private static final Path MAPS = Path.of("/proc/self/maps");

  @BeforeEach
  void needsBed() {
    Bed.require();
  }

  @Test
  void noSystemLibniceGupnpOrGlibIsMappedAfterAGathering() throws Exception {
    Gathered g = Gathered.run(IceApi.create(), options(IceServer.of(Bed.stun())));
    List<String> mapped = mappedFiles();

    assertThat(g.ofType(IceCandidateType.SRFLX)).isNotEmpty();
    assertThat(mapped).anyMatch(f -> f.endsWith("/libnicegather.so"));
    assertThat(mapped.stream().filter(BundledLibniceTest::isSystemEngine).toList())
        .as("system libnice, GUPnP or GLib mapped into the test JVM")
        .isEmpty();
  }

  @Test
  void aStunServerThatRefusesRfc3489StillGivesASrflxCandidate() throws Exception {
    String strict = "stun:" + Bed.SERVER_V4 + ":" + Bed.STRICT_STUN_PORT;
    Gathered g = Gathered.run(IceApi.create(), options(IceServer.of(strict)));

    IceCandidate host = g.only(IceCandidateType.HOST, Bed.LAN_V4);
    IceCandidate srflx = g.only(IceCandidateType.SRFLX, Bed.NAT_V4);
    assertThat(srflx.port()).isEqualTo(host.port());
    assertThat(srflx.relatedAddress()).isEqualTo(Bed.LAN_V4);
    assertThat(g.errors()).isEmpty();
  }

  /**
   * With libnice 0.1.21's RFC 3489 srflx requests, STUN and TURN on the same server made gathering
   * wait for the srflx request's timeout, about 2 s (RTO 500 ms, 3 transmissions; 2060 ms in this
   * bed). With RFC 5389 requests it ends a few 20 ms pacing ticks after the answers, about 60 ms
   * here; 1000 ms leaves room for a loaded machine and still fails on the timeout. The timeout is
   * pinned to its 2 s default, so a shorter default cannot make this pass without the fix.
   */
  @Test
  void stunAndTurnOnTheSameServerCompleteWithoutWaitingForATimeout() throws Exception {
    SettingEngine engine = new SettingEngine();
    engine.setStunGatherTimeout(Duration.ofSeconds(2));
    IceGatherOptions options =
        IceGatherOptions.builder()
            .addIceServer(IceServer.of(Bed.stun()))
            .addIceServer(Bed.turnServer("udp"))
            .build();
    Gathered g = Gathered.run(IceApi.create(engine), options);

    assertThat(g.ofType(IceCandidateType.SRFLX)).hasSize(1);
    assertThat(g.ofType(IceCandidateType.RELAY)).hasSize(1);
    assertThat(g.millisToComplete()).isLessThan(1000);
    assertThat(g.errors()).isEmpty();
  }

  private static IceGatherOptions options(IceServer server) {
    return IceGatherOptions.builder().addIceServer(server).build();
  }

  /**
   * The system's libnice, GUPnP, or the GLib a GIO module would bring in. libnicegather.so's own
   * name starts with "libnice", so the sonames are matched whole.
   */
  private static boolean isSystemEngine(String file) {
    return file.contains("/libnice.so")
        || file.contains("/libgupnp")
        || file.contains("/libgio-2.0.so")
        || file.contains("/libglib-2.0.so");
  }

  private static List<String> mappedFiles() throws IOException {
    // A maps line: address perms offset dev inode [path]; the path is the sixth field.
    return Files.readAllLines(MAPS).stream()
        .map(line -> line.trim().split("\\s+", 6))
        .filter(fields -> fields.length == 6 && fields[5].startsWith("/"))
        // A library rebuilt while mapped shows as "path (deleted)": it is still the one in use.
        .map(fields -> fields[5].replace(" (deleted)", ""))
        .distinct()
        .toList();
  }
}
