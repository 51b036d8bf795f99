package dev.visionary.generate.remote;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Building endpoint addresses from configured base URLs, and showing them without credentials. */
final class RemoteUrls {

  private RemoteUrls() {}

  /** Appends {@code path} to a base that may or may not end with a slash (people write both). */
  static URI resolve(URI base, String path) {
    String text = base.toString();
    String joined = (text.endsWith("/") ? text : text + "/") + (path.startsWith("/") ? path.substring(1) : path);
    return URI.create(joined);
  }

  /** {@code path?k=v&…} with every value URL-encoded. */
  static URI resolve(URI base, String path, Map<String, String> query) {
    String encoded = query.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return resolve(base, path + "?" + encoded);
  }

  /** The base without user information, so it can be printed. */
  static URI withoutUserInfo(URI uri) {
    return URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "" : uri.getRawPath()));
  }

  /** Scheme, host and port only: enough to tell servers apart in logs and messages. */
  static String display(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }
}
