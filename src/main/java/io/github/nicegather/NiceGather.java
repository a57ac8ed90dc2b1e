package io.github.nicegather;

import io.github.nicegather.internal.LocalAddresses;
import io.github.nicegather.internal.NativeLibrary;

/**
 * Whether the native side can be used here, and why not. Loading happens on first use (of this
 * class or of {@link IceApi#newIceGatherer}); these let a service check at start-up and log a clear
 * cause instead of failing on the first gatherer.
 *
 * <p>The native libraries come from the classifier jar of this platform, extracted by JavaCPP to
 * {@code ~/.javacpp/cache} (see JavaCPP's {@code org.bytedeco.javacpp.cachedir}), or, with {@code
 * -Dnicegather.library.path=DIR}, from a directory holding {@code libnicegather} and {@code
 * libjniNativeShim}.
 *
 * <p>Thread-safe.
 */
public final class NiceGather {
  private NiceGather() {}

  /** True when the native library is loaded, or loads now. */
  public static boolean isAvailable() {
    return NativeLibrary.isAvailable();
  }

  /**
   * Why the native library cannot be used: an {@link IceException} (NATIVE_UNAVAILABLE) whose
   * message names the platform detected, the file looked for and how to fix it, with the loader's
   * error as its cause; null when it is available.
   */
  public static Throwable unavailabilityCause() {
    return NativeLibrary.unavailabilityCause();
  }

  /**
   * Makes the next gathering list the host's addresses afresh. They are cached between gatherers
   * for {@code -Dnicegather.addressCacheMillis} (default 5000 ms; 0 turns the cache off), since
   * listing them is the largest cost of a host-only gathering; call this after a known change (an
   * interface up or down, a new address) to use it at once.
   */
  public static void refreshLocalAddresses() {
    LocalAddresses.refresh();
  }

  /**
   * The engine the native library was built with, e.g. "libnice 0.1.21, GLib 2.74.6".
   *
   * @throws IceException (NATIVE_UNAVAILABLE) when the native library cannot be loaded
   */
  public static String engineVersion() {
    return NativeLibrary.engineVersion();
  }
}
