package dev.visionary.generate.remote;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads how long a provider asked us to wait, from the headers the OpenAI SDKs honour. */
final class RetryAfter {

  private RetryAfter() {}

  /**
   * {@code Retry-After-Ms} (milliseconds) wins because it is more precise; otherwise {@code Retry-After} as
   * seconds or as an HTTP date. Unreadable values count as absent rather than failing the error report.
   */
  static Optional<Duration> from(HttpHeaders headers, Clock clock) {
    Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(v -> number(v).map(ms -> Duration.ofNanos((long) (ms * 1_000_000))));
    if (millis.isPresent()) {
      return millis.map(RetryAfter::notNegative);
    }
    return headers.firstValue("retry-after").flatMap(value -> {
      Optional<Duration> seconds = number(value).map(s -> Duration.ofMillis((long) (s * 1000)));
      return seconds.isPresent() ? seconds : date(value, clock);
    }).map(RetryAfter::notNegative);
  }

  private static Optional<Double> number(String value) {
    try {
      double parsed = Double.parseDouble(value.trim());
      return Double.isFinite(parsed) ? Optional.of(parsed) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> date(String value, Clock clock) {
    try {
      ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
      return Optional.of(Duration.between(clock.instant(), at.toInstant()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration notNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
