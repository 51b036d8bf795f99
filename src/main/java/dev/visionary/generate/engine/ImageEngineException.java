package dev.visionary.generate.engine;

import dev.visionary.provider.Failure;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An engine could not produce images. The kind, from the provider layer's one taxonomy, says what went wrong;
 * {@link #retryable()} decides whether the job is tried again. The message is written for the person who asked
 * and never contains secrets.
 */
public final class ImageEngineException extends Exception {

  private final Failure kind;
  private final boolean retryable;
  private final Duration retryAfter;

  private ImageEngineException(Failure kind, boolean retryable, String message, Duration retryAfter, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  /** A failure that is retried when its kind usually passes. */
  public static ImageEngineException of(Failure kind, String message) {
    return new ImageEngineException(kind, kind.retryable(), message, null, null);
  }

  /** @param retryAfter the provider's Retry-After when it sent one, else null */
  public static ImageEngineException of(Failure kind, String message, Duration retryAfter, Throwable cause) {
    return new ImageEngineException(kind, kind.retryable(), message, retryAfter, cause);
  }

  /**
   * A failure worth another attempt though its kind usually lasts: an image server that sends a garbled or empty
   * answer once often draws fine the next time, and a job can afford to wait.
   */
  public static ImageEngineException retryable(Failure kind, String message, Throwable cause) {
    return new ImageEngineException(kind, true, message, null, cause);
  }

  /** A failure of a kind that usually passes but this time will not, such as a used-up quota. */
  public static ImageEngineException lasting(Failure kind, String message) {
    return new ImageEngineException(kind, false, message, null, null);
  }

  public Failure kind() {
    return kind;
  }

  public boolean retryable() {
    return retryable;
  }

  /** How long the provider asked us to wait before retrying, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
