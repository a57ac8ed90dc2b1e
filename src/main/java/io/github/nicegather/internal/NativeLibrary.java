package io.github.nicegather.internal;

import io.github.nicegather.IceException;

/**
 * Loads the shim once per class loader and remembers why it failed, so every later call gets the
 * same clear error instead of a NoClassDefFoundError from a half-initialised binding class.
 */
public final class NativeLibrary {
  private static volatile Throwable failure;
  private static volatile boolean loaded;

  private NativeLibrary() {}

  /** Loads the shim if needed; throws {@link IceException} (NATIVE_UNAVAILABLE) if it cannot. */
  public static void require() {
    if (loaded) {
      return;
    }

    synchronized (NativeLibrary.class) {
      if (!loaded && failure == null) {
        load();
      }
    }

    if (failure != null) {
      throw new IceException(
          IceException.Reason.NATIVE_UNAVAILABLE,
          "the nicegather native library could not be loaded for "
              + platform()
              + ": put the nicegather jar with classifier "
              + platform()
              + " on the class path, and install libnice (Debian: libnice10); cause: "
              + failure,
          failure);
    }
  }

  /** True when the shim is loaded or loads now. */
  public static boolean isAvailable() {
    try {
      require();
      return true;
    } catch (IceException e) {
      return false;
    }
  }

  /** Why loading failed, or null when it did not. */
  public static Throwable unavailabilityCause() {
    isAvailable();
    return failure;
  }

  private static String platform() {
    try {
      return org.bytedeco.javacpp.Loader.getPlatform();
    } catch (LinkageError e) {
      return System.getProperty("os.name") + "-" + System.getProperty("os.arch");
    }
  }

  private static void load() {
    try {
      int started = NativeShim.ng_runtime_start();
      if (started < 0) {
        throw new IllegalStateException(NativeShim.describe(started));
      }
      loaded = true;
    } catch (Throwable t) {
      failure = t;
    }
  }
}
