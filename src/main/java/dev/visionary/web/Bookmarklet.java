package dev.visionary.web;

import io.javalin.http.Context;

/**
 * "Save to Visionary": a bookmark whose address is a script. Run on any page, it opens this app's new-prompt form in
 * a new tab with the selected text (or text it asks for) and the page's address and title. It injects nothing into
 * the page, only calls window.open, so it works on sites whose Content-Security-Policy forbids injected scripts.
 * The library and settings pages show it as a link to drag to the bookmarks bar.
 */
public final class Bookmarklet {
  private Bookmarklet() {}

  /**
   * The bookmark's address, for this app as the browser reached it ({@link Requests#origin}). The origin is checked
   * there to hold only host characters, so it is safe inside the script's quotes; the page escapes the attribute.
   * Spaces are written %20, as a browser writes them when it saves a bookmark.
   */
  public static String href(Context ctx) {
    return code(Requests.origin(ctx)).replace(" ", "%20");
  }

  static String code(String origin) {
    return "javascript:(function(){"
        + "var s=String(window.getSelection()).trim();"
        + "if(!s){s=prompt('Text to save to Visionary:');if(!s){return;}}"
        + "window.open('" + origin + Urls.PROMPT_NEW + "?text='+encodeURIComponent(s)"
        + "+'&source_url='+encodeURIComponent(location.href)"
        + "+'&source_title='+encodeURIComponent(document.title),'_blank');"
        + "})();";
  }
}
