package dev.visionary.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import java.net.HttpCookie;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two app instances on one database behave as one site: a session made on one works on the other. */
class TwoInstancesTest {

  @Test
  void aSessionMadeOnOneInstanceIsValidOnTheOther() {
    try (App second = TestServer.startApp(Map.of())) {
      Http onFirst = Http.toTestServer();
      String name = Accounts.signedIn(onFirst, "lb");

      Http onSecond = new Http("http://localhost:" + second.port());
      HttpCookie session = new HttpCookie("visionary_session", Accounts.sessionCookie(onFirst));
      session.setPath("/");
      onSecond.cookies().getCookieStore().add(URI.create("http://localhost:" + second.port() + "/"), session);

      var settings = onSecond.get("/settings");
      assertEquals(200, settings.statusCode());
      assertTrue(settings.body().contains(name));
      // The CSRF token issued by one instance is accepted by the other (the key is shared).
      String token = Accounts.csrf(onFirst, "/settings");
      assertEquals(303, onSecond.postForm("/logout", Http.form("_csrf", token)).statusCode());
      assertEquals(303, onFirst.get("/settings").statusCode(), "signing out on one instance signs out on both");
    }
  }
}
