package io.github.nicegather;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM by {@link ShutdownTest}; prints what it saw, one {@code key=value} a line.
 *
 * <ul>
 *   <li>{@code return STUN_URL COUNT}: opens COUNT gatherers that stay in gathering (the STUN
 *       server is silent and the timeout 30 s), then returns from main with all of them open.
 *   <li>{@code exit-in-handler STUN_URL COUNT}: the same, then calls {@code System.exit(0)} from a
 *       candidate handler of one more gatherer.
 *   <li>{@code two-loaders}: loads the library in two class loaders that share nothing but the
 *       platform's classes, and gathers in each, one after the other and then both at once.
 * </ul>
 */
public final class ShutdownProbe {
  private ShutdownProbe() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "return" -> openGatherers(args[1], Integer.parseInt(args[2]));
      case "exit-in-handler" -> exitInHandler(args[1], Integer.parseInt(args[2]));
      case "two-loaders" -> twoLoaders();
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  /** Opens gatherers that are all mid-gathering when this returns, and leaves them open. */
  private static List<IceGatherer> openGatherers(String stun, int count) throws Exception {
    IceApi api = slowApi();
    IceGatherOptions options = IceGatherOptions.builder().addIceServer(IceServer.of(stun)).build();
    CountDownLatch firstCandidates = new CountDownLatch(count);
    List<IceGatherer> open = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      IceGatherer gatherer = api.newIceGatherer(options);
      CountDownLatch first = new CountDownLatch(1);
      gatherer.onLocalCandidate(
          c -> {
            if (first.getCount() == 1) {
              first.countDown();
              firstCandidates.countDown();
            }
          });
      gatherer.gather();
      open.add(gatherer);
    }

    boolean all = firstCandidates.await(10, TimeUnit.SECONDS);
    long gathering = open.stream().filter(g -> g.state() == IceGathererState.GATHERING).count();
    System.out.println("candidates=" + all);
    System.out.println("gathering=" + gathering);
    System.out.flush();

    return open;
  }

  private static void exitInHandler(String stun, int count) throws Exception {
    List<IceGatherer> open = openGatherers(stun, count);
    IceGatherer exiting = slowApi().newIceGatherer(IceGatherOptions.builder().build());
    exiting.onLocalCandidate(
        c -> {
          System.out.println("exiting=" + Thread.currentThread().getName());
          System.out.flush();
          System.exit(0);
        });
    exiting.gather();

    // The handler ends the JVM; if it does not, the parent's bound notices.
    Thread.sleep(60_000);
    System.out.println("still running with " + open.size() + " gatherers");
  }

  private static IceApi slowApi() {
    SettingEngine engine = new SettingEngine();
    engine.setStunGatherTimeout(Duration.ofSeconds(30));

    return IceApi.create(engine);
  }

  private static void twoLoaders() throws Exception {
    URL[] classPath = classPath();
    try (URLClassLoader first = new URLClassLoader("first", classPath, platform());
        URLClassLoader second = new URLClassLoader("second", classPath, platform())) {
      Library a = new Library("first", first);
      Library b = new Library("second", second);
      a.describe();
      b.describe();

      System.out.println("first.alone=" + a.gatherOnce());
      System.out.println("second.alone=" + b.gatherOnce());

      Object kept = a.openAndGather();
      System.out.println("second.whileFirstOpen=" + b.gatherOnce());
      System.out.println("first.kept=" + a.await(kept));
      System.out.flush();
    }
  }

  private static ClassLoader platform() {
    return ClassLoader.getPlatformClassLoader();
  }

  private static URL[] classPath() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }

    return urls.toArray(URL[]::new);
  }

  /** The library as one class loader sees it, called by reflection. */
  private record Library(String name, ClassLoader loader) {
    void describe() throws Exception {
      Class<?> niceGather = loader.loadClass("io.github.nicegather.NiceGather");
      Object available = niceGather.getMethod("isAvailable").invoke(null);
      Object cause = niceGather.getMethod("unavailabilityCause").invoke(null);
      System.out.println(name + ".available=" + available);
      System.out.println(
          name + ".cause=" + (cause == null ? null : ((Throwable) cause).getMessage()));
    }

    /** Gathers host candidates to the end and closes; returns how many, or the failure. */
    String gatherOnce() {
      try {
        Object gatherer = openAndGather();
        String result = await(gatherer);
        call(gatherer, "close");

        return result;
      } catch (Exception e) {
        return failure(e);
      }
    }

    Object openAndGather() throws Exception {
      Class<?> api = loader.loadClass("io.github.nicegather.IceApi");
      Class<?> options = loader.loadClass("io.github.nicegather.IceGatherOptions");
      Object builder = options.getMethod("builder").invoke(null);
      Object built = builder.getClass().getMethod("build").invoke(builder);
      Object created = api.getMethod("create").invoke(null);
      Object gatherer = api.getMethod("newIceGatherer", options).invoke(created, built);
      call(gatherer, "gather");

      return gatherer;
    }

    String await(Object gatherer) {
      try {
        Object future = call(gatherer, "gatheringComplete");
        Method get = future.getClass().getMethod("get", long.class, TimeUnit.class);
        List<?> all = (List<?>) get.invoke(future, 5L, TimeUnit.SECONDS);

        return all.size() + " candidates";
      } catch (Exception e) {
        return failure(e);
      }
    }

    private static Object call(Object target, String method) throws Exception {
      return target.getClass().getMethod(method).invoke(target);
    }

    private static String failure(Throwable e) {
      Throwable cause = e;
      while (cause instanceof InvocationTargetException && cause.getCause() != null) {
        cause = cause.getCause();
      }

      return cause.getClass().getName() + ": " + cause.getMessage();
    }
  }
}
