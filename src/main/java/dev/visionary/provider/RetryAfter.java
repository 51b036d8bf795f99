package dev.visionary.provider;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads how long a provider asked us to wait, from the headers the OpenAI and Anthropic SDKs honour. */
public final class RetryAfter {

  /**
   * The longest wait any answer can ask for. A provider that asks for more is saying "not today"; trying again in an
   * hour costs one call, and a huge value would overflow the scheduler's clock arithmetic.
   */
  public static final Duration MAX = Duration.ofHours(1);

  private RetryAfter() {}

  /**
   * {@code Retry-After-Ms} (milliseconds) wins because it is more precise; otherwise {@code Retry-After} as
   * seconds or as an HTTP date. Unreadable values count as absent rather than failing the error report; a date in
   * the past means now.
   */
  public static Optional<Duration> from(HttpHeaders headers, Clock clock) {
    Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(RetryAfter::number).map(ms -> millis(ms));
    if (millis.isPresent()) {
      return millis.map(RetryAfter::bounded);
    }
    return headers.firstValue("retry-after").flatMap(value -> {
      Optional<Duration> seconds = number(value).map(s -> millis(s * 1000));
      return seconds.isPresent() ? seconds : date(value, clock);
    }).map(RetryAfter::bounded);
  }

  private static Optional<Double> number(String value) {
    try {
      double parsed = Double.parseDouble(value.trim());
      return Double.isFinite(parsed) ? Optional.of(parsed) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Duration millis(double ms) {
    return Duration.ofMillis((long) Math.min(ms, MAX.toMillis()));
  }

  private static Optional<Duration> date(String value, Clock clock) {
    try {
      ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
      return Optional.of(Duration.between(clock.instant(), at.toInstant()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration bounded(Duration d) {
    return d.isNegative() ? Duration.ZERO : d.compareTo(MAX) > 0 ? MAX : d;
  }
}
