package io.github.nicegather.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpTextTest {
  @ParameterizedTest
  @CsvSource({
    "0:0:0:0:0:0:0:0, ::",
    "0:0:0:0:0:0:0:1, ::1",
    "2001:db8:0:0:0:0:0:7, 2001:db8::7",
    "2001:0db8:0:1:0:0:0:1, 2001:db8:0:1::1",
    "1:0:0:2:0:0:0:3, 1:0:0:2::3",
    "fe80:0:0:1:0:0:1:1, fe80::1:0:0:1:1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "FD13:0:0:1:0:0:0:FE, fd13:0:0:1::fe",
    "10.213.1.1, 10.213.1.1"
  })
  void writesAddressesInTheRfc5952Form(String literal, String expected) throws Exception {
    assertThat(IpText.format(InetAddress.getByName(literal))).isEqualTo(expected);
  }
}
