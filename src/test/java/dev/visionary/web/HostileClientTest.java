package dev.visionary.web;

import static dev.visionary.support.Accounts.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.visionary.App;
import dev.visionary.identity.RateLimiter;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a client can send to a public instance and what it must not gain by it: forged forwarding headers,
 * oversized requests, password guessing against someone else's account.
 */
class HostileClientTest {
  /** The instance behind a proxy on this machine: connections from loopback are the proxy's. */
  private static App behindProxy;

  @BeforeAll
  static void startBehindProxy() {
    behindProxy = TestServer.startApp(Map.of("TRUSTED_PROXIES", "127.0.0.1, ::1"));
  }

  @AfterAll
  static void stopBehindProxy() {
    behindProxy.close();
  }

  private static Http viaProxy() {
    return new Http("http://localhost:" + behindProxy.port());
  }

  private static Jdbi jdbi() {
    return TestServer.app().database().jdbi();
  }

  private static HttpResponse<String> logIn(Http http, String username, String password, String... headers) {
    return http.postForm("/login", Http.form("_csrf", Accounts.csrf(http, "/login"), "username", username, "password", password), headers);
  }

  @Test
  void aForgedForwardedForDoesNotEscapeThePerAddressLimitWithoutATrustedProxy() {
    try (App direct = TestServer.startApp(Map.of("LOGIN_LIMIT_PER_ADDRESS", "3"))) {
      jdbi().useHandle(h -> h.execute("delete from rate_limits where key like 'login:ip:%'"));
      Http attacker = new Http("http://localhost:" + direct.port());
      List<Integer> statuses = new ArrayList<>();
      for (int i = 1; i <= 5; i++) {
        statuses.add(logIn(attacker, Accounts.uniqueName("probe"), "guess " + i, "X-Forwarded-For", "198.51.100." + i).statusCode());
      }
      assertEquals(List.of(401, 401, 401, 429, 429), statuses, "a fresh X-Forwarded-For per attempt is not a fresh address");
    }
  }

  @Test
  void aConfiguredProxyIsBelievedAboutTheClientsAddressAndScheme() {
    try (App proxied = TestServer.startApp(Map.of("TRUSTED_PROXIES", "127.0.0.1,::1", "LOGIN_LIMIT_PER_ADDRESS", "3"))) {
      Http http = new Http("http://localhost:" + proxied.port());
      for (int i = 1; i <= 3; i++) {
        assertEquals(401, logIn(http, Accounts.uniqueName("probe"), "guess", "X-Forwarded-For", "198.51.100.77").statusCode());
      }
      assertEquals(429, logIn(http, Accounts.uniqueName("probe"), "guess", "X-Forwarded-For", "198.51.100.77").statusCode(),
          "the address the proxy names is limited");
      // A client's own entries come first; the proxy appends the address it saw, which is the one that counts.
      assertEquals(429, logIn(http, Accounts.uniqueName("probe"), "guess", "X-Forwarded-For", "10.9.8.7, 198.51.100.77").statusCode());
      assertEquals(401, logIn(http, Accounts.uniqueName("probe"), "guess", "X-Forwarded-For", "198.51.100.78").statusCode(),
          "another client behind the same proxy is not");
      assertEquals(429, logIn(http, Accounts.uniqueName("probe"), "guess", "Forwarded", "for=198.51.100.77;proto=https").statusCode(),
          "RFC 7239 Forwarded says the same");

      HttpResponse<String> secure = new Http(http.base()).get("/login", "X-Forwarded-Proto", "https");
      assertTrue(secure.headers().firstValue("Set-Cookie").orElseThrow().contains("; Secure"));
      assertTrue(secure.headers().firstValue("Strict-Transport-Security").isPresent());
    }
  }

  @Test
  void garbageAndHugeForwardedForValuesAreIgnoredNeverA500() {
    Http http = viaProxy();
    String huge = incompressible(3_000);
    assertEquals(401, logIn(http, Accounts.uniqueName("probe"), "guess", "X-Forwarded-For", huge).statusCode());
    assertEquals(401, logIn(http, Accounts.uniqueName("probe"), "guess", "X-Forwarded-For", "not-an-address, ;;;").statusCode());
    assertEquals(401, logIn(Http.toTestServer(), Accounts.uniqueName("probe"), "guess", "X-Forwarded-For", huge).statusCode());
  }

  /** Random text: PostgreSQL compresses a repetitive key enough to fit its index, which would hide the failure. */
  private static String incompressible(int length) {
    StringBuilder text = new StringBuilder();
    java.util.Random random = new java.util.Random(11);
    while (text.length() < length) {
      text.append(Long.toHexString(random.nextLong()));
    }
    return text.substring(0, length);
  }

  @Test
  void aTenThousandCharacterHeaderIsRefusedWithTheDesignedPageAndSecurityHeaders() {
    HttpResponse<String> response = Http.toTestServer().get("/", "X-Filler", "x".repeat(10_000));
    assertEquals(431, response.statusCode());
    assertDesignedErrorPage(response, "Request headers too large");
  }

  @Test
  void aTenKilobyteQueryStringIsRefusedWithTheDesignedPageAndSecurityHeaders() {
    HttpResponse<String> response = Http.toTestServer().get("/library?q=" + "a".repeat(10 * 1024));
    assertEquals(414, response.statusCode());
    assertDesignedErrorPage(response, "Address too long");
  }

  @Test
  void aRequestJettyCannotParseGetsTheDesignedPageAndSecurityHeaders() throws IOException {
    try (Socket socket = new Socket("localhost", TestServer.app().port())) {
      OutputStream out = socket.getOutputStream();
      out.write("GET / HTTP/1.1\r\nHost: localhost\r\nNo colon in this header\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
      String lower = answer.toLowerCase(java.util.Locale.ROOT);
      assertTrue(lower.contains("content-security-policy: " + SecurityHeaders.CSP.toLowerCase(java.util.Locale.ROOT)), answer);
      assertTrue(lower.contains("content-type: text/html; charset=utf-8"), answer);
      assertTrue(answer.contains("data-testid=\"error\""), answer);
    }
  }

  private static void assertDesignedErrorPage(HttpResponse<String> response, String title) {
    assertEquals(SecurityHeaders.CSP, response.headers().firstValue("Content-Security-Policy").orElse(null));
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
    assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null));
    assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT));
    assertTrue(response.body().contains("data-testid=\"error\""), response.body());
    assertTrue(response.body().contains(title), response.body());
    assertTrue(response.body().contains("/static/app.css"), "the page wears the site's own style");
  }

  @Test
  void fiftyWrongPasswordsFromElsewhereDoNotKeepTheOwnerOut() {
    Http owner = viaProxy();
    String name = Accounts.uniqueName("owner");
    assertEquals(303, owner.postForm("/signup", Http.form("_csrf", Accounts.csrf(owner, "/signup"), "username", name, "password", PASSWORD),
        "X-Forwarded-For", "192.0.2.10").statusCode());

    Http attacker = viaProxy();
    int heard = 0;
    int slowed = 0;
    for (int i = 1; i <= 50; i++) {
      HttpResponse<String> guess = logIn(attacker, name, "wrong guess " + i, "X-Forwarded-For", "203.0.113." + i);
      if (guess.statusCode() == 401) {
        heard++;
      } else {
        assertEquals(429, guess.statusCode());
        long wait = Long.parseLong(guess.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(wait >= 1 && wait <= 60, "a delay, never a lock: " + wait);
        assertTrue(guess.body().contains("Too many sign-in attempts. Try again in " + wait + " seconds."));
        slowed++;
      }
    }
    assertTrue(heard >= 5 && slowed > 0, "the first guesses are heard, later ones slowed: " + heard + " heard, " + slowed + " slowed");

    assertEquals(303, logIn(new Http(owner.base()), name, PASSWORD, "X-Forwarded-For", "192.0.2.10").statusCode(),
        "the owner, from the address they use, signs in at once");
  }

  @Test
  void fromANewAddressTheOwnerWaitsAtMostAShortBoundedDelay() throws InterruptedException {
    Http setup = viaProxy();
    String name = Accounts.uniqueName("traveller");
    assertEquals(303, setup.postForm("/signup", Http.form("_csrf", Accounts.csrf(setup, "/signup"), "username", name, "password", PASSWORD),
        "X-Forwarded-For", "192.0.2.20").statusCode());
    Http attacker = viaProxy();
    for (int i = 1; i <= 50; i++) {
      logIn(attacker, name, "wrong guess " + i, "X-Forwarded-For", "203.0.113." + (100 + i));
    }
    Http hotel = viaProxy();
    HttpResponse<String> first = logIn(hotel, name, PASSWORD, "X-Forwarded-For", "198.51.100.200");
    if (first.statusCode() == 429) {
      long wait = Long.parseLong(first.headers().firstValue("Retry-After").orElseThrow());
      assertTrue(wait <= 60, "bounded: " + wait);
      Thread.sleep(Duration.ofSeconds(wait).plusMillis(200).toMillis());
      first = logIn(hotel, name, PASSWORD, "X-Forwarded-For", "198.51.100.200");
    }
    assertEquals(303, first.statusCode());
  }

  @Test
  void currentPasswordChecksAreLimitedPerPerson() {
    Http me = Http.toTestServer();
    Accounts.signedIn(me, "checks");
    for (int i = 1; i <= 10; i++) {
      HttpResponse<String> wrong = me.postForm("/settings/password",
          Http.form("_csrf", Accounts.csrf(me, "/settings"), "current", "guess " + i, "password", "a brand new passphrase"));
      assertEquals(422, wrong.statusCode());
    }
    HttpResponse<String> change = me.postForm("/settings/password",
        Http.form("_csrf", Accounts.csrf(me, "/settings"), "current", PASSWORD, "password", "a brand new passphrase"));
    assertEquals(429, change.statusCode(), "even the right password waits once the guesses are used up");
    assertTrue(change.body().matches("(?s).*Too many password attempts\\. Try again in \\d+ seconds\\..*"));
    assertTrue(change.headers().firstValue("Retry-After").isPresent());

    HttpResponse<String> delete = me.postForm("/settings/delete", Http.form("_csrf", Accounts.csrf(me, "/settings"), "confirm_password", PASSWORD));
    assertEquals(429, delete.statusCode(), "deleting the account asks for the same password and shares the limit");
    assertEquals(200, me.get("/settings").statusCode(), "the account is still there, signed in");
  }

  @Test
  void expiredLimiterRowsArePurgedAndLongKeysStayShort() {
    jdbi().useHandle(h -> h.execute("insert into rate_limits (key, window_start, hits, expires_at) "
        + "values ('test:stale', now() - interval '2 days', 3, now() - interval '1 day')"));
    RateLimiter limiter = new RateLimiter(jdbi());
    String longKey = "test:long:" + incompressible(3_000);
    assertTrue(limiter.hit(longKey, 1, Duration.ofMinutes(1)).isEmpty());
    assertTrue(limiter.hit(longKey, 1, Duration.ofMinutes(1)).isPresent(), "a long key still counts as one key");
    assertTrue(limiter.purgeExpired() >= 1, "housekeeping's purge finds the stale row");
    boolean staleLeft = jdbi().withHandle(h -> h.createQuery("select exists (select 1 from rate_limits where key = 'test:stale')")
        .mapTo(Boolean.class).one());
    assertFalse(staleLeft, "a row past its expiry is purged");
    int longest = jdbi().withHandle(h -> h.createQuery("select max(length(key)) from rate_limits where key like 'test:long:%'")
        .mapTo(Integer.class).one());
    assertTrue(longest <= 100, "stored key length " + longest);
  }
}
