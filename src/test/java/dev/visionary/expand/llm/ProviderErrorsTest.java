package dev.visionary.expand.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.provider.Failure;
import dev.visionary.provider.ProviderException;
import java.net.http.HttpHeaders;
import java.time.Duration;
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
  void honoursTheServersWaitOnlyForLimitsThatPass() {
    ProviderException busy = ProviderErrors.fromResponse(429, headers("retry-after", "7"),
        OpenAiWire.error("Rate limit reached", "rate_limit_error", "rate_limit_exceeded"), null);
    assertEquals(Failure.RATE_LIMITED, busy.kind());
    assertTrue(busy.retryable());
    assertEquals(Duration.ofSeconds(7), busy.retryAfter().orElseThrow());
    ProviderException broke = ProviderErrors.fromResponse(429, headers("retry-after", "7"),
        OpenAiWire.error("You exceeded your current quota", "insufficient_quota", "insufficient_quota"), null);
    assertEquals(Failure.RATE_LIMITED, broke.kind());
    assertFalse(broke.retryable());
    assertTrue(broke.retryAfter().isEmpty());
  }

  @Test
  void mapsStatusesToKinds() {
    assertEquals(Failure.AUTH, ProviderErrors.fromResponse(403, headers(), "", null).kind());
    assertEquals(Failure.BAD_REQUEST, ProviderErrors.fromResponse(404, headers(), "Not Found", null).kind());
    assertEquals(Failure.OVERLOADED, ProviderErrors.fromResponse(529, headers(), "", null).kind());
    assertEquals(Failure.SERVER, ProviderErrors.fromResponse(503, headers(), "", null).kind());
    assertEquals(Failure.CONTENT_FILTER, ProviderErrors.fromResponse(400, headers(),
        OpenAiWire.error("Your request was rejected as a result of our safety system.", "invalid_request_error",
            "content_policy_violation"), null).kind());
  }

  @Test
  void neverRepeatsTheKey() {
    ProviderException e = ProviderErrors.fromResponse(401, headers(), "{\"error\":\"bad key sk-live-123 given\"}", "sk-live-123");
    assertEquals("bad key [hidden] given", e.detail());
  }
}
