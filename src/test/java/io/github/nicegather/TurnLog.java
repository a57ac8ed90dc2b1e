package io.github.nicegather;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * The bed's coturn log, read to tell which session allocated a relay address and whether the client
 * released it. For each allocation coturn logs {@code Local relay addr: <relay>} and then {@code
 * session <id>: new, ...}; for each release (a Refresh with lifetime 0, RFC 8656 section 7) {@code
 * session <id>: refreshed, ..., lifetime=0}. Other tests may allocate at the same time, so
 * allocations are told apart by session, not counted.
 *
 * <p>The text is read as ISO-8859-1, so that a character offset is a byte offset. Thread-safe.
 */
final class TurnLog {
  private final String text;

  private TurnLog(String text) {
    this.text = text;
  }

  /** The log as it is now. */
  static TurnLog read() throws IOException {
    return new TurnLog(new String(Files.readAllBytes(Bed.TURN_LOG), StandardCharsets.ISO_8859_1));
  }

  /** Where the log ends now: what is logged later starts at this offset or after it. */
  static long end() throws IOException {
    return Files.size(Bed.TURN_LOG);
  }

  /** Every release logged so far, by anyone. */
  long releases() {
    return text.lines()
        .filter(line -> line.contains("refreshed,") && line.endsWith("lifetime=0"))
        .count();
  }

  /**
   * The session that allocated {@code relay} at offset {@code from} or later, or null if it is not
   * logged yet.
   *
   * @param relay the relay address as coturn writes it, e.g. {@code 10.213.1.1:49198}
   */
  String session(long from, String relay) {
    int allocated = text.indexOf("Local relay addr: " + relay + "\n", (int) from);
    if (allocated < 0) {
      return null;
    }
    int at = allocated;
    while ((at = text.indexOf("session ", at + 1)) >= 0) {
      int colon = text.indexOf(": ", at);
      if (colon > 0 && text.startsWith(": new,", colon)) {
        return text.substring(at + "session ".length(), colon);
      }
    }

    return null;
  }

  /** Whether the session was released by its client; a refresh that kept it alive is not. */
  boolean released(String session) {
    String refreshed = "session " + session + ": refreshed,";
    for (int at = text.indexOf(refreshed); at >= 0; at = text.indexOf(refreshed, at + 1)) {
      int end = text.indexOf('\n', at);
      if (text.substring(at, end < 0 ? text.length() : end).endsWith("lifetime=0")) {
        return true;
      }
    }

    return false;
  }
}
