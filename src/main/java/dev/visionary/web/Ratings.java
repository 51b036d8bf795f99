package dev.visionary.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's rating of one of their own things (an expansion card, a saved prompt, an image): 1 to 5 stars,
 * rejected, or none. Each feature stores its own; this is what they share: the stored values, reading the form
 * field, and the widget (templates/rating.html) every rated item draws.
 */
public final class Ratings {
  /** The stored value of a rejected item; null is unrated, 1 to 5 are stars. */
  public static final short REJECTED = -1;
  public static final int MAX_STARS = 5;
  /** The form field, and the words it takes besides a number of stars. */
  public static final String FIELD = "rating";
  static final String REJECT = "reject";
  static final String CLEAR = "clear";
  /** Where a rating sent without JavaScript returns to (the page it was sent from). */
  static final String BACK = "back";

  private Ratings() {}

  /**
   * The value the form asks for: a number of stars, {@link #REJECTED}, or null to clear. The widget sends the value
   * each button leads to (the current star clears, reject on a rejected item clears), so sending a form twice
   * leaves the same rating as sending it once.
   */
  public static Short read(Context ctx) {
    String raw = Forms.param(ctx, FIELD);
    String value = raw == null ? "" : raw.strip();
    if (value.equals(REJECT)) {
      return REJECTED;
    }
    if (value.equals(CLEAR)) {
      return null;
    }
    if (value.length() == 1 && value.charAt(0) >= '1' && value.charAt(0) <= '0' + MAX_STARS) {
      return (short) (value.charAt(0) - '0');
    }
    throw new BadRequestResponse("A rating is 1 to " + MAX_STARS + " stars, \"" + REJECT + "\" or \"" + CLEAR + "\".");
  }

  /**
   * Answers a rating change: the widget in its new state for HTMX, which swaps it in place; otherwise 303 back to
   * the page it was sent from (a page of this site), or to {@code fallback}.
   */
  public static void respond(Context ctx, Pages pages, Widget widget, String fallback) {
    String back = Urls.localOr(Forms.param(ctx, BACK), fallback);
    if (Htmx.isHtmx(ctx)) {
      ctx.header("Cache-Control", "no-store");
      // The same item can sit on several pages (an image on its job card, /images, its prompt's page): the new
      // widget keeps the page it is on.
      pages.fragment(ctx, "rating", Map.of("r", new Widget(widget.url(), widget.rating(), widget.item(), back)));
      return;
    }
    ctx.redirect(back, HttpStatus.SEE_OTHER);
  }

  /** The sort "best first" takes this id in an address, in the library as on /images. */
  public static final String BEST_FIRST = "best";

  /**
   * The SQL sort key of a rating column: stars high to low, then unrated, then rejected. V22's index on prompts is
   * on this very expression, and the filters are ranges of it.
   */
  public static String rank(String column) {
    return "coalesce(" + column + ", 0)";
  }

  /**
   * A filter by rating, as an address names it: {@code minimum} is the least {@link #rank} it keeps (null keeps all).
   * "4" keeps 4 stars and up (any number 1 to 5 the same), "rated" keeps starred items, "unrejected" hides rejected ones.
   */
  public record Filter(String id, String label, Integer minimum) {}

  /** The filters offered in the lists' forms, in order. */
  public static final List<Filter> FILTERS = List.of(new Filter("", "Any rating", null), new Filter("5", "5 stars", 5),
      new Filter("4", "4 stars and up", 4), new Filter("3", "3 stars and up", 3), new Filter("2", "2 stars and up", 2),
      new Filter("rated", "Rated", 1), new Filter("unrejected", "Hide rejected", 0));
  public static final String FILTER_PROBLEM = "Unknown rating filter: choose 1 to 5 (stars and up), \"rated\" or \"unrejected\".";

  /** The filter an address names; empty when it names none that exists. */
  public static Optional<Filter> filter(String id) {
    String value = id == null ? "" : id;
    if (value.equals("1")) {
      return Optional.of(new Filter("1", "1 star and up", 1));
    }
    return FILTERS.stream().filter(f -> f.id().equals(value)).findFirst();
  }

  /** Whether a stored value means rejected; for the dimmed look of a rejected item's card. */
  public static boolean rejected(Short rating) {
    return rating != null && rating == REJECTED;
  }

  /**
   * The rating widget of one item, for templates/rating.html.
   *
   * @param url    where the widget posts (the item's rating route)
   * @param rating the stored value
   * @param item   what is rated, for the buttons' labels ("Variation 2", a prompt's title)
   * @param back   the page the widget is on, where a rating sent without JavaScript returns
   */
  public record Widget(String url, Short rating, String item, String back) {
    public boolean rejected() {
      return Ratings.rejected(rating);
    }

    public int stars() {
      return rating == null || rating < 1 ? 0 : rating;
    }

    /** The state in words, for screen readers and as the widget's title. */
    public String summary() {
      if (rejected()) {
        return "Rejected";
      }
      return stars() == 0 ? "Not rated" : stars() + " of " + MAX_STARS + " stars";
    }

    /** {@code rated}, {@code rejected} or {@code unrated}: the widget's data-state, read by app.js and tests. */
    public String state() {
      return rejected() ? "rejected" : stars() > 0 ? "rated" : "unrated";
    }

    public List<Star> starButtons() {
      List<Star> out = new ArrayList<>(MAX_STARS);
      for (int n = 1; n <= MAX_STARS; n++) {
        boolean current = stars() == n;
        out.add(new Star(n, n <= stars(), current, current ? CLEAR : Integer.toString(n),
            current ? "Clear the rating of " + item + " (now " + n + " of " + MAX_STARS + ")" : "Rate " + item + " " + n + " of " + MAX_STARS));
      }
      return out;
    }

    public String rejectValue() {
      return rejected() ? CLEAR : REJECT;
    }

    public String rejectLabel() {
      return rejected() ? "Undo reject of " + item : "Reject " + item;
    }
  }

  /** One star button: {@code filled} draws it solid, {@code pressed} marks the current rating, {@code value} is what it sends. */
  public record Star(int number, boolean filled, boolean pressed, String value, String label) {}
}
