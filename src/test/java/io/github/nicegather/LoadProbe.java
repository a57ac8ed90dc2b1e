package io.github.nicegather;

/** Run in a child JVM by NativeLoadingTest: prints whether the native side loads, and why not. */
public final class LoadProbe {
  private LoadProbe() {}

  public static void main(String[] args) {
    System.out.println("available=" + NiceGather.isAvailable());
    Throwable cause = NiceGather.unavailabilityCause();
    System.out.println("cause=" + (cause == null ? null : cause.getMessage()));
  }
}
