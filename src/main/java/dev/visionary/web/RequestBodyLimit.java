package dev.visionary.web;

import io.javalin.config.MultipartConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds every request body, multipart uploads included, to {@link WebServer#MAX_REQUEST_BYTES}.
 *
 * <p>Javalin applies its request size limit only when a handler reads the body as a whole; multipart
 * forms went to Jetty's parser unbounded, and 21, 100 and 400 MiB files were read whole.
 */
final class RequestBodyLimit {
  private static final String TOO_LARGE = "What you sent is larger than Visionary accepts: at most "
      + WebServer.MAX_REQUEST_BYTES / (1024 * 1024) + " MB per request. Nothing was saved.";
  private static final String UNREADABLE = "The upload could not be read: it ended early or is not a complete form. Nothing was saved.";
  private static final Logger log = LoggerFactory.getLogger(RequestBodyLimit.class);
  /** Bodies declared up to this size are read and discarded before the 413; larger ones are cut off. */
  private static final long DRAINED_AT_MOST = 2 * WebServer.MAX_REQUEST_BYTES;

  private RequestBodyLimit() {}

  static void configure(MultipartConfig multipart) {
    multipart.maxTotalRequestSize(WebServer.MAX_REQUEST_BYTES, SizeUnit.BYTES);
    // Parts stay in memory, which the limit bounds and the import spends anyway (it reads the whole
    // file): no temporary file exists that a failed, abandoned or killed upload could leave behind.
    multipart.maxInMemoryFileSize((int) WebServer.MAX_REQUEST_BYTES, SizeUnit.BYTES);
  }

  /** Refuses bodies announced as too large, and answers multipart bodies that turn out too large or broken. */
  static void register(RoutesConfig routes, ErrorPages errorPages) {
    routes.before(RequestBodyLimit::refuseDeclaredTooLarge);
    // Jetty's multipart parser reports a body streamed past the limit, or cut short, as a ServletException.
    routes.exception(ServletException.class, (e, ctx) -> {
      int status = statusFor(e);
      if (status >= 500) {
        log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
        errorPages.show(ctx, status, null);
      } else {
        ctx.header("Connection", "close");
        errorPages.show(ctx, status, status == HttpStatus.CONTENT_TOO_LARGE.getCode() ? TOO_LARGE : UNREADABLE);
      }
    });
  }

  private static int statusFor(Throwable e) {
    int status = HttpStatus.INTERNAL_SERVER_ERROR.getCode();
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).startsWith("max length exceeded")) {
        return HttpStatus.CONTENT_TOO_LARGE.getCode();
      }
      if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
        status = http.getCode();
      }
    }
    return status;
  }

  /** A body announced as too large is refused before any of it is read. */
  private static void refuseDeclaredTooLarge(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > WebServer.MAX_REQUEST_BYTES) {
      if (declared <= DRAINED_AT_MOST) {
        // A file a little too large, the usual mistake: read it to the end and throw it away, so the browser,
        // still sending, gets to read the answer. Closing at once would reset the connection under it, and
        // a reset discards the answer the browser has not read yet: it would show a network error instead.
        drain(ctx);
      } else {
        // Far too large to be a mistake: not worth reading. The client may see the reset, not the page.
        ctx.header("Connection", "close");
      }
      throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), TOO_LARGE, Map.of());
    }
  }

  private static void drain(Context ctx) {
    byte[] discard = new byte[64 * 1024];
    try (InputStream in = ctx.req().getInputStream()) {
      while (in.read(discard) >= 0) {
        // discarded: memory stays at one buffer however much arrives
      }
    } catch (IOException e) {
      ctx.header("Connection", "close"); // the client gave up or broke off; nothing left to protect
    }
  }
}
