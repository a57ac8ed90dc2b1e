package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** TURN and ICE passwords stay out of logs, exception messages and toString(). */
class SecretsTest {
  private static final String SECRET = "s3cret-turn-credential";

  @Test
  void optionsAndServersNeverShowTheCredential() {
    IceServer server = IceServer.of(List.of("turn:192.0.2.1"), "user", SECRET);
    IceGatherOptions options = IceGatherOptions.builder().addIceServer(server).build();

    assertThat(server.toString()).doesNotContain(SECRET).contains("user");
    assertThat(options.toString()).doesNotContain(SECRET);
  }

  @Test
  void validationErrorsNeverShowTheCredential() {
    IceServer bad = IceServer.of(List.of("turn:192.0.2.1?transport=sctp", "turns:"), "u", SECRET);
    IceGatherOptions options = IceGatherOptions.builder().addIceServer(bad).build();

    assertThatThrownBy(() -> IceApi.create().newIceGatherer(options))
        .isInstanceOf(IceException.class)
        .satisfies(e -> assertThat(e.toString()).doesNotContain(SECRET));
  }

  @Test
  void aFullGatheringAtTheMostVerboseLevelLogsNoPassword() throws Exception {
    Bed.require();
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(
                record.getLoggerName() + " " + record.getMessage() + " " + record.getThrown());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    Level before = root.getLevel();
    root.setLevel(Level.ALL);
    Logger.getLogger("io.github.nicegather").setLevel(Level.ALL);
    root.addHandler(capture);
    String icePassword;
    try {
      IceGatherOptions options =
          IceGatherOptions.builder()
              .addIceServer(Bed.turnServer("udp"))
              .addIceServer(IceServer.of(List.of(Bed.turn("tcp")), Bed.USER, "wrong-" + SECRET))
              .build();
      try (IceGatherer gatherer = IceApi.create().newIceGatherer(options)) {
        icePassword = gatherer.getLocalParameters().password();
        gatherer.onLocalCandidate(
            c -> {
              throw new IllegalStateException("logged on purpose: " + c);
            });
        gatherer.gather();
        gatherer.gatheringComplete().join();
      }
    } finally {
      root.removeHandler(capture);
      root.setLevel(before);
    }

    assertThat(lines)
        .isNotEmpty()
        .noneMatch(l -> l.contains(Bed.PASSWORD) || l.contains(SECRET) || l.contains(icePassword));
  }
}
