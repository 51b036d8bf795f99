package dev.visionary.metrics;

import dev.visionary.config.Config;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code GET /metrics} for a Prometheus scraper. Operational data is not for visitors: without
 * METRICS_TOKEN only a scraper on this machine may read it; with it, only a request bearing the token.
 * Everyone else sees the same 404 as for any unknown address.
 */
public final class MetricsRoutes {
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Metrics metrics;
  private final Optional<byte[]> token;

  public MetricsRoutes(Metrics metrics, Config config) {
    this.metrics = metrics;
    this.token = config.web().metricsToken().map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8));
  }

  public void scrape(Context ctx) {
    if (!allowed(ctx)) {
      throw new NotFoundResponse();
    }
    ctx.header("Cache-Control", "no-store");
    ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
  }

  private boolean allowed(Context ctx) {
    if (token.isPresent()) {
      String presented = ctx.header("Authorization");
      return presented != null && MessageDigest.isEqual(token.get(), presented.trim().getBytes(StandardCharsets.UTF_8));
    }
    // A proxy on this machine makes every visitor look local, so any forwarded request needs the token.
    return isLoopback(ctx.ip()) && ctx.header("X-Forwarded-For") == null && ctx.header("Forwarded") == null
        && ctx.header("X-Real-IP") == null;
  }

  static boolean isLoopback(String ip) {
    String literal = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
    // Only literals: a host name here would mean a DNS lookup on every scrape.
    if (!literal.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
      return false;
    }
    try {
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
