package dev.visionary.web;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Whole rendered pages kept in memory, for pages that are a function of a key the caller can read cheaply
 * and that changes whenever anything on the page does (a person's library and their revision). Rendering a
 * library page reads the database several times and runs Thymeleaf over twenty cards; serving it again
 * costs a map lookup.
 *
 * <p>A page is kept per visitor session as well as per content key, because every page carries its
 * session's CSRF token; and per address and HTMX-or-not, because those choose what is rendered. Each page
 * has a strong ETag, so a browser revisiting it gets a 304 without the body.
 */
public final class PageCache {
  /** Pages are 10–40 KB: a few hundred of the most recently viewed fit. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private record Key(Object content, String csrf, String address, boolean htmx) {}

  /**
   * {@code gzip}: the body compressed once when kept, for the browsers that take gzip (see {@link Gzip}); empty for
   * a page under {@link Gzip#MIN_BYTES}, which is sent as it is.
   */
  private record Entry(int status, byte[] body, byte[] gzip, String etag) {}

  private final AsyncCache<Key, Entry> pages = Caffeine.newBuilder()
      .maximumWeight(MAX_BYTES)
      .weigher((Key key, Entry entry) -> entry.body().length + entry.gzip().length + key.address().length() + 200)
      .buildAsync();

  /**
   * Answers the request with the page kept under {@code content} for this session and address, rendering it
   * with {@code render} (which must not write to the response) when there is none.
   */
  public void serve(Context ctx, Object content, Supplier<Pages.Rendered> render) {
    Map<String, Object> shared = ctx.attribute(Pages.ATTR_MODEL);
    String csrf = shared == null ? "" : String.valueOf(shared.get("csrf"));
    String address = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
    Key key = new Key(content, csrf, address, Htmx.isHtmx(ctx));
    Entry entry = OneRender.get(pages, key, () -> {
      Pages.Rendered rendered = render.get();
      byte[] body = rendered.html().getBytes(StandardCharsets.UTF_8);
      byte[][] whole = {body};
      // A page too small to be sent compressed keeps no compressed copy.
      byte[] gzip = body.length >= Gzip.MIN_BYTES ? Gzip.join(whole, Gzip.deflateParts(whole), new byte[0]) : new byte[0];
      return new Entry(rendered.status(), body, gzip, etag(body));
    });
    boolean gzip = entry.body().length >= Gzip.MIN_BYTES && Gzip.accepted(ctx.header("Accept-Encoding"));
    // Each encoding is a representation of its own, with its own strong validator.
    String etag = gzip ? entry.etag().substring(0, entry.etag().length() - 1) + "-gz\"" : entry.etag();
    ctx.header("Vary", "HX-Request, Accept-Encoding");
    // Private: the page is one person's; no-cache: the browser asks again each time and gets a 304 if unchanged.
    ctx.header("Cache-Control", "private, no-cache");
    ctx.header("ETag", etag);
    String ifNoneMatch = ctx.header("If-None-Match");
    if (entry.status() == 200 && ifNoneMatch != null && ifNoneMatch.contains(etag)) {
      ctx.status(304);
      return;
    }
    ctx.status(entry.status());
    ctx.contentType("text/html; charset=utf-8");
    if (gzip) {
      ctx.header("Content-Encoding", "gzip"); // Javalin compresses no answer that already has an encoding
      ctx.result(entry.gzip());
    } else {
      ctx.result(entry.body());
    }
  }

  private static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
