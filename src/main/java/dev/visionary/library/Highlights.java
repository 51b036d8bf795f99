package dev.visionary.library;

/**
 * Safe highlighted text: PostgreSQL marks matches with two private-use characters (removed from the
 * text first, so a person cannot type them), then the whole text is HTML-escaped and only then are
 * the marks turned into {@code <mark>} elements.
 */
final class Highlights {
  static final char START = '\uE000';
  static final char STOP = '\uE001';
  static final String OPTIONS_SNIPPET = "StartSel=" + START + ", StopSel=" + STOP + ", MaxWords=45, MinWords=20, MaxFragments=2, FragmentDelimiter=\" … \"";
  static final String OPTIONS_ALL = "StartSel=" + START + ", StopSel=" + STOP + ", HighlightAll=true";

  private Highlights() {}

  static String toHtml(String marked) {
    if (marked == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(marked.length() + 32);
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      switch (c) {
        case START -> out.append("<mark>");
        case STOP -> out.append("</mark>");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Plain text as escaped HTML, cut to about {@code max} characters at a word boundary. */
  static String plain(String text, int max) {
    String t = text == null ? "" : text.replace(START, ' ').replace(STOP, ' ');
    if (t.length() > max) {
      int cut = t.lastIndexOf(' ', max);
      t = t.substring(0, cut > max / 2 ? cut : max) + " …";
    }
    return toHtml(t);
  }
}
