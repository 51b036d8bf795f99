package dev.visionary.provider;

import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;

/** A call that got no HTTP answer, told in words that name the host and the wait that ran out. */
final class NoAnswer {

  private NoAnswer() {}

  /** A call that got no HTTP answer: classified by the shared taxonomy, explained with this call's host and timeouts. */
  static ProviderException from(Throwable failure, URI uri, CallPolicy policy) {
    String where = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    Failure kind = Failure.forIo(failure);
    String detail = switch (kind) {
      case TIMEOUT -> "no answer from " + where + " within " + seconds(policy.requestTimeout());
      case UNREACHABLE -> unreachable(failure, uri, where, policy);
      case SERVER -> "the connection to " + where + " closed unexpectedly";
      default -> "unexpected failure talking to " + where;
    };
    return new ProviderException(kind, 0, detail, null);
  }

  private static String unreachable(Throwable failure, URI uri, String where, CallPolicy policy) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof HttpConnectTimeoutException) {
        return "no connection to " + where + " within " + seconds(policy.connectTimeout());
      }
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "the host name " + uri.getHost() + " could not be found";
      }
    }
    return "nothing answers at " + where + "; is the server running?";
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
