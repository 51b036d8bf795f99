package dev.visionary.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import dev.visionary.support.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code /metrics} as Prometheus scrapes it: the series issue 7 names, and who may read them. */
class MetricsTest {

  @Test
  void scrapeHoldsRequestPoolJobProviderAndJvmSeries() {
    Http http = Http.toTestServer();
    Accounts.signedIn(http, "metrics");
    String jobId = Jobs.submit(http, "prompt", "a lighthouse at dusk", "size", "512x512");
    assertTrue(Jobs.awaitFinished(http, jobId, Duration.ofSeconds(30)).contains("data-status=\"succeeded\""));
    HttpResponse<String> expanded = http.postForm("/expand", Http.form("_csrf", Accounts.csrf(http, "/"), "idea", "a beach sunset",
        "target", "generic", "style", "none", "count", "2", "engine", "builtin", "seed", "7"));
    assertEquals(303, expanded.statusCode(), expanded.body());
    assertEquals(404, http.get("/no/such/page/" + jobId).statusCode());
    assertEquals(200, http.get("/static/app.css").statusCode());

    HttpResponse<String> response = http.get("/metrics");
    assertEquals(200, response.statusCode());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
    String scrape = response.body();

    // Requests by route template: the job card polled above is one series, whatever its id.
    assertTrue(value(scrape, "http_server_requests_seconds_count", "method=\"GET\"", "status=\"200\"", "uri=\"/jobs/{id}\"") >= 1, scrape);
    assertFalse(scrape.contains(jobId), "no id in any label");
    assertTrue(value(scrape, "http_server_requests_seconds_count", "method=\"POST\"", "status=\"303\"", "uri=\"/generate\"") >= 1);
    assertTrue(value(scrape, "http_server_requests_seconds_count", "status=\"404\"", "uri=\"NOT_FOUND\"") >= 1);
    assertTrue(value(scrape, "http_server_requests_seconds_count", "status=\"200\"", "uri=\"/static/*\"") >= 1);

    assertTrue(value(scrape, "hikaricp_connections_active", "pool=\"visionary\"") >= 0);
    assertTrue(value(scrape, "hikaricp_connections_max", "pool=\"visionary\"") >= 1);
    assertTrue(value(scrape, "visionary_jobs", "status=\"queued\"") >= 0);
    assertTrue(value(scrape, "visionary_jobs", "status=\"running\"") >= 0);

    assertTrue(value(scrape, "visionary_provider_requests_seconds_count", "engine=\"builtin\"", "feature=\"image\"",
        "outcome=\"success\"") >= 1, scrape);
    assertTrue(value(scrape, "visionary_provider_requests_seconds_count", "engine=\"builtin\"", "feature=\"expansion\"",
        "outcome=\"success\"") >= 1, scrape);

    // One series for each heap pool: a survivor space can hold nothing right after a collection, the heap cannot.
    assertTrue(total(scrape, "jvm_memory_used_bytes", "area=\"heap\"") > 0, scrape);
    assertTrue(value(scrape, "jvm_threads_live_threads") > 0);
  }

  @Test
  void requestsWithMethodsOfTheirOwnShareOneSeries() throws Exception {
    Http http = Http.toTestServer();
    java.net.URI base = java.net.URI.create(http.base());
    String method = "BREW" + System.nanoTime();
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.getOutputStream().write((method + " / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
      assertTrue(answer.startsWith("HTTP/1.1 4"), answer);
    }
    String scrape = http.get("/metrics").body();
    assertFalse(scrape.contains(method), "a made-up method would be a series of its own, without end");
    assertTrue(value(scrape, "http_server_requests_seconds_count", "method=\"OTHER\"") >= 1, scrape);
  }

  @Test
  void aForwardedRequestIsRefusedWithoutAToken() {
    Http http = Http.toTestServer();
    // A proxy on this machine connects from loopback: what it forwards must not count as local.
    assertEquals(404, http.get("/metrics", "X-Forwarded-For", "203.0.113.9").statusCode());
    assertEquals(200, http.get("/metrics").statusCode());
  }

  @Test
  void withATokenOnlyTheBearerMayScrape() {
    try (App app = TestServer.startApp(Map.of("METRICS_TOKEN", "secret"))) {
      Http http = new Http("http://localhost:" + app.port());
      assertEquals(404, http.get("/metrics").statusCode());
      assertEquals(404, http.get("/metrics", "Authorization", "Bearer wrong").statusCode());
      HttpResponse<String> scraped = http.get("/metrics", "Authorization", "Bearer secret");
      assertEquals(200, scraped.statusCode());
      assertTrue(scraped.body().contains("jvm_memory_used_bytes"));
    }
  }

  @Test
  void onlyLoopbackLiteralsCountAsLocal() {
    assertTrue(MetricsRoutes.isLoopback("127.0.0.1"));
    assertTrue(MetricsRoutes.isLoopback("[0:0:0:0:0:0:0:1]"));
    assertTrue(MetricsRoutes.isLoopback("::1"));
    assertFalse(MetricsRoutes.isLoopback("203.0.113.9"));
    assertFalse(MetricsRoutes.isLoopback("localhost"));
  }

  /** The value of the one sample of {@code name} carrying all {@code labels}; fails when there is none. */
  /** The sum of every sample of {@code name} whose labels include all of {@code labels}. */
  private static double total(String scrape, String name, String... labels) {
    return samples(scrape, name, labels).stream().mapToDouble(Double::doubleValue).sum();
  }

  private static double value(String scrape, String name, String... labels) {
    List<Double> found = samples(scrape, name, labels);
    if (found.isEmpty()) {
      throw new AssertionError("No sample " + name + " with " + String.join(", ", labels) + " in:\n"
          + scrape.lines().filter(l -> l.startsWith(name)).collect(Collectors.joining("\n")));
    }
    return found.get(0);
  }

  private static List<Double> samples(String scrape, String name, String... labels) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{.*})? (\\S+)$").matcher(scrape);
    List<Double> out = new java.util.ArrayList<>();
    while (m.find()) {
      String found = m.group(1) == null ? "" : m.group(1);
      if (java.util.Arrays.stream(labels).allMatch(found::contains)) {
        out.add(Double.parseDouble(m.group(2)));
      }
    }
    return out;
  }
}
