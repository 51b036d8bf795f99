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
import java.util.function.Consumer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Javalin server: error pages, static files and webjars, and the routes each feature registers. */
public final class WebServer {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  /** Largest request body accepted (forms, imports); larger ones answer 413. */
  public static final long MAX_REQUEST_BYTES = 20L * 1024 * 1024;

  private final Javalin javalin;
  /**
   * Counts requests in flight at Jetty's level, around everything Javalin does, so a request that leaves
   * Javalin's lifecycle early (sent to sign in, answered by an error page) is counted exactly once; on stop it
   * turns new requests away with 503 and lets the others finish.
   */
  private final GracefulHandler graceful = new GracefulHandler();
  private volatile Server jetty;

  public WebServer(int port, ErrorPages errorPages, TrustedProxies proxies, Metrics metrics, List<Consumer<RoutesConfig>> features) {
    javalin = Javalin.create(config -> {
      config.jetty.port = port;
      config.jetty.modifyServer(server -> {
        jetty = server;
        server.setErrorHandler(new JettyErrors(errorPages, proxies));
        server.setHandler(graceful); // Javalin puts its own handler inside this wrapper
      });
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
        ctx.attribute("visionary.started", System.nanoTime());
      });
      RequestBodyLimit.register(routes, errorPages);
      // Before the answer is sent, so a scrape right after a request sees it. A handler that skips the remaining
      // handlers skips this too: answer early with ctx.redirect or an exception, which leave after-handlers to run.
      routes.after(ctx -> {
        Long started = ctx.attribute("visionary.started");
        if (started != null) {
          metrics.httpRequest(method(ctx), route(ctx), ctx.statusCode(), System.nanoTime() - started);
        }
      });
      errorPages.register(routes);
      new StaticAssets().register(routes);
      features.forEach(feature -> feature.accept(routes));
    });
  }

  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /** The request's method, or OTHER: Jetty takes any token as a method, and each must not become a series. */
  static String method(Context ctx) {
    String method = ctx.method().name();
    return METHODS.contains(method) ? method : "OTHER";
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

  /**
   * Builds Jetty's server without listening, so the app can do it while the database is still starting: the
   * first one built loads Jetty's media types, which list every locale the JDK knows (about 0.1 s of a start).
   */
  public WebServer prepare() {
    javalin.jettyServer().server();
    return this;
  }

  public WebServer start() {
    javalin.start();
    return this;
  }

  public int port() {
    return javalin.port();
  }

  /**
   * Stops taking new requests, lets those in flight finish (up to {@code grace}), then stops Jetty: Jetty's
   * own graceful stop, which returns as soon as the last request has finished.
   */
  public void stopGracefully(Duration grace) {
    jetty.setStopTimeout(grace.toMillis());
    javalin.stop();
    long left = graceful.getCurrentRequestCount();
    if (left > 0) {
      log.warn("Stopped with {} requests still in flight", left);
    }
  }
}
