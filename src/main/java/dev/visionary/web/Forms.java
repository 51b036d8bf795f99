package dev.visionary.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;

/** Reading what people type: trimmed, line endings unified, control characters refused. */
public final class Forms {
  private Forms() {}

  /** Thrown for a field a person must correct; the message is shown next to the form. */
  public static final class Invalid extends RuntimeException {
    private final String field;

    public Invalid(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** The field's text, or "" when absent. Rejects text longer than {@code maxChars} code points. */
  public static String text(Context ctx, String name, String label, int maxChars, boolean multiLine) {
    String raw = param(ctx, name);
    return raw == null ? "" : clean(name, label, raw, maxChars, multiLine);
  }

  /** The same checks for text that came some other way, such as a row of an imported file. */
  public static String clean(String name, String label, String raw, int maxChars, boolean multiLine) {
    String value = raw.replace("\r\n", "\n").replace('\r', '\n').strip();
    if (value.codePointCount(0, value.length()) > maxChars) {
      throw new Invalid(name, label + " is too long: at most " + maxChars + " characters.");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowedWhitespace = c == '\t' || (multiLine && c == '\n');
      if ((Character.isISOControl(c) && !allowedWhitespace) || c == '\uFFFD') {
        throw new Invalid(name, label + " contains characters that can't be used (control characters or invalid text encoding).");
      }
    }
    return value;
  }

  /** A raw form field, with undecodable form bodies answered as a 400 rather than an error. */
  public static String param(Context ctx, String name) {
    try {
      return ctx.formParam(name);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse("The form data could not be read: it is not valid URL-encoded UTF-8.");
    }
  }

  /** Every value of a repeated field (checkboxes), in the order sent; undecodable bodies answered as for {@link #param}. */
  public static java.util.List<String> params(Context ctx, String name) {
    try {
      return ctx.formParams(name);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse("The form data could not be read: it is not valid URL-encoded UTF-8.");
    }
  }
}
