package dev.visionary.provider;

import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP clients every provider is called through. */
public final class HttpClients {

  private HttpClients() {}

  /**
   * For API calls, which carry credentials: never follows a redirect, so a key is only ever sent to the configured
   * host. HTTP/1.1 because the JDK's h2c upgrade attempt on plain-http URLs confuses some local model servers, and
   * streamed answers gain nothing from HTTP/2 here.
   */
  public static HttpClient api(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** For fetching finished images from storage hosts that may redirect; these requests carry no credentials. */
  public static HttpClient downloads(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }
}
