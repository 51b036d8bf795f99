package dev.visionary.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.visionary.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one provider stand-in of the tests: an HTTP server on 127.0.0.1 that records every request and answers with
 * scripted wire-format replies. A {@link Handler} returns a whole reply; a {@link Writer} writes the exchange itself,
 * for streamed answers (server-sent events), stalls and silences. The chat and image fakes are scripts on top of it.
 */
public final class FakeServer implements AutoCloseable {

  public static final ObjectMapper JSON = Json.MAPPER;

  public record Request(String method, String path, String query, Headers headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public record Reply(int status, Map<String, String> headers, byte[] body) {
    public static Reply json(int status, String json) {
      return new Reply(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    public static Reply json(int status, String json, Map<String, String> extraHeaders) {
      Map<String, String> headers = new java.util.HashMap<>(extraHeaders);
      headers.put("Content-Type", "application/json");
      return new Reply(status, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    public static Reply text(int status, String text) {
      return new Reply(status, Map.of("Content-Type", "text/plain"), text.getBytes(StandardCharsets.UTF_8));
    }

    public static Reply bytes(String contentType, byte[] body) {
      return new Reply(200, Map.of("Content-Type", contentType), body);
    }
  }

  @FunctionalInterface
  public interface Handler {
    Reply handle(Request request) throws Exception;
  }

  /** Writes the answer to the exchange itself; an exception means the client hung up and ends the exchange quietly. */
  @FunctionalInterface
  public interface Writer {
    void write(HttpExchange exchange, Request request) throws Exception;
  }

  private final HttpServer server;
  private final Map<String, Writer> writers = new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private FakeServer(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::dispatch);
    server.setExecutor(executor);
    server.start();
  }

  public static FakeServer start() {
    return startOn(0);
  }

  /** On a given port, for a provider Visionary looks for at its usual address (Ollama's 11434). */
  public static FakeServer startOn(int port) {
    try {
      return new FakeServer(port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Routes {@code method path}; a path ending in {@code *} matches every path with that prefix. */
  public FakeServer on(String method, String path, Handler handler) {
    handlers.put(method + " " + path, handler);
    return this;
  }

  /** Routes {@code method path} (a trailing {@code *} matches a prefix) to a handler that writes its own answer. */
  public FakeServer stream(String method, String path, Writer writer) {
    writers.put(method + " " + path, writer);
    return this;
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      Request request = new Request(method, path, exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
          exchange.getRequestBody().readAllBytes());
      requests.add(request);
      Writer writer = find(writers, method, path);
      if (writer != null) {
        try {
          writer.write(exchange, request);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (Exception e) {
          // The client hung up (timeouts, cancelled streams): nothing left to answer.
        }
        return;
      }
      Reply reply;
      try {
        Handler handler = find(handlers, method, path);
        reply = handler == null ? Reply.json(404, "{\"detail\":\"Not Found\"}") : handler.handle(request);
      } catch (Exception e) {
        reply = Reply.text(599, "fake server handler failed: " + e);
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
      exchange.getResponseBody().write(reply.body());
    }
  }

  private static <T> T find(Map<String, T> routes, String method, String path) {
    T exact = routes.get(method + " " + path);
    if (exact != null) {
      return exact;
    }
    return routes.entrySet().stream()
        .filter(e -> e.getKey().endsWith("*") && (method + " " + path).startsWith(e.getKey().substring(0, e.getKey().length() - 1)))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
