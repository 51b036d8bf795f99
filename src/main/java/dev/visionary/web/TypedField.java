package dev.visionary.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A field of a form that could not be saved, given back to the person on the error page so nothing they typed
 * is lost: the page offers it again in a form that sends it to the same address.
 *
 * @param name      the form field's name, sent again as it was
 * @param label     the name as a person reads it ("negative_prompt" → "Negative prompt")
 * @param value     what was typed
 * @param multiLine shown in a text area rather than a one-line field
 */
public record TypedField(String name, String label, String value, boolean multiLine) {
  /** Longer one-line values are easier to read and correct in a text area too. */
  private static final int ONE_LINE = 80;

  /** The fields of a URL-encoded form, in the order sent, without the CSRF token; none for any other body. */
  static List<TypedField> of(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return List.of();
    }
    Map<String, List<String>> form;
    try {
      form = ctx.formParamMap();
    } catch (IllegalArgumentException e) {
      return List.of(); // an undecodable body: nothing readable to give back
    }
    List<TypedField> fields = new ArrayList<>();
    form.forEach((name, values) -> {
      if (name.equals("_csrf")) {
        return;
      }
      for (String value : values) {
        boolean multiLine = value.contains("\n") || value.length() > ONE_LINE;
        fields.add(new TypedField(name, label(name), value, multiLine));
      }
    });
    return fields;
  }

  private static String label(String name) {
    String words = name.replace('_', ' ').replace('-', ' ').strip();
    return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
