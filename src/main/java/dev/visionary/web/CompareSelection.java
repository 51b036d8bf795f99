package dev.visionary.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The items a comparison URL names ({@code ?p=a&p=b}): two to four, each named once. Anything else is a 400
 * that says what to do, since a comparison is a bookmarkable GET anyone can type.
 */
public final class CompareSelection {
  public static final int MIN = 2;
  public static final int MAX = 4;
  /** Longer than any id or card number; a longer value is not one, and is not worth reading further. */
  private static final int MAX_VALUE = 64;

  private CompareSelection() {}

  /** The distinct values of the query parameter, in the order given; {@code what} names the items ("cards"). */
  public static List<String> read(Context ctx, String name, String what) {
    List<String> raw;
    try {
      raw = ctx.queryParams(name);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse("The address could not be read: it is not valid URL-encoded UTF-8.");
    }
    if (raw.size() > MAX * 4) {
      throw new BadRequestResponse(tooMany(what));
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (String value : raw) {
      String v = value.strip();
      if (v.isEmpty()) {
        continue;
      }
      if (v.length() > MAX_VALUE) {
        throw new BadRequestResponse("One of the " + what + " in the address is not one Visionary knows.");
      }
      distinct.add(v);
    }
    if (distinct.size() < MIN) {
      throw new BadRequestResponse("Pick at least " + MIN + " different " + what + " to compare (" + distinct.size() + " picked).");
    }
    if (distinct.size() > MAX) {
      throw new BadRequestResponse(tooMany(what));
    }
    return new ArrayList<>(distinct);
  }

  private static String tooMany(String what) {
    return "Pick at most " + MAX + " " + what + " to compare: side by side, more would be too narrow to read.";
  }
}
