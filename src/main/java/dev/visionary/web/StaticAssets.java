package dev.visionary.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code /static/…} (the top-level {@code static/} folder, packaged into the jar) and {@code /webjars/…}
 * (HTMX and its SSE extension), read from the class path on first request and then served from memory,
 * with a strong ETag and 304s. Javalin's static-file handler did this by mounting the whole jar as a zip
 * file system when the server was built: over a third of the start-up's work, for a handful of files.
 */
final class StaticAssets {
  /** The route templates; metrics label them {@code /static/*} and {@code /webjars/*}. */
  static final String STATIC = "/static/<path>";
  static final String WEBJARS = "/webjars/<path>";

  /** What may be asked for: known types only, no "..", no empty segments, no directories. */
  private static final Pattern SAFE_PATH = Pattern.compile("(?!.*\\.\\.)(?!.*//)[A-Za-z0-9._-][A-Za-z0-9._/-]*\\.([a-z0-9]+)");
  private static final Map<String, String> TYPES = Map.of(
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "map", "application/json; charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png",
      "ico", "image/x-icon",
      "woff2", "font/woff2");

  private record Asset(byte[] bytes, String contentType, String etag) {}

  /** Only files that exist: a miss is not remembered, so made-up paths cannot grow this. */
  private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

  void register(RoutesConfig routes) {
    // Our own files may change with each release; webjar URLs carry their version, so they never do.
    for (var folder : Map.of(STATIC, "static/", WEBJARS, "META-INF/resources/webjars/").entrySet()) {
      String cacheControl = folder.getKey().equals(STATIC) ? "public, max-age=3600" : "max-age=31622400";
      routes.get(folder.getKey(), ctx -> serve(ctx, folder.getValue(), cacheControl), RouteAccess.PUBLIC);
      routes.head(folder.getKey(), ctx -> serve(ctx, folder.getValue(), cacheControl), RouteAccess.PUBLIC);
    }
  }

  private void serve(Context ctx, String folder, String cacheControl) {
    String path = ctx.pathParam("path");
    var safe = SAFE_PATH.matcher(path);
    if (!safe.matches() || !TYPES.containsKey(safe.group(1))) {
      throw new NotFoundResponse();
    }
    Asset asset = loaded.get(folder + path);
    if (asset == null) {
      asset = read(folder + path, TYPES.get(safe.group(1)));
      if (asset == null) {
        throw new NotFoundResponse();
      }
      loaded.put(folder + path, asset);
    }
    ctx.header("Cache-Control", cacheControl);
    ctx.header("ETag", asset.etag());
    if (Requests.notModified(ctx, asset.etag())) {
      ctx.status(304);
      return;
    }
    ctx.contentType(asset.contentType()).result(asset.bytes());
  }

  private static Asset read(String resource, String contentType) {
    try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      byte[] bytes = in.readAllBytes();
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      String etag = "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12)) + "\"";
      return new Asset(bytes, contentType, etag);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
