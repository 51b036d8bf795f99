package dev.visionary.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers Jetty gives itself, before Javalin sees the request (a request line or headers too long, a
 * request it cannot parse): the same security headers and designed page as every other answer, in UTF-8,
 * instead of Jetty's bare ISO-8859-1 page.
 */
final class JettyErrors extends ErrorHandler {
  private final ErrorPages errorPages;
  private final TrustedProxies proxies;
  /** Rendered once per status: these answers come from a request that could not be read, possibly in bulk. */
  private final Map<Integer, byte[]> rendered = new ConcurrentHashMap<>();

  JettyErrors(ErrorPages errorPages, TrustedProxies proxies) {
    this.errorPages = errorPages;
    this.proxies = proxies;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException failure) {
      status = failure.getCode();
      response.setStatus(status);
    }
    boolean https = proxies.isHttps(Request.getRemoteAddr(request), request.isSecure() ? "https" : "http",
        request.getHeaders().getValuesList("X-Forwarded-Proto"));
    SecurityHeaders.apply((name, value) -> response.getHeaders().put(name, value), https);
    response.getHeaders().put("Cache-Control", "no-store");
    if (!errorPageForMethod(request.getMethod()) || HttpStatus.hasNoBody(status)) {
      callback.succeeded();
      return true;
    }
    byte[] page = rendered.computeIfAbsent(status, s -> errorPages.standalone(s).getBytes(StandardCharsets.UTF_8));
    response.getHeaders().put("Content-Type", "text/html; charset=utf-8");
    response.write(true, ByteBuffer.wrap(page), callback);
    return true;
  }
}
