package dev.visionary.web;

import dev.visionary.metrics.Metrics;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Javalin server: error pages, static files and webjars, and the routes each feature registers. */
public final class WebServer {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  /** Largest request body accepted (forms, imports); larger ones answer 413. */
  public static final long MAX_REQUEST_BYTES = 20L * 1024 * 1024;

  private final Javalin javalin;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean draining = new AtomicBoolean();

  public WebServer(int port, ErrorPages errorPages, TrustedProxies proxies, Metrics metrics, List<Consumer<RoutesConfig>> features) {
    javalin = Javalin.create(config -> {
      config.jetty.port = port;
      config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(errorPages, proxies)));
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.concurrency.useVirtualThreads = true;
      config.http.maxRequestSize = MAX_REQUEST_BYTES;
      RequestBodyLimit.configure(config.jetty.multipartConfig);
      config.http.defaultContentType = "text/html; charset=utf-8";
      RoutesConfig routes = config.routes;
      routes.before(ctx -> {
        ctx.attribute(Requests.PROXIES_ATTR, proxies);
        SecurityHeaders.apply(ctx);
        if (draining.get()) {
          // Shutting down: new requests go to another instance (or are retried by the browser).
          ctx.header("Connection", "close");
          ctx.header("Retry-After", "1");
          throw new io.javalin.http.HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(), "Visionary is restarting; try again in a moment.", Map.of());
        }
        inFlight.incrementAndGet();
        ctx.attribute("visionary.started", System.nanoTime());
      });
      RequestBodyLimit.register(routes, errorPages);
      routes.after(ctx -> {
        Long started = ctx.attribute("visionary.started");
        if (started != null) {
          inFlight.decrementAndGet();
          metrics.httpRequest(ctx.method().name(), route(ctx), ctx.statusCode(), System.nanoTime() - started);
        }
      });
      errorPages.register(routes);
      new StaticAssets().register(routes);
      features.forEach(feature -> feature.accept(routes));
    });
  }

  /** The route template that answered ({@code /jobs/{id}}), so each id does not become a series of its own. */
  static String route(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint == null) {
      return ctx.statusCode() == HttpStatus.NOT_FOUND.getCode() ? "NOT_FOUND" : "UNMATCHED";
    }
    // Static files and webjars: one series for each folder.
    return switch (endpoint.path) {
      case StaticAssets.STATIC -> "/static/*";
      case StaticAssets.WEBJARS -> "/webjars/*";
      default -> endpoint.path;
    };
  }

  /** Every route registered, as {@code METHOD /path}, so a test can visit each one. */
  public List<String> routes() {
    return javalin.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint.method.name() + " " + parsed.endpoint.path)
        .toList();
  }

  /**
   * The access each route declared ({@code GET /settings} → SIGNED_IN), so a test can check that none
   * is missing one; a route registered without any maps to an empty set.
   */
  public Map<String, Set<RouteRole>> routeAccess() {
    Map<String, Set<RouteRole>> access = new LinkedHashMap<>();
    for (var parsed : javalin.unsafe.internalRouter.allHttpHandlers()) {
      if (!parsed.endpoint.method.isHttpMethod()) {
        continue; // filters run around routes; they are not routes of their own
      }
      Roles roles = parsed.endpoint.metadata(Roles.class);
      access.put(parsed.endpoint.method.name() + " " + parsed.endpoint.path, roles == null ? Set.of() : roles.getRoles());
    }
    return access;
  }

  public WebServer start() {
    javalin.start();
    return this;
  }

  public int port() {
    return javalin.port();
  }

  /** Stops taking new requests, lets those in flight finish (up to {@code grace}), then stops Jetty. */
  public void stopGracefully(Duration grace) {
    draining.set(true);
    long deadline = System.nanoTime() + grace.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (inFlight.get() > 0) {
      log.warn("Stopping with {} requests still in flight", inFlight.get());
    }
    javalin.stop();
  }
}
