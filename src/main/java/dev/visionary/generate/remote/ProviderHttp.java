package dev.visionary.generate.remote;

import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.provider.Failure;
import dev.visionary.provider.HttpClients;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP side shared by the remote engines: one attempt per call, and every way a call can fail on the
 * network turned into a retryable {@link ImageEngineException} that names the server but no secret.
 */
final class ProviderHttp {

  private final String provider;
  private final RemoteTimeouts timeouts;
  private final HttpClient api;
  private final HttpClient downloads;

  ProviderHttp(String provider, RemoteTimeouts timeouts) {
    this.provider = provider;
    this.timeouts = timeouts;
    this.api = HttpClients.api(timeouts.connect());
    this.downloads = HttpClients.downloads(timeouts.connect());
  }

  RemoteTimeouts timeouts() {
    return timeouts;
  }

  /** A short call such as a status poll. */
  HttpResponse<byte[]> send(HttpRequest.Builder request) throws ImageEngineException {
    return send(api, request.timeout(timeouts.request()).build());
  }

  /** A call that may take as long as a whole generation. */
  HttpResponse<byte[]> sendLong(HttpRequest.Builder request) throws ImageEngineException {
    return send(api, request.timeout(timeouts.generation()).build());
  }

  /** Starts a long call without blocking, so the caller can poll for progress meanwhile. */
  CompletableFuture<HttpResponse<byte[]>> sendLongAsync(HttpRequest.Builder request) {
    return api.sendAsync(request.timeout(timeouts.generation()).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * Sends a short call without waiting for its answer, even from an interrupted thread: asking a server to stop
   * work that nobody will collect. Its failure changes nothing for the caller, who has already given up.
   */
  void sendAndForget(HttpRequest.Builder request) {
    api.sendAsync(request.timeout(timeouts.request()).build(), HttpResponse.BodyHandlers.discarding());
  }

  /**
   * Whether the failure is a whole generation running out of time, after the server had the work: sending it
   * again would queue the same images a second time on a server that may still be drawing them.
   */
  static boolean generationTimedOut(ImageEngineException e) {
    return e.getCause() instanceof HttpTimeoutException && !(e.getCause() instanceof java.net.http.HttpConnectTimeoutException);
  }

  /** Waits for a call started with {@link #sendLongAsync}, translating its failure like {@link #send}. */
  HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> call, URI uri) throws ImageEngineException {
    try {
      return call.get();
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw ImageEngineException.of(Failure.TIMEOUT, "Stopped waiting for " + provider + " because the job was interrupted.", null, e);
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw networkFailure(cause, uri);
    }
  }

  /**
   * Waits for a call started with {@link #sendLongAsync}, running {@code whileWaiting} on this thread every
   * {@code every} until it completes; servers that block for a whole generation report progress elsewhere.
   */
  HttpResponse<byte[]> awaitPolling(CompletableFuture<HttpResponse<byte[]>> call, URI uri, Duration every, Runnable whileWaiting)
      throws ImageEngineException {
    while (!call.isDone()) {
      try {
        call.get(every.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        whileWaiting.run();
      } catch (ExecutionException e) {
        break;
      } catch (InterruptedException e) {
        call.cancel(true);
        Thread.currentThread().interrupt();
        throw ImageEngineException.of(Failure.TIMEOUT, "Stopped waiting for " + provider + " because the job was interrupted.", null, e);
      }
    }
    return await(call, uri);
  }

  /** Downloads a finished image from a URL the provider handed out; fails unless the answer is 200. */
  byte[] download(URI uri) throws ImageEngineException {
    HttpResponse<byte[]> response = send(downloads, HttpRequest.newBuilder(uri).timeout(timeouts.request()).GET().build());
    if (response.statusCode() != 200) {
      throw ImageEngineException.of(Failure.SERVER,
          provider + " finished, but downloading the image from " + uri.getHost() + " failed with HTTP " + response.statusCode() + ".");
    }
    return response.body();
  }

  private HttpResponse<byte[]> send(HttpClient client, HttpRequest request) throws ImageEngineException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ImageEngineException.of(Failure.TIMEOUT, "Stopped waiting for " + provider + " because the job was interrupted.", null, e);
    } catch (IOException e) {
      throw networkFailure(e, request.uri());
    }
  }

  /** Classified by the shared taxonomy; always retried, since a job can wait for a server to come back. */
  private ImageEngineException networkFailure(Throwable cause, URI uri) {
    String where = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    Failure kind = Failure.forIo(cause);
    if (cause instanceof HttpTimeoutException) {
      return ImageEngineException.retryable(kind, provider + " at " + where + " did not answer in time.", cause);
    }
    if (cause instanceof ConnectException) {
      return ImageEngineException.retryable(kind, "Could not connect to " + provider + " at " + where + "; is it running?", cause);
    }
    return ImageEngineException.retryable(kind,
        "The connection to " + provider + " at " + where + " failed (" + cause.getClass().getSimpleName() + ").", cause);
  }
}
