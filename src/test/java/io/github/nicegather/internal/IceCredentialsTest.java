package io.github.nicegather.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IceCredentialsTest {
  private static final String ICE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  @Test
  void ufragIs16IceChars() {
    assertThat(IceCredentials.ufrag()).matches("[A-Za-z0-9+/]{16}");
  }

  @Test
  void passwordIs32IceChars() {
    assertThat(IceCredentials.password()).matches("[A-Za-z0-9+/]{32}");
  }

  @Test
  void thousandDrawsAreAllDistinct() {
    assertThat(draws(IceCredentials::ufrag, 1000)).hasSize(1000);
    assertThat(draws(IceCredentials::password, 1000)).hasSize(1000);
  }

  @Test
  void drawsUseTheWholeAlphabet() {
    // 32,000 characters: the chance that any of the 64 symbols is missing is below 10^-200.
    Set<Character> seen =
        draws(IceCredentials::password, 1000).stream()
            .flatMap(password -> password.chars().mapToObj(c -> (char) c))
            .collect(Collectors.toSet());

    Set<Character> alphabet = ICE_CHARS.chars().mapToObj(c -> (char) c).collect(Collectors.toSet());
    assertThat(seen).isEqualTo(alphabet);
  }

  private static Set<String> draws(Supplier<String> generator, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> generator.get())
        .collect(Collectors.toCollection(HashSet::new));
  }
}
