package dev.visionary.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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

/** A provider stand-in on 127.0.0.1 that records every request and answers with scripted wire-format replies. */
public final class FakeServer implements AutoCloseable {

  public static final ObjectMapper JSON = new ObjectMapper();

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

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private FakeServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::dispatch);
    server.setExecutor(executor);
    server.start();
  }

  public static FakeServer start() {
    try {
      return new FakeServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Routes {@code method path}; a path ending in {@code *} matches every path with that prefix. */
  public FakeServer on(String method, String path, Handler handler) {
    handlers.put(method + " " + path, handler);
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
      Reply reply;
      try {
        reply = find(method, path).handle(request);
      } catch (Exception e) {
        reply = Reply.text(599, "fake server handler failed: " + e);
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
      exchange.getResponseBody().write(reply.body());
    }
  }

  private Handler find(String method, String path) {
    Handler exact = handlers.get(method + " " + path);
    if (exact != null) {
      return exact;
    }
    return handlers.entrySet().stream()
        .filter(e -> e.getKey().endsWith("*") && (method + " " + path).startsWith(e.getKey().substring(0, e.getKey().length() - 1)))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(request -> Reply.json(404, "{\"detail\":\"Not Found\"}"));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
