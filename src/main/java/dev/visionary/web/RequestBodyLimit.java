package dev.visionary.web;

import io.javalin.config.MultipartConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.servlet.ServletException;
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
      // The unread rest would otherwise be drained from the connection: close it instead.
      ctx.header("Connection", "close");
      throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), TOO_LARGE, Map.of());
    }
  }
}
