package dev.visionary.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile or broken input gets a 4xx with a message, never a 500 or a stack trace. */
class BadInputTest {
  private final Http http = Http.toTestServer();

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path : List.of("/", "/login", "/health", "/static/app.css", "/no/such/page", Pages.AssetPaths.INSTANCE.htmx())) {
      HttpResponse<String> response = http.get(path);
      String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("script-src 'self'"), path);
      assertFalse(csp.contains("unsafe-inline"), path);
      assertTrue(csp.contains("frame-ancestors 'none'"), path);
      assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(""), path);
    }
  }

  @Test
  void pagesHaveNoInlineScript() {
    for (String path : List.of("/", "/login", "/signup", "/no/such/page")) {
      String body = http.get(path).body();
      assertFalse(body.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "inline script on " + path);
      assertFalse(body.matches("(?s).*\\son[a-z]+=\".*"), "inline event handler on " + path);
    }
  }

  @Test
  void overLongFieldsAreRefusedWithAMessage() {
    HttpResponse<String> longName = Accounts.signUp(http, "a".repeat(5000), Accounts.PASSWORD);
    assertClientError(longName, "too long");
    HttpResponse<String> longPassword = Accounts.signUp(http, Accounts.uniqueName("lp"), "p".repeat(1025));
    assertClientError(longPassword, "at most 1024");
    HttpResponse<String> hugePassword = Accounts.logIn(http, "someone", "p".repeat(100_000));
    assertClientError(hugePassword, "too long");
  }

  @Test
  void controlCharactersAndMarkupInUsernamesAreRefusedAndNeverReflectedAsHtml() {
    assertClientError(Accounts.signUp(http, "bad\u0000name", Accounts.PASSWORD), "be used");
    assertClientError(Accounts.signUp(http, "bad\u001bname", Accounts.PASSWORD), "be used");
    HttpResponse<String> script = Accounts.signUp(http, "<script>alert(1)</script>", Accounts.PASSWORD);
    assertClientError(script, "letters, digits");
    assertFalse(script.body().contains("<script>alert(1)</script>"), "markup is escaped");
    assertTrue(script.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  }

  @Test
  void invalidUtf8AndBrokenEncodingInFormDataAreRefused() {
    String csrf = Accounts.csrf(http, "/signup");
    byte[] invalidUtf8 = ("_csrf=" + csrf + "&username=caf%C3%28&password=whatever+long+enough").getBytes(StandardCharsets.US_ASCII);
    assertClientError(http.post("/signup", "application/x-www-form-urlencoded", invalidUtf8), null);
    byte[] brokenPercent = ("_csrf=" + csrf + "&username=%zz%&password=x").getBytes(StandardCharsets.US_ASCII);
    assertClientError(http.post("/signup", "application/x-www-form-urlencoded", brokenPercent), null);
    byte[] rawInvalid = new byte[] {'u', 's', 'e', 'r', 'n', 'a', 'm', 'e', '=', (byte) 0xC3, (byte) 0x28};
    assertClientError(http.post("/login", "application/x-www-form-urlencoded", rawInvalid), null);
  }

  @Test
  void oversizedBodiesAreRefused() {
    byte[] huge = new byte[(int) WebServer.MAX_REQUEST_BYTES + 1024];
    java.util.Arrays.fill(huge, (byte) 'a');
    // A little over the limit, the usual mistake: the page says why, rather than the connection being reset.
    HttpResponse<String> response = http.post("/login", "application/x-www-form-urlencoded", huge);
    assertEquals(413, response.statusCode(), response.body());
    assertTrue(response.body().contains("larger than Visionary accepts"), response.body());
  }

  private static void assertClientError(HttpResponse<String> response, String messagePart) {
    assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, "expected 4xx, got " + response.statusCode() + ": " + response.body());
    assertFalse(response.body().contains("Exception"), "no exception names on the page");
    assertFalse(response.body().contains("\tat "), "no stack trace on the page");
    assertTrue(response.body().contains("data-testid=\"error\""), "a visible message");
    if (messagePart != null) {
      assertTrue(response.body().contains(messagePart), "expected \"" + messagePart + "\" in " + response.body());
    }
  }
}
