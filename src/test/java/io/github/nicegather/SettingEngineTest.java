package io.github.nicegather;

import static io.github.nicegather.NetworkType.TCP4;
import static io.github.nicegather.NetworkType.UDP4;
import static io.github.nicegather.NetworkType.UDP6;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingEngineTest {
  private final SettingEngine engine = new SettingEngine();

  @Test
  void defaultsAreUdpBothFamiliesNoLoopbackTwoSecondsFullIce() {
    assertThat(engine.networkTypes()).containsExactly(UDP4, UDP6);
    assertThat(engine.includeLoopbackCandidate()).isFalse();
    assertThat(engine.stunGatherTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(engine.lite()).isFalse();
  }

  @Test
  void networkTypesIgnoreDuplicatesAndKeepDeclarationOrder() {
    engine.setNetworkTypes(TCP4, UDP6, TCP4);

    assertThat(engine.networkTypes()).containsExactly(UDP6, TCP4);
    assertThatThrownBy(() -> engine.networkTypes().add(UDP4))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void networkTypesNeedAtLeastOne() {
    assertThatThrownBy(() -> engine.setNetworkTypes())
        .isInstanceOfSatisfying(
            IceException.class,
            e -> assertThat(e.reason()).isEqualTo(IceException.Reason.INVALID_OPTION))
        .hasMessage("networkTypes: at least one network type is required");
    assertThatThrownBy(() -> engine.setNetworkTypes((NetworkType[]) null))
        .isInstanceOf(IceException.class)
        .hasMessage("networkTypes: at least one network type is required");
    assertThatThrownBy(() -> engine.setNetworkTypes(UDP4, null))
        .isInstanceOf(IceException.class)
        .hasMessage("networkTypes[1]: null");
    assertThat(engine.networkTypes()).containsExactly(UDP4, UDP6);
  }

  @ParameterizedTest
  @ValueSource(longs = {100, 2000, 30_000})
  void stunGatherTimeoutAccepts100MsTo30S(long millis) {
    engine.setStunGatherTimeout(Duration.ofMillis(millis));

    assertThat(engine.stunGatherTimeout()).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void stunGatherTimeoutOutOfRangeNamesTheValue() {
    assertThatThrownBy(() -> engine.setStunGatherTimeout(Duration.ofMillis(50)))
        .isInstanceOfSatisfying(
            IceException.class,
            e -> assertThat(e.reason()).isEqualTo(IceException.Reason.INVALID_OPTION))
        .hasMessage("stunGatherTimeout: PT0.05S is outside 100 ms..30 s");
    assertThatThrownBy(() -> engine.setStunGatherTimeout(Duration.ofMillis(30_001)))
        .isInstanceOf(IceException.class)
        .hasMessage("stunGatherTimeout: PT30.001S is outside 100 ms..30 s");
    assertThatThrownBy(() -> engine.setStunGatherTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IceException.class)
        .hasMessage("stunGatherTimeout: PT-1S is outside 100 ms..30 s");
    assertThatThrownBy(() -> engine.setStunGatherTimeout(null))
        .isInstanceOf(IceException.class)
        .hasMessage("stunGatherTimeout: null, expected 100 ms..30 s");
    assertThat(engine.stunGatherTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void snapshotIsUnaffectedByLaterChanges() {
    engine.setNetworkTypes(UDP4);
    engine.setIncludeLoopbackCandidate(true);
    engine.setStunGatherTimeout(Duration.ofMillis(500));
    engine.setLite(true);
    Settings snapshot = engine.snapshot();

    engine.setNetworkTypes(TCP4);
    engine.setIncludeLoopbackCandidate(false);
    engine.setStunGatherTimeout(Duration.ofSeconds(3));
    engine.setLite(false);

    assertThat(snapshot)
        .isEqualTo(
            new Settings(
                Set.of(UDP4),
                true,
                Duration.ofMillis(500),
                true,
                List.of(),
                null,
                null,
                null,
                "",
                ""));
    assertThatThrownBy(() -> snapshot.networkTypes().add(UDP6))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
