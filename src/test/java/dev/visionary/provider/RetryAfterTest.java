package dev.visionary.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  private static Optional<Duration> asked(String... pairs) {
    Map<String, List<String>> map = new HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      map.put(pairs[i], List.of(pairs[i + 1]));
    }
    return RetryAfter.from(HttpHeaders.of(map, (name, value) -> true), NOW);
  }

  @Test
  void readsSecondsWholeAndFractional() {
    assertEquals(Optional.of(Duration.ofSeconds(20)), asked("retry-after", "20"));
    assertEquals(Optional.of(Duration.ofMillis(1500)), asked("retry-after", " 1.5 "));
  }

  @Test
  void preferstheMillisecondHeaderOpenAiSends() {
    assertEquals(Optional.of(Duration.ofMillis(250)), asked("retry-after-ms", "250", "retry-after", "9"));
    assertEquals(Optional.of(Duration.ofSeconds(9)), asked("retry-after-ms", "soon", "retry-after", "9"));
  }

  @Test
  void readsAnHttpDateAgainstTheClock() {
    assertEquals(Optional.of(Duration.ofSeconds(10)), asked("retry-after", "Sun, 01 Mar 2026 12:00:10 GMT"));
    assertEquals(Optional.of(Duration.ZERO), asked("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"));
  }

  @Test
  void capsWhatAHostileOrConfusedServerAsksFor() {
    assertEquals(Optional.of(RetryAfter.MAX), asked("retry-after", "1e300"));
    assertEquals(Optional.of(RetryAfter.MAX), asked("retry-after-ms", "99999999999999"));
    assertEquals(Optional.of(RetryAfter.MAX), asked("retry-after", "Fri, 01 Mar 2030 12:00:00 GMT"));
    assertEquals(Optional.of(Duration.ZERO), asked("retry-after", "-5"));
  }

  @Test
  void treatsUnreadableOrMissingValuesAsNoAdvice() {
    assertEquals(Optional.empty(), asked("retry-after", "soon"));
    assertEquals(Optional.empty(), asked("retry-after", "NaN"));
    assertEquals(Optional.empty(), asked());
  }
}
