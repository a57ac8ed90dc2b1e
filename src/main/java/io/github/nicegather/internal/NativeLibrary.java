package io.github.nicegather.internal;

import io.github.nicegather.IceException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.Loader;

/**
 * Loads the shim once per class loader and remembers why it failed, so every later call gets the
 * same clear error instead of a NoClassDefFoundError from a half-initialised binding class.
 *
 * <p>By default JavaCPP's Loader finds the platform's classifier jar on the class path and extracts
 * its libraries to its cache ({@code ~/.javacpp/cache}). With the system property {@value
 * #PATH_PROPERTY} set to a directory, the two libraries are loaded from there instead, for systems
 * where extraction is not wanted (read-only home, noexec temp, an audited path).
 */
public final class NativeLibrary {
  /** A directory holding the shim and its JNI glue, to load instead of the classifier jar's. */
  public static final String PATH_PROPERTY = "nicegather.library.path";

  /**
   * Claimed, JVM-wide, by the first class loader that loads the shim. The shim has one event queue
   * per process: a second loader's pump would take the first one's events, so it is refused.
   */
  private static final String OWNER_PROPERTY = "io.github.nicegather.loadedBy";

  private static final String SHIM = "nicegather";
  private static final String GLUE = "jniNativeShim";

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
      throw new IceException(IceException.Reason.NATIVE_UNAVAILABLE, explain(failure), failure);
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

  /** Why loading failed, as the exception users get, or null when it did not fail. */
  public static Throwable unavailabilityCause() {
    try {
      require();
      return null;
    } catch (IceException e) {
      return e;
    }
  }

  /** The libnice and GLib versions the shim was built with. */
  public static String engineVersion() {
    require();

    return NativeShim.ng_version();
  }

  /** Called by the binding class's initialiser: the libraries, from the jar or the property. */
  static void loadBinding(Class<?> binding) {
    String directory = System.getProperty(PATH_PROPERTY);
    if (directory == null || directory.isBlank()) {
      Loader.load(binding);
      return;
    }

    // The glue needs the shim: load it first, by absolute path, so no search path is involved.
    System.load(file(directory, SHIM).toString());
    System.load(file(directory, GLUE).toString());
  }

  private static Path file(String directory, String library) {
    Path path = Path.of(directory, System.mapLibraryName(library)).toAbsolutePath();
    if (!Files.isRegularFile(path)) {
      throw new UnsatisfiedLinkError(PATH_PROPERTY + "=" + directory + ": no " + path);
    }

    return path;
  }

  private static String explain(Throwable cause) {
    if (cause instanceof OtherClassLoader) {
      return cause.getMessage();
    }
    String platform = platform();
    String directory = System.getProperty(PATH_PROPERTY);
    if (directory != null && !directory.isBlank()) {
      return "the nicegather native library could not be loaded from "
          + PATH_PROPERTY
          + "="
          + directory
          + " (platform "
          + platform
          + "; it must hold "
          + System.mapLibraryName(SHIM)
          + " and "
          + System.mapLibraryName(GLUE)
          + " built for it): "
          + cause;
    }

    return "the nicegather native library could not be loaded for platform "
        + platform
        + ": looked for io/github/nicegather/internal/"
        + platform
        + "/"
        + System.mapLibraryName(GLUE)
        + " on the class path; add the dependency"
        + " io.github.nicegather:nicegather:<version>:"
        + platform
        + " (or io.github.nicegather:nicegather-platform), or set -D"
        + PATH_PROPERTY
        + "=<directory with both libraries>; cause: "
        + cause;
  }

  private static String platform() {
    try {
      return Loader.getPlatform();
    } catch (LinkageError e) {
      return System.getProperty("os.name") + "-" + System.getProperty("os.arch");
    }
  }

  private static void load() {
    String me =
        NativeLibrary.class.getClassLoader()
            + "#"
            + Integer.toHexString(System.identityHashCode(NativeLibrary.class));
    Object owner = System.getProperties().putIfAbsent(OWNER_PROPERTY, me);
    if (owner != null && !owner.equals(me)) {
      failure = new OtherClassLoader(owner.toString());
      return;
    }

    try {
      int started = NativeShim.ng_runtime_start();
      if (started < 0) {
        throw new IllegalStateException(NativeShim.describe(started));
      }
      loaded = true;
    } catch (Throwable t) {
      failure = t;
      System.getProperties().remove(OWNER_PROPERTY, me);
    }
  }

  /** Why a second class loader cannot use the shim, and what to do instead. */
  private static final class OtherClassLoader extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    OtherClassLoader(String owner) {
      super(
          "nicegather is already loaded in this process by another class loader ("
              + owner
              + "); its native side is one per process, so load nicegather once, from a class "
              + "loader that every user of it shares (the application's rather than each "
              + "plug-in's)");
    }
  }
}
