package dev.visionary.library;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The page a prompt was saved from, as the bookmarklet reports it. Only an absolute http(s) address is kept: anything
 * else (javascript:, data:, a relative path) would be a link on the prompt's page that does something other than open
 * a page, so it is dropped, title and all. Both parts come from another site's page, so they are bounded and put on one
 * line rather than refused: a long title is cut, not a reason to lose the prompt.
 */
record Source(String url, String title) {
  static final Source NONE = new Source("", "");
  static final int MAX_URL = 2000;
  static final int MAX_TITLE = 300;

  /** The source named by {@code url} and {@code title}, or {@link #NONE} when the address is not one to link to. */
  static Source of(String url, String title) {
    String u = url == null ? "" : url.strip();
    if (u.isEmpty() || u.length() > MAX_URL || !u.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      return NONE;
    }
    try {
      URI uri = new URI(u);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
        return NONE;
      }
    } catch (URISyntaxException e) {
      return NONE;
    }
    return new Source(u, oneLine(title, MAX_TITLE));
  }

  /** Control characters and runs of white space become one space; cut at {@code max} code points. */
  static String oneLine(String s, int max) {
    if (s == null) {
      return "";
    }
    String line = s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    return line.codePointCount(0, line.length()) <= max ? line : line.substring(0, line.offsetByCodePoints(0, max)).strip();
  }

  boolean present() {
    return !url.isEmpty();
  }

  /** What the link says: the page's title, or its host when the page had none. */
  String label() {
    return title.isEmpty() ? URI.create(url).getHost() : title;
  }
}
