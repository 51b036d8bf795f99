package dev.visionary.expand.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.visionary.support.FakeServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chat provider script on the shared {@link FakeServer}: each request takes the next scripted reply, or the
 * standing reply once the script is used up. Every request is recorded with its arrival time.
 */
final class FakeProviderServer implements AutoCloseable {

  record Received(String method, String path, Headers headers, String body, long arrivedNanos) {
    JsonNode json() {
      try {
        return FakeServer.JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("request body is not JSON: " + body, e);
      }
    }
  }

  interface Reply {
    void send(HttpExchange exchange, Received request, FakeProviderServer server) throws Exception;
  }

  final List<Received> received = new CopyOnWriteArrayList<>();
  /** When the last piece of the most recent streamed reply was written. */
  final AtomicLong lastChunkNanos = new AtomicLong();
  private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
  private volatile Reply standing = json(500, "{\"error\":{\"message\":\"no reply scripted\",\"type\":\"server_error\"}}");
  private final FakeServer server = FakeServer.start();

  private FakeProviderServer() {
    for (String method : List.of("GET", "POST")) {
      server.stream(method, "/*", (exchange, request) -> {
        String path = request.path() + (request.query() == null ? "" : "?" + request.query());
        Received received = new Received(request.method(), path, request.headers(), request.text(), System.nanoTime());
        this.received.add(received);
        Reply reply = script.poll();
        (reply != null ? reply : standing).send(exchange, received, this);
      });
    }
  }

  static FakeProviderServer start() throws IOException {
    return new FakeProviderServer();
  }

  String url(String path) {
    return server.uri() + path;
  }

  FakeProviderServer then(Reply reply) {
    script.add(reply);
    return this;
  }

  FakeProviderServer always(Reply reply) {
    standing = reply;
    return this;
  }

  /** Milliseconds between the arrivals of request {@code from} and request {@code to}. */
  long millisBetween(int from, int to) {
    return (received.get(to).arrivedNanos() - received.get(from).arrivedNanos()) / 1_000_000;
  }

  static Reply json(int status, String body, String... headerPairs) {
    return text(status, "application/json", body, headerPairs);
  }

  static Reply text(int status, String contentType, String body, String... headerPairs) {
    return (exchange, request, server) -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      for (int i = 0; i + 1 < headerPairs.length; i += 2) {
        exchange.getResponseHeaders().set(headerPairs[i], headerPairs[i + 1]);
      }
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    };
  }

  /** A 200 event stream, each piece written and flushed on its own, {@code pauseMillis} apart. */
  static Reply sse(long pauseMillis, String... pieces) {
    return (exchange, request, server) -> {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      for (int i = 0; i < pieces.length; i++) {
        if (i > 0) {
          Thread.sleep(pauseMillis);
        }
        if (i == pieces.length - 1) {
          server.lastChunkNanos.set(System.nanoTime());
        }
        out.write(pieces[i].getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    };
  }

  /** Sends the pieces, then never writes again nor closes: a stalled stream. */
  static Reply sseThenStall(String... pieces) {
    return (exchange, request, server) -> {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      for (String piece : pieces) {
        exchange.getResponseBody().write(piece.getBytes(StandardCharsets.UTF_8));
        exchange.getResponseBody().flush();
      }
      Thread.sleep(60_000);
    };
  }

  /** Reads the request and never answers. */
  static Reply silence() {
    return (exchange, request, server) -> Thread.sleep(60_000);
  }

  @Override
  public void close() {
    server.close();
  }
}
