package dev.visionary.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signing up and in over HTTP, as a browser would: fetch the form, send it back with its CSRF token. */
public final class Accounts {
  public static final String PASSWORD = "correct horse battery";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private Accounts() {}

  /** A username no other test uses. */
  public static String uniqueName(String prefix) {
    return prefix + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + COUNTER.incrementAndGet();
  }

  /** The CSRF token from a page's forms. */
  public static String csrf(Http http, String path) {
    HttpResponse<String> page = http.get(path);
    Matcher m = CSRF.matcher(page.body());
    if (!m.find()) {
      throw new AssertionError("No CSRF token on " + path + " (status " + page.statusCode() + ")");
    }
    return m.group(1);
  }

  public static HttpResponse<String> signUp(Http http, String username, String password) {
    return http.postForm("/signup", Http.form("_csrf", csrf(http, "/signup"), "username", username, "password", password));
  }

  /** A new signed-in person on this client; returns the username. */
  public static String signedIn(Http http, String prefix) {
    String name = uniqueName(prefix);
    assertEquals(303, signUp(http, name, PASSWORD).statusCode());
    return name;
  }

  public static HttpResponse<String> logIn(Http http, String username, String password) {
    return http.postForm("/login", Http.form("_csrf", csrf(http, "/login"), "username", username, "password", password));
  }

  public static String sessionCookie(Http http) {
    return http.cookies().getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("visionary_session")).map(java.net.HttpCookie::getValue).findFirst().orElse(null);
  }
}
