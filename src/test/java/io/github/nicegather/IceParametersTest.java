package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IceParametersTest {
  @Test
  void toStringRedactsThePassword() {
    IceParameters parameters =
        new IceParameters("Ufrag+Ab/1234567", "Pelican-55d0-PASSWORD-0123456789", false);

    assertThat(parameters)
        .hasToString(
            "IceParameters[usernameFragment=Ufrag+Ab/1234567, password=<redacted>, iceLite=false]");
    assertThat(parameters.toString()).doesNotContain("Pelican");
  }

  @Test
  void keepsAllThreeValues() {
    IceParameters parameters = new IceParameters("uf", "pw", true);

    assertThat(parameters.usernameFragment()).isEqualTo("uf");
    assertThat(parameters.password()).isEqualTo("pw");
    assertThat(parameters.iceLite()).isTrue();
    assertThat(parameters).isEqualTo(new IceParameters("uf", "pw", true));
  }

  @Test
  void rejectsNullUfragOrPassword() {
    assertThatThrownBy(() -> new IceParameters(null, "pw", false))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("usernameFragment");
    assertThatThrownBy(() -> new IceParameters("uf", null, false))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("password");
  }
}
