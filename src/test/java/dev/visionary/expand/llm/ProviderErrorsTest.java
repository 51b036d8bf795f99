package dev.visionary.expand.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.expand.llm.LlmException.Kind;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderErrorsTest {

  private static HttpHeaders headers(String... pairs) {
    Map<String, List<String>> map = new java.util.HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      map.put(pairs[i], List.of(pairs[i + 1]));
    }
    return HttpHeaders.of(map, (name, value) -> true);
  }

  @Test
  void readsRetryAfterInEveryForm() {
    assertEquals(Duration.ofSeconds(20), ProviderErrors.retryAfter(headers("retry-after", "20")));
    assertEquals(Duration.ofMillis(1500), ProviderErrors.retryAfter(headers("retry-after", "1.5")));
    assertEquals(Duration.ofMillis(250), ProviderErrors.retryAfter(headers("retry-after-ms", "250", "retry-after", "9")));
    String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
    Duration untilDate = ProviderErrors.retryAfter(headers("retry-after", inTenSeconds));
    assertTrue(untilDate.toSeconds() >= 8 && untilDate.toSeconds() <= 10, untilDate.toString());
    assertEquals(Duration.ZERO, ProviderErrors.retryAfter(headers("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")));
    assertNull(ProviderErrors.retryAfter(headers("retry-after", "soon")));
    assertNull(ProviderErrors.retryAfter(headers()));
  }

  @Test
  void capsEveryWaitAndBacksOffWithoutAHint() {
    CallPolicy policy = new CallPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, Duration.ofSeconds(8));
    LlmException asked = new LlmException(Kind.RATE_LIMITED, 429, "", Duration.ofSeconds(60));
    assertEquals(Duration.ofSeconds(8), RetryLoop.delay(policy, asked, 0));
    LlmException unhinted = new LlmException(Kind.SERVER, "");
    Duration first = RetryLoop.delay(policy, unhinted, 0);
    Duration second = RetryLoop.delay(policy, unhinted, 1);
    assertTrue(first.toMillis() >= 375 && first.toMillis() <= 500, first.toString());
    assertTrue(second.toMillis() >= 750 && second.toMillis() <= 1000, second.toString());
  }

  @Test
  void mapsStatusesToKinds() {
    assertEquals(Kind.AUTH, ProviderErrors.fromResponse(403, headers(), "", null).kind());
    assertEquals(Kind.BAD_REQUEST, ProviderErrors.fromResponse(404, headers(), "Not Found", null).kind());
    assertEquals(Kind.OVERLOADED, ProviderErrors.fromResponse(529, headers(), "", null).kind());
    assertEquals(Kind.SERVER, ProviderErrors.fromResponse(503, headers(), "", null).kind());
    assertEquals(Kind.CONTENT_FILTER, ProviderErrors.fromResponse(400, headers(),
        OpenAiWire.error("Your request was rejected as a result of our safety system.", "invalid_request_error",
            "content_policy_violation"), null).kind());
  }

  @Test
  void neverRepeatsTheKey() {
    LlmException e = ProviderErrors.fromResponse(401, headers(), "{\"error\":\"bad key sk-live-123 given\"}", "sk-live-123");
    assertEquals("bad key [hidden] given", e.detail());
  }
}
