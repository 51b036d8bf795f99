package dev.visionary.generate.remote;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * ComfyUI's event stream for one client id. Messages are queued so the job's own thread handles them (and
 * reports progress) in order; binary frames are live previews in ComfyUI's own framing and are skipped.
 */
final class ComfySocket implements AutoCloseable {

  // Put on the queue when the server closes or the connection breaks, so the reader stops waiting for events.
  private static final String CLOSED = new String("closed");

  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private volatile boolean open = true;
  private WebSocket socket;

  private ComfySocket() {}

  /** Connects before the prompt is queued, so no event is missed; empty when the server offers no websocket. */
  static Optional<ComfySocket> connect(HttpClient client, URI base, String clientId, Duration timeout) {
    String scheme = "https".equals(base.getScheme()) ? "wss" : "ws";
    URI uri = URI.create(scheme + "://" + base.getRawAuthority() + (base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/$", ""))
        + "/ws?clientId=" + clientId);
    ComfySocket events = new ComfySocket();
    try {
      events.socket = client.newWebSocketBuilder().connectTimeout(timeout).buildAsync(uri, events.new Listener())
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return Optional.of(events);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    }
  }

  boolean isOpen() {
    return open;
  }

  /** The next text message, waiting at most {@code wait}; null when none came or the connection ended. */
  String next(Duration wait) throws InterruptedException {
    if (!open && messages.isEmpty()) {
      return null;
    }
    String message = messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (message == CLOSED) {
      open = false;
      return null;
    }
    return message;
  }

  @Override
  public void close() {
    open = false;
    if (socket != null) {
      socket.abort();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      messages.add(CLOSED);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      messages.add(CLOSED);
    }
  }
}
