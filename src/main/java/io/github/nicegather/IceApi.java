package io.github.nicegather;

import io.github.nicegather.internal.GatherConfig;
import io.github.nicegather.internal.NativeLibrary;

/**
 * The entry point, like Pion's {@code webrtc.API}: creates gatherers that share one set of
 * settings. The settings are copied when the API is created; later changes to the {@link
 * SettingEngine} do not reach it.
 *
 * <p>Thread-safe.
 */
public final class IceApi {
  private final Settings settings;

  private IceApi(Settings settings) {
    this.settings = settings;
  }

  /** An API with default settings: UDP over IPv4 and IPv6, no loopback, a 2 s STUN timeout. */
  public static IceApi create() {
    return new IceApi(new SettingEngine().snapshot());
  }

  /** An API with a copy of {@code engine}'s settings. */
  public static IceApi create(SettingEngine engine) {
    if (engine == null) {
      throw new IceException(IceException.Reason.INVALID_OPTION, "engine: must not be null");
    }

    return new IceApi(engine.snapshot());
  }

  /**
   * Creates a gatherer in state {@code NEW}. Everything is validated first, at once: the exception
   * lists every bad input, and nothing native is created for a rejected configuration.
   *
   * @throws IceException naming each bad input (URL syntax, missing TURN credentials, OAuth, pool
   *     size, ICE servers in lite mode), or NATIVE_UNAVAILABLE when the native library cannot be
   *     loaded
   */
  public IceGatherer newIceGatherer(IceGatherOptions options) {
    GatherConfig.Checked checked = GatherConfig.check(options, settings.rewriteRules());
    if (settings.lite() && !checked.urls().isEmpty()) {
      throw new IceException(
          IceException.Reason.INVALID_OPTION,
          "iceServers: an ICE-lite agent gathers host candidates only (RFC 8445 section 2.5); "
              + "remove the servers or turn lite mode off");
    }

    NativeLibrary.require();

    return new IceGatherer(settings, options, checked.urls(), checked.rules());
  }
}
