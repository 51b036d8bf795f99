package dev.visionary.provider;

import dev.visionary.provider.Failure;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An HTTP response read line by line as it arrives, with a limit on how long any wait may last.
 *
 * <p>The JDK client's own request timeout stops at the response headers; a server that sends headers and then
 * stalls would otherwise block a streaming read for ever. Lines are handed over through a queue so every wait,
 * for headers or for the next line, is bounded by {@link CallPolicy#requestTimeout()}.
 */
public final class LineResponse implements AutoCloseable {

  private static final Object END = new Object();

  private final CallPolicy policy;
  private final HttpRequest request;
  private final BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
  private final CompletableFuture<ResponseInfo> head = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;
  private volatile boolean closed;
  private CompletableFuture<HttpResponse<Void>> exchange;
  private boolean ended;

  private LineResponse(CallPolicy policy, HttpRequest request) {
    this.policy = policy;
    this.request = request;
  }

  /** Sends the request and waits for the status line and headers. */
  public static LineResponse send(HttpClient client, HttpRequest request, CallPolicy policy) throws ProviderException {
    LineResponse response = new LineResponse(policy, request);
    response.exchange = client.sendAsync(request, info -> {
      response.head.complete(info);
      return BodySubscribers.fromLineSubscriber(response.new Lines(), lines -> null, StandardCharsets.UTF_8, null);
    });
    response.exchange.whenComplete((ignored, failure) -> {
      if (failure != null) {
        response.head.completeExceptionally(failure);
      }
    });
    try {
      // The request's own timeout normally fires first; this bound only guards against it not firing.
      response.head.get(policy.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
      return response;
    } catch (ExecutionException e) {
      response.close();
      throw NoAnswer.from(e.getCause(), request.uri(), policy);
    } catch (TimeoutException e) {
      response.close();
      throw NoAnswer.from(new HttpTimeoutException("no headers"), request.uri(), policy);
    } catch (InterruptedException e) {
      response.close();
      throw cancelled();
    }
  }

  public int status() {
    return head.join().statusCode();
  }

  public HttpHeaders headers() {
    return head.join().headers();
  }

  public boolean isEventStream() {
    return headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT).startsWith("text/event-stream");
  }

  /** The next line, or null at the end of the body. */
  public String nextLine() throws ProviderException {
    if (ended) {
      return null;
    }
    Object item;
    try {
      item = lines.poll(policy.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      close();
      throw cancelled();
    }
    if (item == null) {
      close();
      throw NoAnswer.from(new HttpTimeoutException("stalled"), request.uri(), policy);
    }
    if (item == END) {
      ended = true;
      return null;
    }
    if (item instanceof Throwable failure) {
      ended = true;
      throw NoAnswer.from(failure, request.uri(), policy);
    }
    return (String) item;
  }

  /** The whole body as text, up to {@code maxChars}; error bodies and JSON answers are small. */
  public String body(int maxChars) throws ProviderException {
    StringBuilder text = new StringBuilder();
    for (String line = nextLine(); line != null && text.length() < maxChars; line = nextLine()) {
      text.append(line).append('\n');
    }
    return text.toString();
  }

  /** Stops reading; the connection is dropped if the body is not finished. */
  @Override
  public void close() {
    closed = true;
    Flow.Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
    if (exchange != null) {
      exchange.cancel(true);
    }
  }

  private static ProviderException cancelled() {
    Thread.currentThread().interrupt();
    return new ProviderException(Failure.TIMEOUT, 0, "the request was cancelled", null, false);
  }

  private final class Lines implements Flow.Subscriber<String> {
    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (closed) {
        s.cancel();
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(String line) {
      lines.add(line);
    }

    @Override
    public void onError(Throwable failure) {
      lines.add(failure);
    }

    @Override
    public void onComplete() {
      lines.add(END);
    }
  }
}
