package io.github.nicegather.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.nicegather.IceCredentialType;
import io.github.nicegather.IceException;
import io.github.nicegather.IceException.Reason;
import io.github.nicegather.IceGatherOptions;
import io.github.nicegather.IceServer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatherConfigTest {
  private static final String SECRET = "Quokka-7f3e-CREDENTIAL";

  private static IceGatherOptions options(int poolSize, IceServer... servers) {
    return new IceGatherOptions(Arrays.asList(servers), null, poolSize);
  }

  @Test
  void reportsEveryProblemAtOnceInOrder() {
    IceGatherOptions options =
        options(
            300,
            IceServer.of("stun:h:0"),
            null,
            IceServer.of(),
            IceServer.of(List.of("turn:relay.example"), null, null),
            IceServer.of("stun:ok.example", "ftp:x", null));

    IceException e = catchThrowableOfType(IceException.class, () -> GatherConfig.validate(options));

    assertThat(e.reason()).isEqualTo(Reason.INVALID_SERVER_URL);
    assertThat(e.problems())
        .containsExactly(
            "stun:h:0: port out of range",
            "iceServers[1]: null",
            "iceServers[2]: no URLs",
            "turn:relay.example: TURN needs a username and a credential",
            "ftp:x: unknown scheme \"ftp\"",
            "iceServers[4].urls[2]: url is empty",
            "candidatePoolSize: 300 is outside 0..255");
    assertThat(e).hasMessage(String.join("; ", e.problems()));
  }

  @Test
  void reasonIsThatOfTheFirstProblem() {
    IceGatherOptions options =
        options(0, null, IceServer.of(List.of("turn:h"), "user", null), IceServer.of("stun:h:0"));

    assertThatThrownBy(() -> GatherConfig.validate(options))
        .isInstanceOfSatisfying(
            IceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.INVALID_OPTION);
              assertThat(e.problems()).hasSize(3);
            });
  }

  @Test
  void missingTurnCredentialsHaveTheirOwnReason() {
    IceGatherOptions options = options(0, IceServer.of(List.of("turns:h"), "user", ""));

    assertThatThrownBy(() -> GatherConfig.validate(options))
        .isInstanceOfSatisfying(
            IceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_CREDENTIALS))
        .hasMessage("turns:h: TURN needs a username and a credential");
  }

  @Test
  void oauthCredentialsForTurnAreUnsupported() {
    IceServer server =
        new IceServer(List.of("stun:h", "turn:h"), "user", SECRET, IceCredentialType.OAUTH);

    assertThatThrownBy(() -> GatherConfig.validate(options(0, server)))
        .isInstanceOfSatisfying(
            IceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED))
        .hasMessage(
            "iceServers[0]: OAuth credentials are not supported: libnice authenticates"
                + " TURN with long-term credentials only (RFC 8489 §9.2)");
  }

  @Test
  void oauthWithoutCredentialReportsOnlyTheOauthProblem() {
    IceServer server = new IceServer(List.of("turn:h"), null, null, IceCredentialType.OAUTH);

    assertThatThrownBy(() -> GatherConfig.validate(options(0, server)))
        .isInstanceOfSatisfying(
            IceException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
              assertThat(e.problems()).hasSize(1);
            });
  }

  @Test
  void oauthOnAStunOnlyServerIsHarmless() {
    IceServer server = new IceServer(List.of("stun:h"), null, null, IceCredentialType.OAUTH);

    assertThat(GatherConfig.validate(options(0, server))).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 256, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void poolSizeOutside0To255IsRejected(int size) {
    assertThatThrownBy(() -> GatherConfig.validate(options(size)))
        .isInstanceOfSatisfying(
            IceException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_OPTION))
        .hasMessage("candidatePoolSize: " + size + " is outside 0..255");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 255})
  void poolSizeFrom0To255IsAccepted(int size) {
    assertThat(GatherConfig.validate(options(size))).isEmpty();
  }

  @Test
  void nullOptionsAreRejected() {
    assertThatThrownBy(() -> GatherConfig.validate(null))
        .isInstanceOf(IceException.class)
        .hasMessage("options: null");
  }

  @Test
  void returnsParsedUrlsInServerThenUrlOrder() {
    IceGatherOptions options =
        options(
            0,
            IceServer.of("stun:a.example"),
            IceServer.of(List.of("turn:b.example?transport=tcp", "turns:c.example"), "u", SECRET));

    List<ServerUrl> urls = GatherConfig.validate(options);

    assertThat(urls)
        .extracting(ServerUrl::host)
        .containsExactly("a.example", "b.example", "c.example");
    assertThat(urls.get(2).credential()).isEqualTo(SECRET);
    assertThatThrownBy(() -> urls.add(urls.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theCredentialNeverAppearsInAnyMessage() {
    IceGatherOptions options =
        options(
            -5,
            IceServer.of(
                List.of("turn:h:0", "turn:h?transport=x", "turn:h\n", "turn:h"), "", SECRET),
            IceServer.of(List.of("turn:h:99999", "turns:[zz]"), "user", SECRET),
            new IceServer(List.of("turn:h"), "user", SECRET, IceCredentialType.OAUTH));

    IceException e = catchThrowableOfType(IceException.class, () -> GatherConfig.validate(options));

    assertThat(e.problems()).hasSize(8);
    assertThat(e.getMessage()).doesNotContain(SECRET);
    assertThat(e.problems()).noneMatch(problem -> problem.contains(SECRET));
    assertThat(e.toString()).doesNotContain(SECRET);
  }

  @Test
  void exceptionOfJoinsProblemsAndKeepsThem() {
    IceException e = IceException.of(Reason.GATHER_FAILED, List.of("a: bad", "b: worse"));

    assertThat(e).hasMessage("a: bad; b: worse");
    assertThat(e.problems()).containsExactly("a: bad", "b: worse");
    assertThat(e.reason()).isEqualTo(Reason.GATHER_FAILED);
    assertThatThrownBy(() -> IceException.of(Reason.GATHER_FAILED, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void singleProblemExceptionListsItsMessage() {
    Exception cause = new IllegalStateException("boom");
    IceException e = new IceException(Reason.NATIVE_ERROR, "ng_poll: -5", cause);

    assertThat(e.problems()).containsExactly("ng_poll: -5");
    assertThat(e).hasCause(cause);
    assertThat(new IceException(Reason.NATIVE_ERROR, null).problems()).isEmpty();
  }
}
