package dev.visionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import dev.visionary.web.RouteAccess;
import io.javalin.config.RoutesConfig;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The route table is the only place a sign-in rule is written: every route the app serves declares its
 * access, and that access is what an anonymous visitor meets — sent to sign in, or let through.
 */
class RouteTableTest {
  /** Where the edit form and history used to live; they only redirect now, so anyone may follow them. */
  private static final Set<String> MOVED = Set.of("GET /prompts/{id}/edit", "GET /prompts/{id}/history");
  /** Their new homes, which keep the sign-in the old addresses asked for. */
  private static final Set<String> NEW_HOMES = Set.of("GET /p/{id}/edit", "GET /p/{id}/history");
  /** Under a signed-in prefix, yet open: a comparison of public prompts is shared like the prompts themselves. */
  private static final Set<String> OPEN_UNDER_SIGNED_IN = Set.of("GET /library/compare");
  /** Pages added since, under a path the old list did not know, that are one person's own like their neighbours. */
  private static final Set<String> SIGNED_IN_SINCE = Set.of("GET /grids", "GET /grids/new", "GET /images", "GET /describe");

  @Test
  void everyRouteDeclaresExactlyOneAccess() {
    Map<String, Set<RouteRole>> routes = TestServer.app().routeAccess();
    assertTrue(routes.size() >= 69, "the whole table: " + routes.keySet());
    List<String> without = new ArrayList<>();
    routes.forEach((route, roles) -> {
      if (roles.size() != 1 || !(roles.iterator().next() instanceof RouteAccess)) {
        without.add(route + " " + roles);
      }
    });
    assertEquals(List.of(), without);
  }

  /** The sign-in rule before the table (a list of path prefixes) still holds for every route it knew. */
  @Test
  void theAccessOfEachRouteIsTheOneTheOldPrefixListGaveIt() {
    List<String> changed = new ArrayList<>();
    TestServer.app().routeAccess().forEach((route, roles) -> {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1);
      if (path.startsWith("/static/") || path.startsWith("/webjars/") || MOVED.contains(route)) {
        return;
      }
      boolean needsSignIn = ((RouteAccess) roles.iterator().next()).needsSignIn();
      boolean oldRule = !OPEN_UNDER_SIGNED_IN.contains(route) && oldRuleNeedsSignIn(method, path);
      if (needsSignIn != (NEW_HOMES.contains(route) || SIGNED_IN_SINCE.contains(route) || oldRule)) {
        changed.add(route + " " + roles);
      }
    });
    assertEquals(List.of(), changed);
  }

  @Test
  void anAnonymousVisitorIsSentToSignInExactlyWhereTheTableSaysSo() {
    Http anonymous = Http.toTestServer();
    String csrf = Accounts.csrf(anonymous, "/login");
    List<String> problems = new ArrayList<>();
    int walked = 0;
    for (Map.Entry<String, Set<RouteRole>> route : TestServer.app().routeAccess().entrySet()) {
      String method = route.getKey().substring(0, route.getKey().indexOf(' '));
      String template = route.getKey().substring(route.getKey().indexOf(' ') + 1);
      if (template.startsWith("/static/") || template.startsWith("/webjars/") || method.equals("HEAD")
          || (method.equals("POST") && List.of("/signup", "/login", "/logout").contains(template))) {
        continue;
      }
      String path = template.replace("{id}", "abcd1234").replace("{slug}", "s").replace("{username}", "nobody")
          .replace("{version}", "1").replace("{card}", "0");
      boolean signedIn = ((RouteAccess) route.getValue().iterator().next()).needsSignIn();
      for (boolean htmx : new boolean[] {false, true}) {
        String[] headers = htmx ? new String[] {"HX-Request", "true", "X-CSRF-Token", csrf} : new String[] {"X-CSRF-Token", csrf};
        HttpResponse<String> response = method.equals("GET") ? anonymous.get(path, headers)
            : anonymous.postForm(path, Map.of("_csrf", csrf), headers);
        walked++;
        String login = "/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
        boolean sentToSignIn = htmx
            ? response.statusCode() == 401 && response.headers().firstValue("HX-Redirect").isPresent()
            : response.statusCode() == 303 && response.headers().firstValue("Location").orElse("").startsWith("/login?next=");
        if (signedIn && !sentToSignIn) {
          problems.add(route.getKey() + (htmx ? " (HTMX)" : "") + " answered " + response.statusCode() + ", not a sign-in");
        } else if (signedIn && !htmx && method.equals("GET") && !response.headers().firstValue("Location").orElse("").equals(login)) {
          problems.add(route.getKey() + " sends to " + response.headers().firstValue("Location").orElse("") + ", not back here after");
        } else if (!signedIn && sentToSignIn) {
          problems.add(route.getKey() + (htmx ? " (HTMX)" : "") + " is public but asked for a sign-in");
        }
      }
    }
    assertTrue(walked >= 2 * 60, "walked " + walked);
    assertEquals(List.of(), problems);
  }

  /** A route registered without an access (outside the table) is not left open: it asks for a sign-in. */
  @Test
  void aRouteWithoutAnAccessIsTreatedAsSignedInOnly() {
    Consumer<RoutesConfig> unlabelled = routes -> routes.get("/unlabelled", ctx -> ctx.result("open"));
    try (App app = TestServer.startApp(Map.of(), List.of(unlabelled))) {
      HttpResponse<String> response = new Http("http://localhost:" + app.port()).get("/unlabelled");
      assertEquals(303, response.statusCode());
      assertEquals("/login?next=%2Funlabelled", response.headers().firstValue("Location").orElseThrow());
    }
  }

  /** The rule as it was written before the route table, in account/AccessRules. */
  private static boolean oldRuleNeedsSignIn(String method, String path) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return !Set.of("/signup", "/login", "/logout").contains(path);
    }
    for (String prefix : List.of("/library", "/bookmarks", "/collections", "/settings", "/export", "/import", "/expand", "/generate",
        "/jobs", "/prompts", "/x/", "/wildcards", "/instructions", "/account")) {
      if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
        return true;
      }
    }
    return false;
  }
}
