package io.github.nicegather;

import java.util.Locale;

/**
 * What an {@link IceAddressRewriteRule} does with the candidate it applies to.
 *
 * <p>Being an enum, a mode can never be out of range, so validation has nothing to check here.
 * Immutable and thread-safe.
 */
public enum IceAddressRewriteMode {
  /**
   * The default of the rule's candidate type: {@link #REPLACE} for host, {@link #APPEND} for srflx.
   */
  UNSPECIFIED,

  /** Advertise the external addresses instead of the local one. */
  REPLACE,

  /** Advertise the external addresses in addition to the local one. */
  APPEND;

  /**
   * Returns the lower-case name.
   *
   * @return {@code "unspecified"}, {@code "replace"} or {@code "append"}
   */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
