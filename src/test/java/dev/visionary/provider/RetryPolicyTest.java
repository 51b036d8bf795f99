package dev.visionary.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy chat = new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(8), 0.25);
  private final RetryPolicy jobs = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofMinutes(1), RetryAfter.MAX, 0);

  @Test
  void stopsAfterTheLastAllowedRetry() {
    assertTrue(chat.allowsRetry(0));
    assertTrue(chat.allowsRetry(1));
    assertFalse(chat.allowsRetry(2));
    assertFalse(new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0).allowsRetry(0));
  }

  @Test
  void honoursTheServersWaitButNeverBeyondTheCap() {
    assertEquals(Duration.ofSeconds(3), chat.delay(Optional.of(Duration.ofSeconds(3)), 0));
    assertEquals(Duration.ofSeconds(8), chat.delay(Optional.of(Duration.ofSeconds(60)), 0));
    assertEquals(Duration.ofMinutes(5), jobs.delay(Optional.of(Duration.ofMinutes(5)), 0));
  }

  @Test
  void backsOffExponentiallyWithJitterWhenTheServerNamesNoWait() {
    Duration first = chat.delay(Optional.empty(), 0);
    Duration second = chat.delay(Optional.empty(), 1);
    assertTrue(first.toMillis() >= 375 && first.toMillis() <= 500, first.toString());
    assertTrue(second.toMillis() >= 750 && second.toMillis() <= 1000, second.toString());
    assertEquals(Duration.ofSeconds(2), jobs.delay(Optional.empty(), 0));
    assertEquals(Duration.ofSeconds(8), jobs.delay(Optional.empty(), 2));
    assertEquals(Duration.ofMinutes(1), jobs.delay(Optional.empty(), 9));
  }
}
