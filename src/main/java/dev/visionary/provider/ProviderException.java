package dev.visionary.provider;

import dev.visionary.provider.Failure;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider call that failed, classified by the shared {@link Failure} taxonomy, with a message a person can read
 * on the page. Messages carry the provider's
 * own explanation where it gave one, with the API key removed.
 */
public final class ProviderException extends Exception {

  private final Failure kind;
  private final int status;
  private final String detail;
  private final Duration retryAfter;
  private final boolean retryable;

  public ProviderException(Failure kind, String detail) {
    this(kind, 0, detail, null, kind.retryable());
  }

  public ProviderException(Failure kind, int status, String detail, Duration retryAfter, boolean retryable) {
    super(message(kind, status, detail, retryAfter));
    this.kind = Objects.requireNonNull(kind);
    this.status = status;
    this.detail = detail == null ? "" : detail;
    this.retryAfter = retryAfter;
    this.retryable = retryable;
  }

  public ProviderException(Failure kind, int status, String detail, Duration retryAfter) {
    this(kind, status, detail, retryAfter, kind.retryable());
  }

  public Failure kind() {
    return kind;
  }

  /** The HTTP status, or 0 when the failure was not an HTTP answer (timeout, refused connection, stream error). */
  public int status() {
    return status;
  }

  /** The provider's own explanation, or empty. */
  public String detail() {
    return detail;
  }

  /** How long the provider asked us to wait before trying again. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether trying the same request again later may succeed. */
  public boolean retryable() {
    return retryable;
  }

  private static String message(Failure kind, int status, String detail, Duration retryAfter) {
    StringBuilder text = new StringBuilder(kind.summary());
    if (status > 0) {
      text.append(" (HTTP ").append(status).append(')');
    }
    if (retryAfter != null && !retryAfter.isZero()) {
      long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
      text.append("; try again in ").append(seconds).append(seconds == 1 ? " second" : " seconds");
    }
    if (detail != null && !detail.isBlank()) {
      text.append(": ").append(detail);
    }
    return text.toString();
  }
}
