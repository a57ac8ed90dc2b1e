package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IceServerTest {
  private static final String SECRET = "Narwhal-91c2-CREDENTIAL";

  @Test
  void toStringRedactsTheCredential() {
    IceServer server = IceServer.of(List.of("turn:h"), "alice", SECRET);

    assertThat(server)
        .hasToString(
            "IceServer[urls=[turn:h], username=alice, credential=<redacted>, "
                + "credentialType=password]");
    assertThat(server.toString()).doesNotContain(SECRET);
  }

  @Test
  void toStringSaysNoneWithoutCredential() {
    assertThat(IceServer.of("stun:h"))
        .hasToString(
            "IceServer[urls=[stun:h], username=null, credential=<none>, credentialType=password]");
    assertThat(IceServer.of(List.of("turn:h"), "bob", ""))
        .hasToString(
            "IceServer[urls=[turn:h], username=bob, credential=<none>, credentialType=password]");
  }

  @Test
  void defaultsToNoUrlsAndPasswordCredentials() {
    IceServer server = new IceServer(null, null, null, null);

    assertThat(server.urls()).isEmpty();
    assertThat(server.credentialType()).isEqualTo(IceCredentialType.PASSWORD);
    assertThat(IceServer.of((String[]) null).urls()).isEmpty();
  }

  @Test
  void urlsAreAnImmutableCopyThatKeepsNulls() {
    List<String> urls = new ArrayList<>(Arrays.asList("stun:a", null));
    IceServer server = new IceServer(urls, null, null, IceCredentialType.OAUTH);
    urls.add("stun:b");

    assertThat(server.urls()).containsExactly("stun:a", null);
    assertThat(server.credentialType()).isEqualTo(IceCredentialType.OAUTH);
    assertThatThrownBy(() -> server.urls().add("stun:c"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void optionsDefaultToNoServersPolicyAllAndPool0() {
    IceGatherOptions built = IceGatherOptions.builder().build();
    IceGatherOptions direct = new IceGatherOptions(null, null, 0);

    assertThat(built).isEqualTo(direct);
    assertThat(built.iceServers()).isEmpty();
    assertThat(built.gatherPolicy()).isEqualTo(IceGatherPolicy.ALL);
    assertThat(built.candidatePoolSize()).isZero();
  }

  @Test
  void builderCollectsServersPolicyAndPoolSize() {
    IceServer stun = IceServer.of("stun:a");
    IceServer turn = IceServer.of(List.of("turn:b"), "u", SECRET);
    IceGatherOptions.Builder builder =
        IceGatherOptions.builder()
            .iceServers(List.of(stun))
            .addIceServer(turn)
            .addIceServer(null)
            .gatherPolicy(IceGatherPolicy.RELAY)
            .candidatePoolSize(300);

    IceGatherOptions options = builder.build();
    builder.iceServers(null);

    assertThat(options.iceServers()).containsExactly(stun, turn, null);
    assertThat(options.gatherPolicy()).isEqualTo(IceGatherPolicy.RELAY);
    assertThat(options.candidatePoolSize()).isEqualTo(300);
    assertThat(builder.build().iceServers()).isEmpty();
    assertThatThrownBy(() -> options.iceServers().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void enumsPrintTheirW3cNames() {
    assertThat(IceCredentialType.values())
        .extracting(Object::toString)
        .containsExactly("password", "oauth");
    assertThat(IceGatherPolicy.values())
        .extracting(Object::toString)
        .containsExactly("all", "relay", "nohost");
    assertThat(IceGathererState.values())
        .extracting(Object::toString)
        .containsExactly("new", "gathering", "complete", "closed");
  }

  @Test
  void gatherPolicyParsesIgnoringCase() {
    assertThat(IceGatherPolicy.parse("all")).isEqualTo(IceGatherPolicy.ALL);
    assertThat(IceGatherPolicy.parse("RELAY")).isEqualTo(IceGatherPolicy.RELAY);
    assertThat(IceGatherPolicy.parse("NoHost")).isEqualTo(IceGatherPolicy.NO_HOST);
  }

  @Test
  void gatherPolicyParseNamesTheBadValue() {
    assertThatThrownBy(() -> IceGatherPolicy.parse("no_host"))
        .isInstanceOfSatisfying(
            IceException.class,
            e -> assertThat(e.reason()).isEqualTo(IceException.Reason.INVALID_OPTION))
        .hasMessage("gatherPolicy: unknown value \"no_host\", expected all, relay or nohost");
    assertThatThrownBy(() -> IceGatherPolicy.parse(null))
        .isInstanceOf(IceException.class)
        .hasMessage("gatherPolicy: unknown value null, expected all, relay or nohost");
  }
}
