package dev.visionary.web;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Rendered pages that show other people's things (a prompt, a collection, a profile, Explore, bookmarks), kept
 * under a key read from the database, so a change made on any instance changes the key, and shared by every
 * visitor who sees the same page: everyone signed out, or every session of one signed-in person.
 *
 * <p>The one part that differs between sessions of the same viewer is the CSRF token. The page is rendered
 * with a stand-in token, random per process so no text a person writes can contain it, and the session's
 * own token is put in its place on the way out: a visitor without a cookie costs copying the kept bytes, not a
 * render, and no visitor ever gets another session's token.
 */
final class SharedPageCache {
  /** Pages are 10–40 KB; this holds the few hundred most viewed. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private record Key(Object content, Object viewer, long viewerRevision, String address, boolean htmx) {}

  /**
   * The page as UTF-8, cut where the stand-in token was, so an answer joins the parts around the session's token;
   * {@code deflated} is each part compressed (see {@link Gzip}), for the browsers that take gzip; none for a page
   * under {@link Gzip#MIN_BYTES}, which is sent as it is.
   */
  private record Entry(int status, byte[][] parts, byte[][] deflated, String bodyTag) {
    int length() {
      return lengthOf(parts);
    }
  }

  private final String standIn = "csrf" + UUID.randomUUID().toString().replace("-", "");
  private final Counter renders;
  private final AsyncCache<Key, Entry> pages = Caffeine.newBuilder()
      .maximumWeight(MAX_BYTES)
      .weigher((Key key, Entry entry) -> entry.length() + lengthOf(entry.deflated()) + key.address().length() + 200)
      .buildAsync();

  SharedPageCache(MeterRegistry registry) {
    this.renders = Counter.builder("visionary.pages.shared.renders")
        .description("Public pages rendered because no kept copy matched what they show")
        .register(registry);
  }

  /**
   * Answers with the page kept under {@code content} for this viewer, rendering it with {@code render}
   * (which must not write to the response) when there is none. {@code viewer} and {@code viewerRevision}
   * stand for everything about the viewer the page shows (the header's name, their bookmark).
   */
  void serve(Context ctx, Object content, Object viewer, long viewerRevision, Supplier<Pages.Rendered> render) {
    String address = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
    Key key = new Key(content, viewer, viewerRevision, address, Htmx.isHtmx(ctx));
    Map<String, Object> shared = ctx.attribute(Pages.ATTR_MODEL);
    String csrf = shared == null ? "" : String.valueOf(shared.get("csrf"));
    Entry entry = OneRender.get(pages, key, () -> {
      Pages.Rendered rendered = renderWithStandIn(ctx, shared, csrf, render);
      byte[][] parts = cutAtStandIn(rendered.html());
      renders.increment();
      // A page too small to be sent compressed keeps no compressed copy.
      return new Entry(rendered.status(), parts, lengthOf(parts) >= Gzip.MIN_BYTES ? Gzip.deflateParts(parts) : new byte[0][],
          digest(rendered.html()));
    });
    boolean gzip = entry.length() >= Gzip.MIN_BYTES && Gzip.accepted(ctx.header("Accept-Encoding"));
    // The ETag covers the token too: a 304 must never leave a browser holding a token its session does not have.
    String etag = '"' + entry.bodyTag() + digest(csrf).substring(0, 8) + (gzip ? "-gz" : "") + '"';
    ctx.header("Vary", "HX-Request, Accept-Encoding");
    ctx.header("Cache-Control", "private, no-cache");
    ctx.header("ETag", etag);
    String ifNoneMatch = ctx.header("If-None-Match");
    if (entry.status() == 200 && ifNoneMatch != null && ifNoneMatch.contains(etag)) {
      ctx.status(304);
      return;
    }
    ctx.status(entry.status());
    ctx.contentType("text/html; charset=utf-8");
    byte[] token = csrf.getBytes(StandardCharsets.UTF_8);
    if (gzip) {
      ctx.header("Content-Encoding", "gzip"); // Javalin compresses no answer that already has an encoding
      ctx.result(Gzip.join(entry.parts(), entry.deflated(), token));
    } else {
      ctx.result(withToken(entry, token));
    }
  }

  private static int lengthOf(byte[][] parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    return length;
  }

  private Pages.Rendered renderWithStandIn(Context ctx, Map<String, Object> shared, String csrf, Supplier<Pages.Rendered> render) {
    if (shared == null || csrf.isEmpty()) {
      return render.get();
    }
    Map<String, Object> real = new HashMap<>(shared);
    shared.replaceAll((name, value) -> value instanceof String s ? s.replace(csrf, standIn) : value);
    try {
      return render.get();
    } finally {
      shared.putAll(real);
    }
  }

  /** Encoded once when kept, so an answer copies bytes rather than replacing text in and encoding the whole page. */
  private byte[][] cutAtStandIn(String html) {
    String[] cut = html.split(java.util.regex.Pattern.quote(standIn), -1);
    byte[][] parts = new byte[cut.length][];
    for (int i = 0; i < cut.length; i++) {
      parts[i] = cut[i].getBytes(StandardCharsets.UTF_8);
    }
    return parts;
  }

  private static byte[] withToken(Entry entry, byte[] token) {
    byte[][] parts = entry.parts();
    byte[] body = new byte[entry.length() + token.length * (parts.length - 1)];
    int at = 0;
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        System.arraycopy(token, 0, body, at, token.length);
        at += token.length;
      }
      System.arraycopy(parts[i], 0, body, at, parts[i].length);
      at += parts[i].length;
    }
    return body;
  }

  private static String digest(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
