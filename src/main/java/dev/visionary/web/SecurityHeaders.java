package dev.visionary.web;

import io.javalin.http.Context;
import java.util.function.BiConsumer;

/** Headers every response carries. Scripts come only from our own origin: no inline script anywhere. */
public final class SecurityHeaders {
  static final String CSP = String.join("; ",
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'");

  private SecurityHeaders() {}

  static void apply(Context ctx) {
    apply(ctx::header, Requests.isHttps(ctx));
  }

  /** The same headers through any setter, for answers Jetty gives without a Javalin context. */
  static void apply(BiConsumer<String, String> header, boolean https) {
    header.accept("Content-Security-Policy", CSP);
    header.accept("X-Content-Type-Options", "nosniff");
    header.accept("Referrer-Policy", "same-origin");
    header.accept("X-Frame-Options", "DENY");
    header.accept("Cross-Origin-Opener-Policy", "same-origin");
    header.accept("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if (https) {
      header.accept("Strict-Transport-Security", "max-age=31536000");
    }
  }
}
