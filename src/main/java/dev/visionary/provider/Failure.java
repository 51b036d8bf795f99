package dev.visionary.provider;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * What went wrong in a call to a provider, chat or image, in terms of what a person can do about it. Each kind says
 * whether the same call may succeed later; the chat clients retry within the call, image jobs are rescheduled.
 */
public enum Failure {
  AUTH("The API key was rejected", false),
  RATE_LIMITED("The provider is limiting how often it can be called", true),
  OVERLOADED("The provider is overloaded right now", true),
  SERVER("The provider had a server error", true),
  TIMEOUT("The provider did not answer in time", true),
  UNREACHABLE("The provider's server could not be reached", true),
  CONTENT_FILTER("The model declined this request (content policy)", false),
  BAD_REQUEST("The provider rejected the request", false),
  BAD_RESPONSE("The provider's answer could not be read", false);

  private final String summary;
  private final boolean retryable;

  Failure(String summary, boolean retryable) {
    this.summary = summary;
    this.retryable = retryable;
  }

  /** One sentence for a person, without the provider's own detail. */
  public String summary() {
    return summary;
  }

  /** Whether the same call may succeed later; a particular failure may know better (a used-up quota). */
  public boolean retryable() {
    return retryable;
  }

  /** The kind an HTTP error status stands for when the body says nothing more precise. */
  public static Failure forStatus(int status) {
    if (status == 401 || status == 403) {
      return AUTH;
    }
    if (status == 408) {
      return TIMEOUT;
    }
    if (status == 429) {
      return RATE_LIMITED;
    }
    if (status == 529) {
      return OVERLOADED;
    }
    if (status >= 500) {
      return SERVER;
    }
    return status >= 400 ? BAD_REQUEST : BAD_RESPONSE;
  }

  /**
   * The kind of a call that got no HTTP answer. The JDK wraps the telling exception in others, so the whole cause
   * chain is searched; a connect timeout is a server that cannot be reached, not a slow one.
   */
  public static Failure forIo(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HttpConnectTimeoutException
          || t instanceof UnresolvedAddressException || t instanceof UnknownHostException
          || t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return UNREACHABLE;
      }
      if (t instanceof HttpTimeoutException) {
        return TIMEOUT;
      }
    }
    // A connection that closed mid-answer is the server's failure and worth another try.
    return failure instanceof IOException || failure.getCause() instanceof IOException ? SERVER : BAD_RESPONSE;
  }
}
