package dev.visionary.generate.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An engine could not produce images. The kind decides what the caller does next; the message is written
 * for the person who asked and never contains secrets.
 */
public final class ImageEngineException extends Exception {

  public enum Kind {
    /** Worth retrying later: timeouts, connection failures, 429, 5xx. */
    TRANSIENT,
    /** The provider refused the prompt or the result; retrying the same prompt will not help. */
    CONTENT_POLICY,
    /** The request itself is wrong (size, count, model); the person has to change it. */
    INVALID_REQUEST,
    /** Missing, wrong or expired credentials; an administrator has to fix the configuration. */
    AUTH
  }

  private final Kind kind;
  private final Duration retryAfter;

  private ImageEngineException(Kind kind, String message, Duration retryAfter, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.retryAfter = retryAfter;
  }

  /** A failure worth retrying; {@code retryAfter} is the provider's Retry-After when it sent one, else null. */
  public static ImageEngineException temporary(String message, Duration retryAfter, Throwable cause) {
    return new ImageEngineException(Kind.TRANSIENT, message, retryAfter, cause);
  }

  public static ImageEngineException contentPolicy(String message) {
    return new ImageEngineException(Kind.CONTENT_POLICY, message, null, null);
  }

  public static ImageEngineException invalidRequest(String message) {
    return new ImageEngineException(Kind.INVALID_REQUEST, message, null, null);
  }

  public static ImageEngineException auth(String message) {
    return new ImageEngineException(Kind.AUTH, message, null, null);
  }

  public Kind kind() {
    return kind;
  }

  public boolean retryable() {
    return kind == Kind.TRANSIENT;
  }

  /** How long the provider asked us to wait before retrying, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
