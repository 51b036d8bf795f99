package dev.visionary.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureTest {

  @ParameterizedTest
  @CsvSource({
      "400, BAD_REQUEST", "401, AUTH", "403, AUTH", "404, BAD_REQUEST", "408, TIMEOUT", "409, BAD_REQUEST",
      "422, BAD_REQUEST", "429, RATE_LIMITED", "500, SERVER", "502, SERVER", "503, SERVER", "529, OVERLOADED",
      "200, BAD_RESPONSE"})
  void readsTheStatusOfAnErrorAnswer(int status, Failure kind) {
    assertEquals(kind, Failure.forStatus(status));
  }

  @Test
  void failuresThatPassAreRetryableAndRefusalsAreNot() {
    for (Failure passing : new Failure[] {Failure.RATE_LIMITED, Failure.OVERLOADED, Failure.SERVER, Failure.TIMEOUT, Failure.UNREACHABLE}) {
      assertTrue(passing.retryable(), passing.name());
    }
    for (Failure lasting : new Failure[] {Failure.AUTH, Failure.CONTENT_FILTER, Failure.BAD_REQUEST, Failure.BAD_RESPONSE}) {
      assertFalse(lasting.retryable(), lasting.name());
    }
  }

  @Test
  void tellsAServerThatCannotBeReachedFromOneThatIsSlow() {
    assertEquals(Failure.UNREACHABLE, Failure.forIo(new ConnectException("refused")));
    assertEquals(Failure.UNREACHABLE, Failure.forIo(new HttpConnectTimeoutException("connect timed out")));
    assertEquals(Failure.UNREACHABLE, Failure.forIo(new CompletionException(new UnknownHostException("nowhere.invalid"))));
    assertEquals(Failure.TIMEOUT, Failure.forIo(new HttpTimeoutException("request timed out")));
    assertEquals(Failure.TIMEOUT, Failure.forIo(new CompletionException(new HttpTimeoutException("request timed out"))));
    assertEquals(Failure.SERVER, Failure.forIo(new IOException("connection reset")));
    assertEquals(Failure.BAD_RESPONSE, Failure.forIo(new IllegalStateException("bug")));
  }
}
