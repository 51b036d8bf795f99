package dev.visionary.account;

import static dev.visionary.support.Accounts.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountHttpTest {
  private final Http http = Http.toTestServer();

  @Test
  void signUpSignsInAndSignOutSignsOut() {
    String name = Accounts.uniqueName("ada");
    HttpResponse<String> signup = Accounts.signUp(http, name, PASSWORD);
    assertEquals(303, signup.statusCode());
    assertEquals("/", signup.headers().firstValue("Location").orElseThrow());
    assertTrue(http.get("/").body().contains(name), "the header shows who is signed in");
    assertEquals(200, http.get("/settings").statusCode());

    String csrf = Accounts.csrf(http, "/settings");
    HttpResponse<String> logout = http.postForm("/logout", Http.form("_csrf", csrf));
    assertEquals(303, logout.statusCode());
    assertFalse(http.get("/").body().contains(name));
    assertEquals(303, http.get("/settings").statusCode(), "signed out: the account page needs sign-in again");

    HttpResponse<String> login = Accounts.logIn(http, name, PASSWORD);
    assertEquals(303, login.statusCode());
    assertTrue(http.get("/").body().contains(name));
  }

  @Test
  void duplicateUsernameInAnyCaseIsRejectedOnTheForm() {
    String name = Accounts.uniqueName("Grace");
    assertEquals(303, Accounts.signUp(new Http(http.base()), name, PASSWORD).statusCode());
    HttpResponse<String> again = Accounts.signUp(new Http(http.base()), name.toUpperCase(), PASSWORD);
    assertEquals(409, again.statusCode());
    assertTrue(again.body().contains("That username is taken"));
    assertTrue(again.body().contains("value=\"" + name.toUpperCase() + "\""), "what was typed stays in the form");
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSameMessage() {
    String name = Accounts.signedIn(new Http(http.base()), "linus");
    HttpResponse<String> wrongPassword = Accounts.logIn(new Http(http.base()), name, "not the password at all");
    HttpResponse<String> unknownUser = Accounts.logIn(new Http(http.base()), name + "x", PASSWORD);
    assertEquals(401, wrongPassword.statusCode());
    assertEquals(401, unknownUser.statusCode());
    assertTrue(wrongPassword.body().contains("Wrong username or password."));
    assertTrue(unknownUser.body().contains("Wrong username or password."));
  }

  @Test
  void weakOrInvalidSignUpsExplainWhatToFix() {
    HttpResponse<String> shortPassword = Accounts.signUp(http, Accounts.uniqueName("x"), "short");
    assertEquals(422, shortPassword.statusCode());
    assertTrue(shortPassword.body().contains("Use at least 10 characters."));
    HttpResponse<String> common = Accounts.signUp(http, Accounts.uniqueName("x"), "Password123");
    assertEquals(422, common.statusCode());
    assertTrue(common.body().contains("most common"));
    HttpResponse<String> badName = Accounts.signUp(http, "no spaces allowed", PASSWORD);
    assertEquals(422, badName.statusCode());
    assertTrue(badName.body().contains("Use 3 to 32 letters, digits, _ or -."));
  }

  @Test
  void postsWithoutOrWithAnotherSessionsCsrfTokenAreRefused() {
    Http alice = new Http(http.base());
    Accounts.signedIn(alice, "alice");
    HttpResponse<String> missing = alice.postForm("/logout", Http.form());
    assertEquals(403, missing.statusCode());
    assertTrue(missing.body().contains("did not come from Visionary"));

    Http mallory = new Http(http.base());
    Accounts.signedIn(mallory, "mallory");
    String mallorysToken = Accounts.csrf(mallory, "/settings");
    HttpResponse<String> forged = alice.postForm("/logout", Http.form("_csrf", mallorysToken));
    assertEquals(403, forged.statusCode());
    HttpResponse<String> forgedHeader = alice.postForm("/logout", Http.form(), "X-CSRF-Token", mallorysToken, "HX-Request", "true");
    assertEquals(403, forgedHeader.statusCode());
    assertEquals(200, alice.get("/settings").statusCode(), "alice is still signed in");

    String alicesToken = Accounts.csrf(alice, "/settings");
    assertEquals(303, alice.postForm("/logout", Http.form(), "X-CSRF-Token", alicesToken).statusCode(), "the header works too");
  }

  @Test
  void sessionCookieIsHttpOnlyLaxAndRotatesAtSignIn() {
    Http visitor = new Http(http.base());
    HttpResponse<String> form = visitor.get("/login");
    String anonymousCookie = form.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(anonymousCookie.contains("HttpOnly"));
    assertTrue(anonymousCookie.contains("SameSite=Lax"));
    assertFalse(anonymousCookie.contains("Secure"), "plain HTTP cannot carry a Secure cookie");
    String before = Accounts.sessionCookie(visitor);

    String name = Accounts.signedIn(new Http(http.base()), "rot");
    HttpResponse<String> login = Accounts.logIn(visitor, name, PASSWORD);
    assertEquals(303, login.statusCode());
    String after = Accounts.sessionCookie(visitor);
    assertNotEquals(before, after, "the session id changes at sign-in");

    // Any client can send X-Forwarded-Proto; only a configured proxy is believed (HostileClientTest covers that case).
    HttpResponse<String> claimed = new Http(http.base()).get("/login", "X-Forwarded-Proto", "https");
    assertFalse(claimed.headers().firstValue("Set-Cookie").orElseThrow().contains("; Secure"));
    assertTrue(claimed.headers().firstValue("Strict-Transport-Security").isEmpty());
  }

  @Test
  void signInRequiredPagesRedirectToLoginAndComeBackOnlyToSameSitePaths() {
    HttpResponse<String> library = new Http(http.base()).get("/settings");
    assertEquals(303, library.statusCode());
    assertEquals("/login?next=%2Fsettings", library.headers().firstValue("Location").orElseThrow());

    HttpResponse<String> htmx = new Http(http.base()).get("/settings", "HX-Request", "true");
    assertEquals(401, htmx.statusCode());
    assertEquals("/login?next=%2Fsettings", htmx.headers().firstValue("HX-Redirect").orElseThrow());

    String name = Accounts.signedIn(new Http(http.base()), "next");
    for (String next : List.of("https://evil.example/", "//evil.example/", "/\\evil.example")) {
      Http visitor = new Http(http.base());
      HttpResponse<String> login = visitor.postForm("/login", Http.form("_csrf", Accounts.csrf(visitor, "/login"), "username", name, "password", PASSWORD, "next", next));
      assertEquals("/", login.headers().firstValue("Location").orElseThrow(), next);
    }
    Http visitor = new Http(http.base());
    HttpResponse<String> login = visitor.postForm("/login", Http.form("_csrf", Accounts.csrf(visitor, "/login"), "username", name, "password", PASSWORD, "next", "/settings"));
    assertEquals("/settings", login.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void repeatedFailedSignInsAreSlowedDownWithAClearWait() {
    String name = Accounts.signedIn(new Http(http.base()), "brute");
    Http attacker = new Http(http.base());
    HttpResponse<String> last = null;
    for (int i = 0; i < 11; i++) {
      // A forged X-Forwarded-For changes nothing: no proxy is configured, so every guess comes from this address.
      last = attacker.postForm("/login", Http.form("_csrf", Accounts.csrf(attacker, "/login"), "username", name, "password", "guess number " + i),
          "X-Forwarded-For", "203.0.113." + i);
    }
    assertEquals(429, last.statusCode());
    assertTrue(last.body().matches("(?s).*Too many sign-in attempts\\. Try again in \\d+ seconds\\..*"));
    assertTrue(last.headers().firstValue("Retry-After").isPresent());
    // From the address that guessed, even the right password waits until the window passes.
    assertEquals(429, Accounts.logIn(new Http(http.base()), name, PASSWORD).statusCode());
  }

  @Test
  void changingThePasswordNeedsTheCurrentOneAndSignsOutOtherDevices() {
    Http laptop = new Http(http.base());
    String name = Accounts.signedIn(laptop, "chg");
    Http phone = new Http(http.base());
    assertEquals(303, Accounts.logIn(phone, name, PASSWORD).statusCode());

    HttpResponse<String> wrong = laptop.postForm("/settings/password",
        Http.form("_csrf", Accounts.csrf(laptop, "/settings"), "current", "not my password!", "password", "a brand new passphrase"));
    assertEquals(422, wrong.statusCode());
    assertTrue(wrong.body().contains("That is not your current password."));

    HttpResponse<String> ok = laptop.postForm("/settings/password",
        Http.form("_csrf", Accounts.csrf(laptop, "/settings"), "current", PASSWORD, "password", "a brand new passphrase"));
    assertEquals(303, ok.statusCode());
    assertTrue(laptop.get("/settings?changed=password").body().contains("Your password was changed"));
    assertEquals(303, phone.get("/settings").statusCode(), "the other device was signed out");
    assertEquals(401, Accounts.logIn(new Http(http.base()), name, PASSWORD).statusCode());
    assertEquals(303, Accounts.logIn(new Http(http.base()), name, "a brand new passphrase").statusCode());
  }

  @Test
  void deletingTheAccountNeedsThePasswordAndRemovesIt() {
    Http me = new Http(http.base());
    String name = Accounts.signedIn(me, "del");
    HttpResponse<String> refused = me.postForm("/settings/delete", Http.form("_csrf", Accounts.csrf(me, "/settings"), "confirm_password", "wrong password"));
    assertEquals(422, refused.statusCode());
    assertTrue(refused.body().contains("your account was not deleted"));

    HttpResponse<String> deleted = me.postForm("/settings/delete", Http.form("_csrf", Accounts.csrf(me, "/settings"), "confirm_password", PASSWORD));
    assertEquals(303, deleted.statusCode());
    assertTrue(me.get("/?account=deleted").body().contains("everything in it were deleted"));
    assertEquals(401, Accounts.logIn(new Http(http.base()), name, PASSWORD).statusCode());
    assertEquals(303, Accounts.signUp(new Http(http.base()), name, PASSWORD).statusCode(), "the name is free again");
  }

  @Test
  void aSessionWhoseTimeIsBeingSlidAlreadyAnswersAtOnceAndIsSlidOnceThatIsDone() throws Exception {
    var jdbi = dev.visionary.support.TestServer.app().database().jdbi();
    Http me = new Http(http.base());
    String name = Accounts.signedIn(me, "slide");
    String ofMine = "user_id = (select id from users where username = :n)";
    jdbi.useHandle(h -> h.createUpdate("update sessions set last_seen_at = now() - interval '10 minutes' where " + ofMine)
        .bind("n", name).execute());
    // Another request of the same session holds the row while it slides the expiry: the many requests of a busy
    // session that find the same stale time at once must not queue behind that one's commit.
    try (var holder = jdbi.open()) {
      holder.begin();
      holder.createQuery("select 1 from sessions where " + ofMine + " for update").bind("n", name).mapTo(Integer.class).list();
      var answer = java.util.concurrent.CompletableFuture.supplyAsync(() -> me.get("/settings").statusCode());
      assertEquals(200, answer.get(10, java.util.concurrent.TimeUnit.SECONDS), "answered while the row was held");
      holder.rollback();
    }
    assertEquals(200, me.get("/settings").statusCode());
    boolean slid = jdbi.withHandle(h -> h.createQuery("select last_seen_at > now() - interval '1 minute' from sessions where " + ofMine)
        .bind("n", name).mapTo(Boolean.class).one());
    assertTrue(slid, "the next request slid the expiry");
  }

  @Test
  void sessionsEndAfterAWeekIdleAndThirtyDaysInAnyCase() {
    var jdbi = dev.visionary.support.TestServer.app().database().jdbi();
    Http idle = new Http(http.base());
    String idleName = Accounts.signedIn(idle, "idle");
    assertEquals(200, idle.get("/settings").statusCode());
    jdbi.useHandle(h -> h.createUpdate("update sessions set expires_at = now() - interval '1 second' "
        + "where user_id = (select id from users where username = :n)").bind("n", idleName).execute());
    assertEquals(303, idle.get("/settings").statusCode(), "idle too long: signed out");

    Http old = new Http(http.base());
    String oldName = Accounts.signedIn(old, "old");
    jdbi.useHandle(h -> h.createUpdate("update sessions set created_at = now() - interval '31 days', last_seen_at = now() "
        + "where user_id = (select id from users where username = :n)").bind("n", oldName).execute());
    assertEquals(303, old.get("/settings").statusCode(), "older than 30 days: signed out even if active");
  }
}
