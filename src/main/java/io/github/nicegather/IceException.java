package io.github.nicegather;

import java.util.List;
import java.util.Objects;

/**
 * The one exception type of this library: a {@link Reason} for programs, and a message that names
 * the input at fault for people.
 *
 * <p>When several inputs were wrong at once, {@link #problems()} holds one entry per problem and
 * the message joins them with {@code "; "}. Messages never contain a credential.
 *
 * <p>Immutable and thread-safe once thrown.
 */
public class IceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, for programs that react to it. Immutable and thread-safe. */
  public enum Reason {
    /** A STUN or TURN URL is malformed (RFC 7064, RFC 7065). */
    INVALID_SERVER_URL,

    /** A TURN server was given without a username or credential. */
    MISSING_CREDENTIALS,

    /** Valid input that this library or libnice cannot honour. */
    UNSUPPORTED,

    /** An option is out of range or otherwise invalid. */
    INVALID_OPTION,

    /** The native library could not be loaded. */
    NATIVE_UNAVAILABLE,

    /** Gathering could not start or failed as a whole. */
    GATHER_FAILED,

    /** The native layer reported an error it should not have. */
    NATIVE_ERROR
  }

  private final Reason reason;
  private final List<String> problems;

  /**
   * Creates an exception for a single problem.
   *
   * @param reason why it failed; not null
   * @param message the problem, naming the input at fault; may be null
   * @throws NullPointerException if {@code reason} is null
   */
  public IceException(Reason reason, String message) {
    this(reason, message, null);
  }

  /**
   * Creates an exception for a single problem with an underlying cause.
   *
   * @param reason why it failed; not null
   * @param message the problem, naming the input at fault; may be null
   * @param cause the underlying failure; may be null
   * @throws NullPointerException if {@code reason} is null
   */
  public IceException(Reason reason, String message, Throwable cause) {
    this(reason, message == null ? List.of() : List.of(message), message, cause);
  }

  private IceException(Reason reason, List<String> problems, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.problems = problems;
  }

  /**
   * Creates one exception that reports several problems found together.
   *
   * @param firstReason the reason of the first problem; not null
   * @param problems the problems in the order they were found; not null, not empty, no nulls
   * @return an exception whose message is the problems joined with {@code "; "}
   * @throws NullPointerException if an argument or an entry is null
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public static IceException of(Reason firstReason, List<String> problems) {
    Objects.requireNonNull(problems, "problems");
    for (int i = 0; i < problems.size(); i++) {
      Objects.requireNonNull(problems.get(i), "problems[" + i + "]");
    }
    List<String> copy = List.copyOf(problems);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("problems: at least one problem is required");
    }

    return new IceException(firstReason, copy, String.join("; ", copy), null);
  }

  /**
   * Returns why this exception was thrown.
   *
   * @return the reason, of the first problem when there are several; never null
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns every problem reported by this exception.
   *
   * @return an immutable list, one entry per problem; empty only if the message is null
   */
  public List<String> problems() {
    return problems;
  }
}
