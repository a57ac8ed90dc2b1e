package io.github.nicegather.hostile;

import java.util.List;
import java.util.function.Function;

/** The ways the hostile server misbehaves, one per run; each names what its answers do wrong. */
enum Mode {
  TRUNCATED(Malformed::truncated),
  WRONG_LENGTH(Malformed::wrongLength),
  WRONG_COOKIE(Malformed::wrongCookie),
  WRONG_TRANSACTION_ID(Malformed::wrongTransactionId),
  ABSURD_ATTRIBUTE_LENGTH(Malformed::absurdAttributeLength),
  WRONG_ADDRESS_FAMILY(Misleading::wrongAddressFamily),
  REDIRECT_TO_ITSELF(Misleading::redirectToItself),
  ENDLESS_401(Challenges::endless401),
  ENDLESS_401_NEW_REALM(Challenges::endless401NewRealm),
  ENDLESS_438(Challenges::endless438),
  UNUSABLE_RELAY(Misleading::unusableRelay),
  FLOOD(Noise::flood),
  RANDOM_BYTES(Noise::randomBytes);

  private final Function<Exchange, List<byte[]>> answer;

  Mode(Function<Exchange, List<byte[]>> answer) {
    this.answer = answer;
  }

  /** The messages to send back at once; noise may follow later through {@link Bursts}. */
  List<byte[]> answer(Exchange exchange) {
    return answer.apply(exchange);
  }

  /** The mode's name in command lines: {@code wrong-cookie}. */
  String argument() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  static Mode of(String argument) {
    return valueOf(argument.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }
}
