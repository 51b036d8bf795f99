package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** A signed-in person using the library over HTTP, as the browser would. */
final class LibraryClient {
  final Http http;
  final String username;

  private LibraryClient(Http http, String username) {
    this.http = http;
    this.username = username;
  }

  static LibraryClient signedIn(String prefix) {
    return signedIn(Http.toTestServer(), prefix);
  }

  /** A new person on another app instance, such as one started with its own limits. */
  static LibraryClient signedIn(Http http, String prefix) {
    return new LibraryClient(http, Accounts.signedIn(http, prefix));
  }

  static Http anonymous() {
    return Http.toTestServer();
  }

  String csrf() {
    return Accounts.csrf(http, "/collections");
  }

  /** POST with the CSRF token added. */
  HttpResponse<String> post(String path, String... fields) {
    Map<String, String> form = new LinkedHashMap<>(Http.form(fields));
    form.put("_csrf", csrf());
    return http.postForm(path, form);
  }

  /** Saves a prompt and returns its page's path, /p/{id}/{slug}. */
  String save(String... fields) {
    HttpResponse<String> saved = post("/prompts", fields);
    assertEquals(303, saved.statusCode(), () -> "save failed: " + saved.body());
    return saved.headers().firstValue("Location").orElseThrow();
  }

  static String idOf(String promptPath) {
    return promptPath.split("/")[2];
  }

  HttpResponse<String> get(String path, String... headers) {
    return http.get(path, headers);
  }

  /** Creates a collection and returns its page's path, /c/{id}/{slug}. */
  String collection(String name, String visibility) {
    HttpResponse<String> created = post("/collections", "name", name, "visibility", visibility);
    assertEquals(303, created.statusCode(), () -> created.body());
    return created.headers().firstValue("Location").orElseThrow();
  }
}
