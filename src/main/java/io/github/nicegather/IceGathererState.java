package io.github.nicegather;

import java.util.Locale;

/**
 * The life cycle of a gatherer: {@code NEW → GATHERING → COMPLETE → CLOSED}.
 *
 * <p>Immutable and thread-safe.
 */
public enum IceGathererState {
  /** Created; nothing gathered yet. */
  NEW,

  /** Gathering has started and the last candidate has not been reported yet. */
  GATHERING,

  /** Every candidate of this pass has been reported. */
  COMPLETE,

  /** Closed: sockets are released and no further candidates arrive. */
  CLOSED;

  /**
   * Returns the lower-case name, as W3C WebRTC and Pion print it.
   *
   * @return {@code "new"}, {@code "gathering"}, {@code "complete"} or {@code "closed"}
   */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
